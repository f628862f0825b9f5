/**
 * WorkSpaces Pools: pools on the POOLS-type directory the Personal part creates in every
 * location, each with a demand profile, the live CapacityStatus and sessions that profile gives
 * at "now", and the errors AWS reports when capacity cannot be reached.
 */
import type {
  Tag,
  WorkspacesPool,
  WorkspacesPoolError,
  WorkspacesPoolSession,
} from '@aws-sdk/client-workspaces';
import { DAY_MS, type GenerationContext, HOUR_MS, type Location } from '../../model.js';
import { businessHoursUtcOffset } from '../../regions.js';
import type { Rng } from '../../rng.js';
import { FIRST_NAMES, LAST_NAMES } from '../personal/catalogue.js';
import type { PersonalEstate, SimBundle, SimDirectory } from '../personal/model.js';
import {
  CAPACITY_ERRORS,
  DESIRED_SIZES,
  LATER_ROLES,
  LEADING_ROLES,
  POOL_PURPOSES,
  POOLS_LAUNCH,
  STATE_OF_ROLE,
} from './catalogue.js';
import { capacityAt, MINUTE_MS } from './demand.js';
import type { PoolDemandProfile, PoolRole, PoolsEstate, SimPool } from './model.js';

function poolBundles(personal: PersonalEstate, location: Location): SimBundle[] {
  // Pools run Windows Server 2019/2022 bundles only (WorkSpaces Pools admin guide).
  return personal.bundles.filter(
    (b) =>
      b.account === location.account &&
      b.region === location.region &&
      b.bundle.Owner === 'AMAZON' &&
      /WINDOWS SERVER 20(19|22)/.test(b.bundle.Name ?? '') &&
      ['STANDARD', 'PERFORMANCE', 'POWER', 'POWERPRO'].includes(b.bundle.ComputeType?.Name ?? ''),
  );
}

function poolsDirectory(personal: PersonalEstate, location: Location): SimDirectory | undefined {
  return personal.directories.find(
    (d) =>
      d.account === location.account &&
      d.region === location.region &&
      d.directory.WorkspaceType === 'POOLS' &&
      d.directory.State === 'REGISTERED',
  );
}

/** An offset that puts `now` at late morning for the team, so an exhausted pool is busy now. */
function busyTeamOffset(now: number): number {
  const utcHour = new Date(now).getUTCHours();
  let offset = 11 - utcHour;
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  return offset;
}

function eniAddress(rng: Rng, cidr: string | undefined): string {
  const [a, b, c] = (cidr ?? '10.99.0.0/24').split('/')[0]?.split('.') ?? ['10', '99', '0'];
  return `${a}.${b}.${c}.${rng.int(10, 250)}`;
}

interface PoolPlace {
  readonly location: Location;
  readonly directory: SimDirectory | undefined;
  readonly bundles: SimBundle[];
}

function makeProfile(rng: Rng, role: PoolRole, location: Location, now: number, createdAt: number) {
  const desired = rng.pick(DESIRED_SIZES);
  const below = role === 'below-desired' || role === 'exhausted-below-desired';
  const exhausted = role === 'exhausted' || role === 'exhausted-below-desired';
  // An exhausted pool must still serve someone, so its error leaves part of the capacity.
  const candidates = exhausted ? CAPACITY_ERRORS.filter(([, , share]) => share > 0) : CAPACITY_ERRORS;
  const error = below ? rng.pick(candidates) : undefined;
  const ceiling = error ? Math.floor(desired * error[2]) : undefined;
  const capacity = Math.min(desired, ceiling ?? desired);
  // A pool being created or started has had instances for a few minutes at most.
  const runningFrom = role === 'starting' ? now - 3 * MINUTE_MS : role === 'creating' ? now : createdAt;
  const runningUntil =
    role === 'stopped'
      ? now - rng.int(3, 40) * DAY_MS
      : role === 'stopping'
        ? now - 2 * MINUTE_MS
        : undefined;
  const profile: PoolDemandProfile = {
    // Exhausted pools are asked for far more than they can give; the others peak below it.
    peakDemand: exhausted
      ? Math.max(3, Math.round(Math.max(capacity, 2) * (1.6 + rng.next() * 0.6)))
      : Math.round(desired * (0.45 + rng.next() * 0.45)),
    desired,
    ...(ceiling !== undefined ? { ceiling } : {}),
    // An exhausted pool serves a contact centre staffed every day in a time zone where it is
    // late morning now, so its capacity is short whenever the estate is looked at.
    utcOffsetHours: exhausted ? busyTeamOffset(now) : businessHoursUtcOffset(location.region),
    sevenDay: exhausted,
    runningFrom,
    ...(runningUntil !== undefined ? { runningUntil } : {}),
    ...(role === 'idle' ? { demandEndsAt: now - rng.int(35, 75) * DAY_MS } : {}),
  };
  return { profile, error };
}

function makeSessions(
  rng: Rng,
  pool: WorkspacesPool,
  count: number,
  subnetCidrs: readonly (string | undefined)[],
  now: number,
  utcOffsetHours: number,
): WorkspacesPoolSession[] {
  const maxSeconds = pool.TimeoutSettings?.MaxUserDurationInSeconds ?? 57_600;
  // Sessions began after the team's day started (07:00 local), or within a shift for 7-day pools.
  const localHour = ((((now + utcOffsetHours * HOUR_MS) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  const sinceOpen = localHour >= 7 ? Math.round((localHour - 7) * 60) : 480;
  const users = new Set<string>();
  const sessions: WorkspacesPoolSession[] = [];
  while (sessions.length < count) {
    const user = `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}${users.size >= 400 ? rng.int(2, 99) : ''}`;
    if (users.has(user)) continue;
    users.add(user);
    const start = now - rng.int(4, Math.max(5, Math.min(maxSeconds / 60 - 5, sinceOpen))) * MINUTE_MS;
    sessions.push({
      SessionId: rng.uuid(),
      PoolId: pool.PoolId,
      UserId: `${user}@example.com`,
      // A user who dropped off keeps the session (and its instance) for DisconnectTimeout.
      ConnectionState: rng.chance(0.86) ? 'CONNECTED' : 'NOT_CONNECTED',
      InstanceId: `i-${rng.hex(17)}`,
      StartTime: new Date(start),
      ExpirationTime: new Date(start + maxSeconds * 1000),
      AuthenticationType: 'SAML',
      NetworkAccessConfiguration: {
        EniPrivateIpAddress: eniAddress(rng, rng.pick(subnetCidrs.length > 0 ? subnetCidrs : [undefined])),
        EniId: `eni-${rng.hex(17)}`,
      },
    });
  }
  return sessions;
}

function makePool(
  rng: Rng,
  role: PoolRole,
  index: number,
  place: PoolPlace,
  personal: PersonalEstate,
  now: number,
): SimPool {
  const { location, directory } = place;
  const poolId = `wspool-${rng.hex(9)}`;
  const purpose = POOL_PURPOSES[index % POOL_PURPOSES.length] ?? 'shared';
  const createdAt =
    role === 'creating'
      ? now - 8 * MINUTE_MS
      : POOLS_LAUNCH + Math.floor(rng.next() * Math.max(DAY_MS, now - 30 * DAY_MS - POOLS_LAUNCH));
  const { profile, error } = makeProfile(rng, role, location, now, createdAt);
  const bundle = place.bundles.length > 0 ? rng.pick(place.bundles) : undefined;
  const state = STATE_OF_ROLE[role];
  const alwaysOn = role === 'idle' || (role !== 'stopped' && rng.chance(0.4));
  const errors: WorkspacesPoolError[] = error ? [{ ErrorCode: error[0], ErrorMessage: error[1] }] : [];
  const live = state === 'STOPPED' ? undefined : capacityAt(poolId, profile, createdAt, now - MINUTE_MS);
  const actual =
    state === 'STOPPING'
      ? Math.ceil(Math.min(profile.desired, profile.ceiling ?? profile.desired) * 0.3)
      : (live?.actual ?? 0);
  const active = state === 'RUNNING' || state === 'UPDATING' ? (live?.active ?? 0) : 0;
  const settingsOn = rng.chance(0.7);
  const pool: WorkspacesPool = {
    PoolId: poolId,
    PoolArn: `arn:aws:workspaces:${location.region}:${location.account}:workspacespool/${poolId}`,
    PoolName: `${purpose}-${index + 1}`,
    Description: `${purpose.replace(/-/g, ' ')} pool`,
    State: state,
    CreatedAt: new Date(createdAt),
    BundleId: bundle?.bundle.BundleId ?? `wsb-${rng.hex(9)}`,
    DirectoryId: directory?.directory.DirectoryId ?? `wsd-${rng.hex(9)}`,
    RunningMode: alwaysOn ? 'ALWAYS_ON' : 'AUTO_STOP',
    CapacityStatus: {
      DesiredUserSessions: profile.desired,
      ActualUserSessions: actual,
      ActiveUserSessions: active,
      AvailableUserSessions: actual - active,
    },
    ApplicationSettings: settingsOn
      ? {
          Status: 'ENABLED',
          SettingsGroup: purpose,
          S3BucketName: `wspool-app-settings-${location.region}-${location.account}-${rng.hex(8)}`,
        }
      : { Status: 'DISABLED' },
    TimeoutSettings: {
      DisconnectTimeoutInSeconds: rng.pick([900, 900, 1800, 3600]),
      IdleDisconnectTimeoutInSeconds: rng.pick([0, 900, 900, 1800]),
      MaxUserDurationInSeconds: rng.pick([28_800, 43_200, 57_600, 57_600]),
    },
    ...(errors.length > 0 ? { Errors: errors } : {}),
  };
  const subnetCidrs = (directory?.directory.SubnetIds ?? []).map(
    (id) => personal.subnets.find((s) => s.subnetId === id)?.cidrBlock,
  );
  const tags: Tag[] = rng.chance(0.8)
    ? [
        { Key: 'CostCenter', Value: `CC-${rng.int(1000, 9999)}` },
        { Key: 'Team', Value: purpose },
      ]
    : [];
  return {
    ...location,
    pool,
    role,
    profile,
    ...(profile.ceiling !== undefined ? { ceiling: profile.ceiling } : {}),
    sessions: makeSessions(rng, pool, active, subnetCidrs, now, profile.utcOffsetHours),
    tags,
  };
}

/** WorkSpaces Pools over every location, on the Personal part's POOLS directories and bundles. */
export function generatePools(ctx: GenerationContext, personal: PersonalEstate): PoolsEstate {
  const { rng, settings, locations } = ctx;
  const now = settings.now.getTime();
  const places: PoolPlace[] = locations.map((location) => ({
    location,
    directory: poolsDirectory(personal, location),
    bundles: poolBundles(personal, location),
  }));
  const pools: SimPool[] = [];
  for (let i = 0; i < settings.pools; i++) {
    // Round-robin over locations, so the leading roles land in different accounts and regions.
    const place = places[i % places.length];
    if (!place) continue;
    const role = LEADING_ROLES[i] ?? rng.weighted(LATER_ROLES);
    const pool = makePool(rng, role, i, place, personal, now);
    pools.push(pool);
    if (pool.pool.Errors?.some((e) => e.ErrorCode === 'SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES')) {
      // The finding AWS reports must be visible in ec2:DescribeSubnets too.
      for (const subnet of personal.subnets)
        if (place.directory?.directory.SubnetIds?.includes(subnet.subnetId))
          subnet.availableIpAddressCount = Math.min(subnet.availableIpAddressCount, rng.int(0, 3));
    }
  }
  return { pools };
}
