/**
 * WorkSpaces Secure Browser: portals in every location, from carefully locked down to wide
 * open, with their settings resources, identity providers and a session history that the
 * AWS/WorkSpacesWeb metrics are counted from.
 */
import type { AuthenticationType, Portal, PortalStatus, Session } from '@aws-sdk/client-workspaces-web';
import { DAY_MS, type GenerationContext, HOUR_MS, type Location } from '../../model.js';
import { businessHoursUtcOffset } from '../../regions.js';
import type { Rng } from '../../rng.js';
import { FIRST_NAMES, LAST_NAMES } from '../personal/catalogue.js';
import type { PortalProfile, SecureBrowserEstate, SimPortal } from './model.js';
import { buildOrphans, buildPortalSettings, buildSessionLogger, webArn } from './settings.js';

/** The first portals take one profile each, so a small estate still shows every finding. */
const LEADING_PROFILES: readonly PortalProfile[] = [
  'well-configured',
  'risky',
  'incomplete',
  'idle',
  'partial',
  'pending',
];
const LATER_PROFILES: readonly (readonly [PortalProfile, number])[] = [
  ['well-configured', 45],
  ['partial', 30],
  ['risky', 12],
  ['idle', 6],
  ['incomplete', 4],
  ['pending', 3],
];
const PORTAL_NAMES = [
  'Partner access',
  'Contractor SaaS',
  'Call centre CRM',
  'Finance apps',
  'HR self-service',
  'Vendor portal',
  'Research browsing',
  'Claims intranet',
] as const;
/** Portals keep this much session history in the estate (ListSessions and the metrics). */
const HISTORY_DAYS = 35;
/** Secure Browser became generally available in November 2022 (as WorkSpaces Web). */
const SERVICE_LAUNCH = Date.UTC(2022, 10, 30);

const STATUS_OF: Readonly<Record<PortalProfile, PortalStatus>> = {
  'well-configured': 'Active',
  partial: 'Active',
  risky: 'Active',
  idle: 'Active',
  incomplete: 'Incomplete',
  pending: 'Pending',
};

/** Client addresses: office egress for restricted portals, anywhere for the others. */
function clientAddress(rng: Rng, restricted: boolean): string {
  if (restricted) return rng.chance(0.7) ? `198.51.100.${rng.int(2, 254)}` : `203.0.113.${rng.int(1, 14)}`;
  return `${rng.pick(['192.0.2', '198.51.100', '203.0.113'])}.${rng.int(2, 254)}`;
}

interface SessionPlan {
  readonly from: number;
  readonly until: number;
  readonly users: readonly string[];
  readonly utcOffsetHours: number;
  readonly failureRate: number;
  readonly restricted: boolean;
}

/** Sessions day by day over [from, until): most users sign in on working days, a few at weekends. */
function makeSessions(rng: Rng, portalArn: string, plan: SessionPlan, now: number) {
  const sessions: Session[] = [];
  const failedAttempts: number[] = [];
  const firstDay = Math.floor(plan.from / DAY_MS);
  const lastDay = Math.floor((plan.until - 1) / DAY_MS);
  // Local days straddle UTC days: cover one more on each side and keep what falls in range.
  for (let day = firstDay - 1; day <= lastDay + 1; day++) {
    const localNoon = day * DAY_MS + 12 * HOUR_MS;
    const weekday = new Date(localNoon).getUTCDay();
    const workday = weekday >= 1 && weekday <= 5;
    const count = Math.round(plan.users.length * (workday ? 0.45 + rng.next() * 0.3 : rng.next() * 0.06));
    const localMidnight = day * DAY_MS - plan.utcOffsetHours * HOUR_MS;
    const starts: number[] = [];
    for (let n = 0; n < count; n++) {
      const start = localMidnight + Math.round((7.5 + rng.next() * 9.5) * 60) * 60_000;
      if (start < plan.from || start >= plan.until) continue;
      starts.push(start);
      // From a quick look-up to a working day in a SaaS app: 15 minutes to 8 hours, so a
      // portal in use has live sessions at any hour of its working day.
      const end = start + (15 + rng.int(0, 465)) * 60_000;
      const session: Session = {
        portalArn,
        sessionId: rng.uuid(),
        username: rng.pick(plan.users),
        clientIpAddresses: [clientAddress(rng, plan.restricted)],
        status: end > now ? 'Active' : 'Terminated',
        startTime: new Date(start),
      };
      if (end <= now) session.endTime = new Date(end);
      sessions.push(session);
    }
    for (const start of starts)
      if (rng.chance(plan.failureRate)) failedAttempts.push(start - rng.int(1, 4) * 60_000);
  }
  sessions.sort((a, b) => (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0));
  failedAttempts.sort((a, b) => a - b);
  return { sessions, failedAttempts };
}

function makeUsers(rng: Rng, count: number, authentication: AuthenticationType): string[] {
  const users = new Set<string>();
  while (users.size < count) {
    const name = `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}`;
    users.add(authentication === 'Standard' ? `${name}@example.com` : name);
  }
  return [...users];
}

function makePortal(
  estate: SecureBrowserEstate,
  rng: Rng,
  location: Location,
  profile: PortalProfile,
  index: number,
  now: number,
  sharedIpAccess: Map<string, string>,
): SimPortal {
  const portalId = rng.uuid();
  const portalArn = webArn(location, 'portal', portalId);
  const displayName = `${PORTAL_NAMES[index % PORTAL_NAMES.length] ?? 'Portal'} ${index + 1}`;
  const createdAt =
    profile === 'pending'
      ? now - 20 * 60_000
      : profile === 'incomplete'
        ? now - rng.int(3, 30) * DAY_MS
        : SERVICE_LAUNCH + Math.floor(rng.next() * (now - 90 * DAY_MS - SERVICE_LAUNCH));
  const authenticationType: AuthenticationType =
    profile === 'incomplete' || rng.chance(0.6) ? 'Standard' : 'IAM_Identity_Center';
  const settings = buildPortalSettings(
    estate,
    rng,
    location,
    profile,
    portalArn,
    displayName,
    new Date(createdAt),
    sharedIpAccess,
  );
  const portal: Portal = {
    portalArn,
    displayName,
    portalStatus: STATUS_OF[profile],
    rendererType: 'AppStream',
    browserType: 'Chrome',
    authenticationType,
    portalEndpoint: `${rng.hex(12)}.workspaces-web.com`,
    creationDate: new Date(createdAt),
    instanceType: rng.pick([
      'standard.regular',
      'standard.regular',
      'standard.large',
      'standard.xlarge',
    ] as const),
    maxConcurrentSessions: rng.pick([10, 25, 50, 100, 200]),
    ...settings,
    ...(profile === 'incomplete'
      ? { statusReason: 'The portal has no identity provider. Add one to make the portal active.' }
      : {}),
    ...((profile === 'well-configured' || profile === 'idle') && rng.chance(0.4)
      ? {
          customerManagedKey: `arn:aws:kms:${location.region}:${location.account}:key/${rng.uuid()}`,
          portalCustomDomain: `browser${index + 1}.example.com`,
        }
      : {}),
  };
  const active = STATUS_OF[profile] === 'Active';
  // Standard portals sign in through a SAML identity provider; Identity Center portals need none.
  const identityProviders =
    active && authenticationType === 'Standard'
      ? [
          {
            identityProviderArn: webArn(location, 'identityProvider', `${portalId}/${rng.uuid()}`),
            identityProviderName: rng.pick(['Okta', 'EntraID', 'PingFederate']),
            identityProviderType: 'SAML' as const,
          },
        ]
      : [];
  const users = makeUsers(rng, rng.int(4, 30), authenticationType);
  const plan: SessionPlan = {
    // An idle portal's users stopped coming 40-55 days ago; the others are in use up to now.
    from: Math.max(createdAt, now - (profile === 'idle' ? rng.int(60, 90) : HISTORY_DAYS) * DAY_MS),
    until: profile === 'idle' ? now - rng.int(40, 55) * DAY_MS : now,
    users,
    utcOffsetHours: businessHoursUtcOffset(location.region),
    failureRate: profile === 'risky' ? 0.12 : rng.chance(0.2) ? 0.05 : 0.01,
    restricted: settings.ipAccessSettingsArn !== undefined,
  };
  const history = active ? makeSessions(rng, portalArn, plan, now) : { sessions: [], failedAttempts: [] };
  return {
    ...location,
    portalId,
    portal,
    profile,
    identityProviders,
    sessions: history.sessions,
    failedAttempts: history.failedAttempts,
    tags: rng.chance(0.7)
      ? [
          { Key: 'Owner', Value: `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}` },
          { Key: 'Environment', Value: profile === 'pending' ? 'staging' : 'production' },
        ]
      : [],
  };
}

/**
 * Secure Browser portals over every location, with their session loggers, and a few orphaned
 * settings in the first location.
 */
export function generateSecureBrowser(ctx: GenerationContext): SecureBrowserEstate {
  const { rng, settings, locations } = ctx;
  const now = settings.now.getTime();
  const estate: SecureBrowserEstate = {
    portals: [],
    userSettings: [],
    networkSettings: [],
    ipAccessSettings: [],
    dataProtectionSettings: [],
    browserSettings: [],
    userAccessLoggingSettings: [],
    trustStores: [],
    sessionLoggers: [],
  };
  // Session loggers came to the simulator after the rest: they draw from their own stream, so the
  // portals, settings and sessions of a seed stayed what they were.
  const loggerRng = rng.fork('session-loggers');
  const sharedIpAccess = new Map<string, string>();
  for (let i = 0; i < settings.portals; i++) {
    // Round-robin over locations, so the leading profiles land in different accounts and regions.
    const location = locations[i % locations.length];
    if (!location) continue;
    const profile = LEADING_PROFILES[i] ?? rng.weighted(LATER_PROFILES);
    estate.portals.push(makePortal(estate, rng, location, profile, i, now, sharedIpAccess));
  }
  const sharedLoggers = new Map<string, string>();
  for (const sim of estate.portals) {
    if (sim.portal.portalStatus !== 'Active') continue;
    const sessionLoggerArn = buildSessionLogger(estate, loggerRng, sim, settings.now, sharedLoggers);
    if (sessionLoggerArn) sim.portal.sessionLoggerArn = sessionLoggerArn;
  }
  const first = locations[0];
  if (first && settings.portals > 0) buildOrphans(estate, rng, first, settings.now);
  return estate;
}
