/**
 * Stacks (what users may do while streaming, where their files go), their fleet associations,
 * the user pool and its stack entitlements, for one (account, region).
 */
import type { Action, Permission, Stack, StorageConnector, UserSetting } from '@aws-sdk/client-appstream';
import { DAY_MS, type Location } from '../../model.js';
import type { Rng } from '../../rng.js';
import { FIRST_NAMES, LAST_NAMES } from './catalogue.js';
import type {
  SimAppFleet,
  SimAppStack,
  SimAppStackFleet,
  SimAppUser,
  SimAppUserStackAssociation,
} from './model.js';

/** Every action a stack can allow or deny (SDK `Action` enum, 3.1112.0). */
const ACTIONS: readonly Action[] = [
  'CLIPBOARD_COPY_FROM_LOCAL_DEVICE',
  'CLIPBOARD_COPY_TO_LOCAL_DEVICE',
  'FILE_UPLOAD',
  'FILE_DOWNLOAD',
  'PRINTING_TO_LOCAL_DEVICE',
  'DOMAIN_PASSWORD_SIGNIN',
  'DOMAIN_SMART_CARD_SIGNIN',
  'AUTO_TIME_ZONE_REDIRECTION',
];

/** `open` allows everything (the posture audit's finding); `locked` keeps data in the session. */
type SettingsProfile = 'open' | 'locked' | 'mixed';

const LOCKED_DISABLED = new Set<Action>([
  'CLIPBOARD_COPY_TO_LOCAL_DEVICE',
  'FILE_DOWNLOAD',
  'PRINTING_TO_LOCAL_DEVICE',
  'DOMAIN_SMART_CARD_SIGNIN',
]);

function userSettings(profile: SettingsProfile, rng: Rng): UserSetting[] {
  return ACTIONS.map((action) => {
    const enabled =
      profile === 'open' ? true : profile === 'locked' ? !LOCKED_DISABLED.has(action) : rng.chance(0.6);
    const permission: Permission = enabled ? 'ENABLED' : 'DISABLED';
    // MaximumLength applies to the clipboard actions only, and only when ENABLED.
    const clipboard = action.startsWith('CLIPBOARD_');
    return {
      Action: action,
      Permission: permission,
      ...(enabled && clipboard && profile !== 'open'
        ? { MaximumLength: rng.pick([1_024, 65_536, 20_971_520]) }
        : {}),
    };
  });
}

function profileFor(fleet: SimAppFleet | undefined, rng: Rng): SettingsProfile {
  if (!fleet) return 'open';
  switch (fleet.scenario) {
    case 'idle':
    case 'elastic':
      return 'open';
    case 'steady':
      return rng.weighted<SettingsProfile>([
        ['open', 3],
        ['locked', 5],
        ['mixed', 2],
      ]);
    default:
      return 'locked';
  }
}

function storageConnectors(location: Location, profile: SettingsProfile, rng: Rng): StorageConnector[] {
  const connectors: StorageConnector[] = [];
  if (rng.chance(0.7))
    connectors.push({
      ConnectorType: 'HOMEFOLDERS',
      ResourceIdentifier: `appstream2-${rng.hex(10)}-${location.region}-${location.account}`,
    });
  if (profile === 'open' || rng.chance(0.3))
    connectors.push({ ConnectorType: 'ONE_DRIVE', Domains: ['example.com'] });
  if (profile === 'open' && rng.chance(0.5))
    connectors.push({ ConnectorType: 'GOOGLE_DRIVE', Domains: ['example.com'] });
  return connectors;
}

function makeStack(
  location: Location,
  name: string,
  fleet: SimAppFleet | undefined,
  connectorError: boolean,
  rng: Rng,
  now: Date,
): SimAppStack {
  const profile = profileFor(fleet, rng);
  const connectors = storageConnectors(location, profile, rng);
  if (connectorError && !connectors.some((c) => c.ConnectorType === 'ONE_DRIVE'))
    connectors.push({ ConnectorType: 'ONE_DRIVE', Domains: ['example.com'] });
  const appSettings = rng.chance(0.5);
  const created = fleet ? fleet.createdAt.getTime() + DAY_MS / 24 : now.getTime() - rng.int(20, 400) * DAY_MS;
  const stack: Stack = {
    Arn: `arn:aws:appstream:${location.region}:${location.account}:stack/${name}`,
    Name: name,
    DisplayName: name.replace(/-/g, ' '),
    Description: fleet
      ? `Entitlements for ${fleet.fleet.DisplayName ?? fleet.fleet.Name}`
      : 'Pilot portal, not yet in use',
    CreatedTime: new Date(created),
    StorageConnectors: connectors,
    ...(rng.chance(0.4) ? { RedirectURL: 'https://intranet.example.com/apps' } : {}),
    ...(rng.chance(0.3) ? { FeedbackURL: 'https://servicedesk.example.com/appstream' } : {}),
    // StackErrorCode STORAGE_CONNECTOR_ERROR: the OneDrive tenant domain was never consented.
    StackErrors: connectorError
      ? [
          {
            ErrorCode: 'STORAGE_CONNECTOR_ERROR',
            ErrorMessage:
              'The ONE_DRIVE storage connector for domain example.com could not be validated: admin consent is missing for the tenant.',
          },
        ]
      : [],
    UserSettings: userSettings(profile, rng),
    ApplicationSettings: appSettings
      ? {
          Enabled: true,
          SettingsGroup: name,
          S3BucketName: `appstream-app-settings-${location.region}-${location.account}-${rng.alnum(8).toLowerCase()}`,
        }
      : { Enabled: false },
    ...(rng.chance(0.3)
      ? { AccessEndpoints: [{ EndpointType: 'STREAMING', VpceId: `vpce-${rng.hex(17)}` }] }
      : {}),
    ...(rng.chance(0.25) ? { EmbedHostDomains: ['portal.example.com'] } : {}),
    StreamingExperienceSettings: { PreferredProtocol: rng.chance(0.7) ? 'UDP' : 'TCP' },
  };
  return {
    ...location,
    stack,
    tags: {
      Environment: fleet?.tags.Environment ?? 'pilot',
      Owner: fleet?.tags.Owner ?? 'euc-team@example.com',
    },
  };
}

/** The stacks of a location: one per fleet (a fleet that is still starting has none), one shared. */
export function buildStacks(
  location: Location,
  fleets: readonly SimAppFleet[],
  rng: Rng,
  now: Date,
): { stacks: SimAppStack[]; stackFleets: SimAppStackFleet[] } {
  const stacks: SimAppStack[] = [];
  const stackFleets: SimAppStackFleet[] = [];
  // One stack in the estate has a broken storage connector: the elastic fleet's, else the stopped one's.
  const errorScenario = fleets.some((f) => f.scenario === 'elastic') ? 'elastic' : 'stopped';
  for (const fleet of fleets) {
    if (fleet.scenario === 'starting') continue;
    const name = `${fleet.fleet.Name}-stack`;
    stacks.push(makeStack(location, name, fleet, fleet.scenario === errorScenario, rng, now));
    stackFleets.push({ ...location, stackName: name, fleetName: fleet.fleet.Name ?? '' });
  }
  // A stack served by two fleets: the first stack also streams from the third fleet.
  const [first] = stacks;
  const third = fleets.filter((f) => f.scenario !== 'starting')[2];
  if (first && third)
    stackFleets.push({ ...location, stackName: first.stack.Name ?? '', fleetName: third.fleet.Name ?? '' });
  // And one stack nobody finished setting up: no fleet, everything allowed.
  if (fleets.length > 0) stacks.push(makeStack(location, 'pilot-portal-stack', undefined, false, rng, now));
  return { stacks, stackFleets };
}

/** The user pool (quota: 50 users per region by default) and its stack entitlements. */
export function buildUsers(
  location: Location,
  stacks: readonly SimAppStack[],
  rng: Rng,
  now: Date,
): { users: SimAppUser[]; associations: SimAppUserStackAssociation[] } {
  const count = stacks.length === 0 ? 0 : Math.min(50, 4 + Math.ceil(stacks.length * 1.5));
  const users: SimAppUser[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let email = `${first}.${last}@partner.example.com`.toLowerCase();
    if (taken.has(email)) email = email.replace('@', `${i}@`);
    taken.add(email);
    users.push({
      ...location,
      user: {
        Arn: `arn:aws:appstream:${location.region}:${location.account}:user/userpool/${email}`,
        UserName: email,
        Enabled: i !== 1,
        Status: i === 2 ? 'FORCE_CHANGE_PASSWORD' : 'CONFIRMED',
        FirstName: first,
        LastName: last,
        CreatedTime: new Date(now.getTime() - rng.int(5, 600) * DAY_MS),
        AuthenticationType: 'USERPOOL',
      },
    });
  }
  const associations: SimAppUserStackAssociation[] = [];
  for (const { user } of users) {
    const picks = new Set([rng.pick(stacks), ...(rng.chance(0.3) ? [rng.pick(stacks)] : [])]);
    for (const stack of picks)
      associations.push({
        ...location,
        association: { StackName: stack.stack.Name, UserName: user.UserName, AuthenticationType: 'USERPOOL' },
      });
  }
  return { users, associations };
}
