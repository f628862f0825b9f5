/**
 * The streaming sessions live at the estate's now: exactly as many ACTIVE or PENDING sessions as
 * the fleet's describe record has in use (instances for single-session and Elastic fleets, user
 * sessions for multi-session ones), plus a few EXPIRED ones that no longer hold capacity.
 */
import type { AuthenticationType, Session } from '@aws-sdk/client-appstream';
import { HOUR_MS } from '../../model.js';
import type { Rng } from '../../rng.js';
import { localTime } from './capacity.js';
import { FIRST_NAMES, LAST_NAMES } from './catalogue.js';
import type { SimAppFleet, SimAppSession, SimAppSubnet, SimAppUserStackAssociation } from './model.js';

const MINUTE_MS = 60_000;

/** How many sessions hold capacity in the fleet's describe record. */
export function liveSessionCount(fleet: SimAppFleet): number {
  const status = fleet.fleet.ComputeCapacityStatus;
  if (!status) return 0;
  return fleet.sessionModel === 'multi' ? (status.ActiveUserSessions ?? 0) : (status.InUse ?? 0);
}

function ipIn(subnet: SimAppSubnet | undefined, host: number): string {
  const prefix = (subnet?.cidrBlock ?? '10.0.0.0/24').split('.').slice(0, 3).join('.');
  return `${prefix}.${10 + (host % 240)}`;
}

/** The sessions of one fleet, spread over the stacks it serves (the first stack takes most). */
export function buildSessions(
  fleet: SimAppFleet,
  stackNames: readonly string[],
  poolUsers: readonly SimAppUserStackAssociation[],
  subnets: readonly SimAppSubnet[],
  rng: Rng,
  now: Date,
): SimAppSession[] {
  const count = liveSessionCount(fleet);
  if (stackNames.length === 0) return [];
  const nowMs = now.getTime();
  const maxDurationMs = (fleet.fleet.MaxUserDurationInSeconds ?? 57_600) * 1000;
  // Sessions started since the users' day began, and none so long ago it should have expired.
  const { hour } = localTime(fleet, nowMs);
  const sinceMorningMs = Math.max(0.25, Math.min(9, hour - 7)) * HOUR_MS;
  const spanMs = Math.max(5 * MINUTE_MS, Math.min(sinceMorningMs, maxDurationMs - 10 * MINUTE_MS));
  const perInstance =
    fleet.sessionModel === 'multi' ? Math.max(1, fleet.fleet.MaxSessionsPerInstance ?? 1) : 1;
  const instanceIds: string[] = [];
  const usedIds = new Set<string>();
  const sessions: SimAppSession[] = [];

  const userFor = (stackName: string, auth: AuthenticationType, index: number): string => {
    if (auth === 'USERPOOL') {
      const entitled = poolUsers.filter((a) => a.association.StackName === stackName);
      const pick = entitled[index % Math.max(1, entitled.length)];
      if (pick?.association.UserName && !usedIds.has(pick.association.UserName))
        return pick.association.UserName;
    }
    if (auth === 'API') return `url-user-${rng.int(1000, 9999)}`;
    const id = `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}@corp.example.com`.toLowerCase();
    return usedIds.has(id) ? id.replace('@', `${index}@`) : id;
  };

  const make = (index: number, state: Session['State']): SimAppSession => {
    const stackName =
      stackNames.length > 1 && rng.chance(0.3) ? (stackNames[1] ?? '') : (stackNames[0] ?? '');
    let auth = rng.weighted<AuthenticationType>([
      ['SAML', 70],
      ['USERPOOL', 15],
      ['API', 15],
    ]);
    if (auth === 'USERPOOL' && !poolUsers.some((a) => a.association.StackName === stackName)) auth = 'SAML';
    let userId = userFor(stackName, auth, index);
    if (usedIds.has(userId)) {
      auth = 'SAML';
      userId = `user${index}.${rng.alnum(4).toLowerCase()}@corp.example.com`;
    }
    usedIds.add(userId);
    const slot = Math.floor(index / perInstance);
    while (instanceIds.length <= slot) instanceIds.push(`i-${rng.hex(17)}`);
    const expired = state === 'EXPIRED';
    const start = expired
      ? nowMs - maxDurationMs - rng.int(5, 90) * MINUTE_MS
      : state === 'PENDING'
        ? nowMs - rng.int(0, 2) * MINUTE_MS - rng.int(1, 59) * 1000
        : nowMs - Math.floor(rng.next() * spanMs) - MINUTE_MS;
    const session: Session = {
      Id: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
      UserId: userId,
      StackName: stackName,
      FleetName: fleet.fleet.Name,
      State: state,
      ConnectionState: state === 'ACTIVE' && rng.chance(0.88) ? 'CONNECTED' : 'NOT_CONNECTED',
      StartTime: new Date(start),
      MaxExpirationTime: new Date(start + maxDurationMs),
      AuthenticationType: auth,
      NetworkAccessConfiguration: {
        EniPrivateIpAddress: ipIn(subnets[slot % Math.max(1, subnets.length)], slot + rng.int(0, 3)),
        EniId: `eni-${rng.hex(17)}`,
      },
      InstanceId: expired ? `i-${rng.hex(17)}` : instanceIds[slot],
      ...(fleet.sessionModel === 'multi' ? { InstanceDrainStatus: 'ACTIVE' } : {}),
    };
    return { account: fleet.account, region: fleet.region, session };
  };

  for (let i = 0; i < count; i++) sessions.push(make(i, rng.chance(0.06) ? 'PENDING' : 'ACTIVE'));
  if (count > 0 && rng.chance(0.3))
    for (let i = 0; i < rng.int(1, 2); i++) sessions.push(make(count + i, 'EXPIRED'));
  return sessions;
}
