/**
 * The settings resources a Secure Browser portal is associated with, shaped by how carefully the
 * portal was set up. Each builder adds the resource to the estate (with the portal in its
 * associatedPortalArns) and returns its ARN.
 */
import type {
  EnabledType,
  EventFilter,
  InlineRedactionPattern,
  Event as SessionEvent,
  UserSettings,
} from '@aws-sdk/client-workspaces-web';
import { DAY_MS, type Location } from '../../model.js';
import type { Rng } from '../../rng.js';
import type { PortalProfile, SecureBrowserEstate, SimPortal, SimWebSettings } from './model.js';

export function webArn(location: Location, kind: string, id: string): string {
  return `arn:aws:workspaces-web:${location.region}:${location.account}:${kind}/${id}`;
}

/** Office egress ranges (documentation addresses) that restricted portals allow. */
export const CORPORATE_RANGES = [
  { ipRange: '198.51.100.0/24', description: 'HQ egress' },
  { ipRange: '203.0.113.0/28', description: 'Remote-access VPN' },
] as const;

/**
 * Redaction of card and identity numbers plus one custom pattern. The built-in ids stand for
 * the "Base inline redaction" data types of the admin guide (ids not checked against the list).
 */
const REDACTION_PATTERNS: InlineRedactionPattern[] = [
  {
    builtInPatternId: 'creditCardNumber',
    redactionPlaceHolder: { redactionPlaceHolderType: 'CustomText', redactionPlaceHolderText: '[card]' },
  },
  {
    builtInPatternId: 'ssn',
    redactionPlaceHolder: { redactionPlaceHolderType: 'CustomText', redactionPlaceHolderText: '[id]' },
  },
  {
    customPattern: {
      patternName: 'EmployeeId',
      patternRegex: '/EMP-\\d{6}/',
      patternDescription: 'Internal employee number',
    },
    redactionPlaceHolder: { redactionPlaceHolderType: 'CustomText', redactionPlaceHolderText: '[employee]' },
  },
];

/** Adds the portal to a resource's associations. */
function associate<T extends { associatedPortalArns?: string[] }>(
  resource: SimWebSettings<T>,
  portalArn: string,
): string {
  resource.settings.associatedPortalArns = [...(resource.settings.associatedPortalArns ?? []), portalArn];
  return resource.arn;
}

function add<T extends { associatedPortalArns?: string[] }>(
  list: SimWebSettings<T>[],
  location: Location,
  kind: string,
  rng: Rng,
  build: (arn: string) => T,
  portalArn: string | undefined,
): string {
  const arn = webArn(location, kind, rng.uuid());
  const resource: SimWebSettings<T> = { ...location, arn, settings: build(arn), tags: [] };
  list.push(resource);
  return portalArn ? associate(resource, portalArn) : arn;
}

const on = (allowed: boolean): EnabledType => (allowed ? 'Enabled' : 'Disabled');

/** A display name as a lower-case resource name part: "Finance apps 4" → "finance-apps-4". */
const slug = (displayName: string) => displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function userSettingsFor(profile: PortalProfile, rng: Rng): Omit<UserSettings, 'userSettingsArn'> {
  const locked = profile === 'well-configured' || profile === 'idle';
  const open = profile === 'risky';
  return {
    copyAllowed: on(open || (!locked && rng.chance(0.7))),
    pasteAllowed: 'Enabled',
    downloadAllowed: on(open || (!locked && rng.chance(0.6))),
    uploadAllowed: on(open || (!locked && rng.chance(0.3))),
    printAllowed: on(open || (!locked && rng.chance(0.5))),
    deepLinkAllowed: on(open),
    webAuthnAllowed: on(locked),
    // Minutes; the API allows disconnect 1-600 and idle 0-60.
    disconnectTimeoutInMinutes: open ? 600 : locked ? 30 : rng.pick([60, 120, 240]),
    idleDisconnectTimeoutInMinutes: open ? 60 : locked ? 15 : rng.pick([15, 30, 60]),
    ...(locked ? { cookieSynchronizationConfiguration: { allowlist: [{ domain: '.example.com' }] } } : {}),
    toolbarConfiguration: {
      toolbarType: locked ? 'Docked' : 'Floating',
      visualMode: rng.pick(['Dark', 'Light'] as const),
      ...(locked ? { hiddenToolbarItems: ['Webcam', 'Microphone'] as const } : {}),
      maxDisplayResolution: 'size1920X1080',
    },
  };
}

/** Chrome policies per profile: an allow-list for careful portals, developer tools for risky ones. */
export function browserPolicyFor(profile: PortalProfile): string {
  const chromePolicies =
    profile === 'risky'
      ? {
          DeveloperToolsAvailability: { value: 1 },
          PasswordManagerEnabled: { value: true },
          IncognitoModeAvailability: { value: 0 },
        }
      : {
          URLBlocklist: { value: ['*'] },
          URLAllowlist: {
            value: ['https://*.example.com', 'https://login.microsoftonline.com', 'https://*.salesforce.com'],
          },
          DeveloperToolsAvailability: { value: 2 },
          PasswordManagerEnabled: { value: false },
          IncognitoModeAvailability: { value: 1 },
          DownloadRestrictions: { value: profile === 'partial' ? 1 : 3 },
        };
  return JSON.stringify({ chromePolicies });
}

/** What the generator gives a portal: one ARN per associated settings resource. */
export interface PortalSettingsArns {
  userSettingsArn?: string;
  networkSettingsArn?: string;
  ipAccessSettingsArn?: string;
  dataProtectionSettingsArn?: string;
  browserSettingsArn?: string;
  userAccessLoggingSettingsArn?: string;
  trustStoreArn?: string;
}

/** Builds the settings resources of one portal; well-configured portals share the office IP rules. */
export function buildPortalSettings(
  estate: SecureBrowserEstate,
  rng: Rng,
  location: Location,
  profile: PortalProfile,
  portalArn: string,
  displayName: string,
  createdAt: Date,
  sharedIpAccess: Map<string, string>,
): PortalSettingsArns {
  const careful = profile === 'well-configured' || profile === 'idle';
  const arns: PortalSettingsArns = {};
  arns.userSettingsArn = add(
    estate.userSettings,
    location,
    'userSettings',
    rng,
    (arn) => ({ userSettingsArn: arn, ...userSettingsFor(profile, rng) }),
    portalArn,
  );
  if (profile !== 'risky' && (careful || rng.chance(0.6))) {
    const subnets = Array.from({ length: rng.int(2, 3) }, () => `subnet-${rng.hex(17)}`);
    arns.networkSettingsArn = add(
      estate.networkSettings,
      location,
      'networkSettings',
      rng,
      (arn) => ({
        networkSettingsArn: arn,
        vpcId: `vpc-${rng.hex(17)}`,
        subnetIds: subnets,
        securityGroupIds: [`sg-${rng.hex(17)}`],
      }),
      portalArn,
    );
  }
  const key = `${location.account}|${location.region}`;
  const shared = sharedIpAccess.get(key);
  if (careful && shared) {
    const resource = estate.ipAccessSettings.find((s) => s.arn === shared);
    if (resource) arns.ipAccessSettingsArn = associate(resource, portalArn);
  } else if (careful || (profile === 'partial' && rng.chance(0.6))) {
    // A partial portal's rules were "temporarily" opened to the world and never closed.
    const ipRules =
      profile === 'partial'
        ? [...CORPORATE_RANGES, { ipRange: '0.0.0.0/0', description: 'temporary - vendor onboarding' }]
        : [...CORPORATE_RANGES];
    arns.ipAccessSettingsArn = add(
      estate.ipAccessSettings,
      location,
      'ipAccessSettings',
      rng,
      (arn) => ({
        ipAccessSettingsArn: arn,
        displayName: careful ? 'corp-egress' : `${displayName} access`,
        description: careful ? 'Office and VPN egress only' : 'Office ranges plus vendor access',
        ipRules,
        creationDate: createdAt,
      }),
      portalArn,
    );
    if (careful) sharedIpAccess.set(key, arns.ipAccessSettingsArn);
  }
  if (careful) {
    arns.dataProtectionSettingsArn = add(
      estate.dataProtectionSettings,
      location,
      'dataProtectionSettings',
      rng,
      (arn) => ({
        dataProtectionSettingsArn: arn,
        displayName: `${displayName} redaction`,
        description: 'Redact payment and identity numbers',
        creationDate: createdAt,
        inlineRedactionConfiguration: {
          inlineRedactionPatterns: REDACTION_PATTERNS,
          globalConfidenceLevel: 2,
          globalEnforcedUrls: ['https://*.example.com'],
        },
      }),
      portalArn,
    );
  }
  if (profile !== 'incomplete' && (profile === 'risky' || careful || rng.chance(0.7))) {
    arns.browserSettingsArn = add(
      estate.browserSettings,
      location,
      'browserSettings',
      rng,
      (arn) => ({ browserSettingsArn: arn, browserPolicy: browserPolicyFor(profile) }),
      portalArn,
    );
  }
  if (careful || (profile === 'partial' && rng.chance(0.5))) {
    // The stream name must begin with amazon-workspaces-web- (Secure Browser admin guide).
    arns.userAccessLoggingSettingsArn = add(
      estate.userAccessLoggingSettings,
      location,
      'userAccessLoggingSettings',
      rng,
      (arn) => ({
        userAccessLoggingSettingsArn: arn,
        kinesisStreamArn: `arn:aws:kinesis:${location.region}:${location.account}:stream/amazon-workspaces-web-${slug(displayName)}`,
      }),
      portalArn,
    );
  }
  if (careful && rng.chance(0.5)) {
    arns.trustStoreArn = add(
      estate.trustStores,
      location,
      'trustStore',
      rng,
      (arn) => ({ trustStoreArn: arn }),
      portalArn,
    );
  }
  return arns;
}

/** What a partial portal's hand-picked session logger records: sessions, pages and file transfers. */
const PICKED_EVENTS: readonly SessionEvent[] = [
  'SessionStart',
  'SessionEnd',
  'UrlLoad',
  'FileDownloadFromSecureBrowserToRemoteDisk',
  'FileTransferFromRemoteToLocalDisk',
  'FileUploadFromRemoteDiskToSecureBrowser',
  'FileTransferFromLocalToRemoteDisk',
];

/**
 * The session logger of one Active portal, if it has one; returns its ARN. Well-configured
 * portals share one logger per location that records every event as JSON lines by date; about
 * four in ten partial portals have their own, recording a picked few events as flat JSON files;
 * risky and idle portals (set up before anyone looked at session logging, or left alone since)
 * have none. Session loggers are a recent addition to the service, so each was created within the
 * last six months, never before its portal.
 */
export function buildSessionLogger(
  estate: SecureBrowserEstate,
  rng: Rng,
  sim: SimPortal,
  now: Date,
  sharedLoggers: Map<string, string>,
): string | undefined {
  const location: Location = { account: sim.account, region: sim.region };
  const portalArn = sim.portal.portalArn ?? '';
  const displayName = sim.portal.displayName ?? sim.portalId;
  const key = `${location.account}|${location.region}`;
  const shared = sharedLoggers.get(key);
  if (sim.profile === 'well-configured' && shared) {
    const logger = estate.sessionLoggers.find((l) => l.arn === shared);
    return logger ? associate(logger, portalArn) : undefined;
  }
  if (sim.profile !== 'well-configured' && !(sim.profile === 'partial' && rng.chance(0.4))) return undefined;
  const everything = sim.profile === 'well-configured';
  const created = Math.max(
    sim.portal.creationDate?.getTime() ?? 0,
    now.getTime() - rng.int(30, 180) * DAY_MS,
  );
  const eventFilter: EventFilter = everything ? { all: {} } : { include: [...PICKED_EVENTS] };
  const arn = add(
    estate.sessionLoggers,
    location,
    'sessionLogger',
    rng,
    (sessionLoggerArn) => ({
      sessionLoggerArn,
      displayName: everything ? 'corp-session-audit' : `${displayName} sessions`,
      eventFilter,
      logConfiguration: {
        s3: {
          bucket: `euc-session-logs-${location.account}-${location.region}`,
          keyPrefix: everything ? 'secure-browser/' : `secure-browser/${slug(displayName)}/`,
          bucketOwner: location.account,
          logFileFormat: everything ? ('JSONLines' as const) : ('Json' as const),
          folderStructure: everything ? ('NestedByDate' as const) : ('Flat' as const),
        },
      },
      creationDate: new Date(created),
    }),
    portalArn,
  );
  if (everything) sharedLoggers.set(key, arn);
  return arn;
}

/** Leftover settings nobody uses any more, one of each kind that admins forget to delete. */
export function buildOrphans(estate: SecureBrowserEstate, rng: Rng, location: Location, now: Date): void {
  add(
    estate.userSettings,
    location,
    'userSettings',
    rng,
    (arn) => ({ userSettingsArn: arn, ...userSettingsFor('risky', rng) }),
    undefined,
  );
  add(
    estate.ipAccessSettings,
    location,
    'ipAccessSettings',
    rng,
    (arn) => ({
      ipAccessSettingsArn: arn,
      displayName: 'pilot-anywhere',
      description: 'Pilot access from anywhere',
      ipRules: [{ ipRange: '0.0.0.0/0', description: 'anywhere' }],
      creationDate: new Date(now.getTime() - 400 * 86_400_000),
    }),
    undefined,
  );
}
