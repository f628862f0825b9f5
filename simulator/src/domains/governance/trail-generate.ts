/**
 * CloudTrail event history: 90 days of management events per location (LookupEvents keeps 90
 * days, CloudTrail user guide "Viewing events with CloudTrail Event history"), a few hundred per
 * location growing with the square root of the estate, newest first. About 60 % are EUC events,
 * reads and writes, the rest EC2/S3/IAM/STS; a few calls are denied.
 */
import { DAY_MS, type GenerationContext, HOUR_MS } from '../../model.js';
import type { Rng } from '../../rng.js';
import type { SimDesktop } from '../personal/model.js';
import type { SimTrailEvent } from './model.js';
import type { LocationResources } from './resources.js';
import { type Actor, type ActorId, actorsFor } from './trail-actors.js';
import { EUC_WRITES } from './trail-euc.js';
import { EUC_READS } from './trail-euc-reads.js';
import { NOISE_READS, NOISE_WRITES } from './trail-noise.js';
import {
  desktopResource,
  EUC_EVENT_SOURCES,
  type EventTemplate,
  type Picker,
  type Target,
  workspaceArn,
} from './trail-templates.js';

/** How far back LookupEvents reaches. */
export const TRAIL_RETENTION_DAYS = 90;

const GROUPS: readonly (readonly [readonly EventTemplate[], number])[] = [
  [EUC_READS, 30],
  [EUC_WRITES, 30],
  [NOISE_READS, 25],
  [NOISE_WRITES, 15],
];
/** Share of attempts by a template's `denied` actors. */
const DENIED_SHARE = 0.08;

function uuid(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${rng.hex(3)}-${rng.hex(12)}`;
}

function picker(location: LocationResources, rng: Rng, nowMs: number): Picker {
  const retired = (kind: string) => `retired-${kind}-${location.region}`;
  // Candidates per state list, computed once: a large location has thousands of desktops.
  const candidates = new Map<string, readonly SimDesktop[]>();
  const inStates = (states: readonly string[]) => {
    const key = states.join('|');
    let found = candidates.get(key);
    if (!found) {
      const matching = location.desktops.filter((d) => states.includes(d.workspace.State ?? ''));
      found = matching.length > 0 ? matching : location.desktops;
      candidates.set(key, found);
    }
    return found;
  };
  return {
    account: location.account,
    region: location.region,
    nowMs,
    desktop(states) {
      const pool = states ? inStates(states) : location.desktops;
      return pool.length > 0 ? rng.pick(pool) : undefined;
    },
    fleet: () => (location.fleets.length > 0 ? rng.pick(location.fleets) : retired('fleet')),
    stack: () => (location.stacks.length > 0 ? rng.pick(location.stacks) : retired('stack')),
    portal: () =>
      location.portals.length > 0
        ? rng.pick(location.portals)
        : {
            id: retired('portal'),
            arn: `arn:aws:workspaces-web:${location.region}:${location.account}:portal/${retired('portal')}`,
          },
    instance: () => (location.instances.length > 0 ? rng.pick(location.instances) : `wsinst-${rng.hex(17)}`),
    directoryId: () =>
      location.directoryIds.length > 0 ? rng.pick(location.directoryIds) : `d-${rng.hex(10)}`,
    ipGroupId: () => (location.ipGroupIds.length > 0 ? rng.pick(location.ipGroupIds) : `wsipg-${rng.hex(9)}`),
    newId: (prefix, length) => `${prefix}${rng.hex(length)}`,
    int: (min, max) => rng.int(min, max),
    pick: (items) => rng.pick(items),
  };
}

/** A time in the last 90 days, mostly in (UTC) working hours on weekdays. */
function randomTime(rng: Rng, nowMs: number): number {
  for (;;) {
    const day = Math.floor(nowMs / DAY_MS) * DAY_MS - rng.int(0, TRAIL_RETENTION_DAYS - 1) * DAY_MS;
    const hour = rng.chance(0.75) ? rng.int(7, 18) : rng.int(0, 23);
    const t = day + hour * HOUR_MS + rng.int(0, 3599) * 1000;
    const weekday = new Date(t).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.7)) continue;
    if (t <= nowMs && t > nowMs - TRAIL_RETENTION_DAYS * DAY_MS) return t;
  }
}

function deniedMessage(template: EventTemplate, actor: Actor, target: Target): string {
  const action = `${template.source.replace('.amazonaws.com', '')}:${template.name}`;
  const on = target.arn ? ` on resource: ${target.arn}` : '';
  const core = `User: ${actor.arn} is not authorized to perform: ${action}${on} because no identity-based policy allows the ${action} action`;
  return template.source === 'ec2.amazonaws.com'
    ? `You are not authorized to perform this operation. ${core}. Encoded authorization failure message: REDACTED`
    : core;
}

/** The event as LookupEvents returns it, with its CloudTrail record as a JSON string. */
export function trailEvent(
  location: LocationResources,
  template: EventTemplate,
  actor: Actor,
  target: Target,
  timeMs: number,
  denied: boolean,
  rng: Rng,
): SimTrailEvent {
  const eventId = uuid(rng);
  const seconds = Math.floor(timeMs / 1000) * 1000;
  const errorCode = denied
    ? template.source === 'ec2.amazonaws.com'
      ? 'Client.UnauthorizedOperation'
      : 'AccessDenied'
    : undefined;
  const record = {
    eventVersion: '1.11',
    userIdentity: actor.identity,
    eventTime: new Date(seconds).toISOString().replace('.000Z', 'Z'),
    eventSource: template.source,
    eventName: template.name,
    awsRegion: location.region,
    sourceIPAddress: actor.sourceIPAddress,
    userAgent: actor.userAgent,
    ...(errorCode ? { errorCode, errorMessage: deniedMessage(template, actor, target) } : {}),
    requestParameters: target.request,
    responseElements: denied ? null : (target.response ?? null),
    requestID: uuid(rng),
    eventID: eventId,
    readOnly: template.readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: location.account,
    eventCategory: 'Management',
  };
  return {
    account: location.account,
    region: location.region,
    timeMs: seconds,
    readOnly: template.readOnly,
    event: {
      EventId: eventId,
      EventName: template.name,
      ReadOnly: String(template.readOnly),
      AccessKeyId: actor.accessKeyId,
      EventTime: new Date(seconds),
      EventSource: template.source,
      Username: actor.username,
      Resources: target.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
      CloudTrailEvent: JSON.stringify(record),
    },
  };
}

function template(source: string, name: string): EventTemplate {
  const found = [...EUC_READS, ...EUC_WRITES].find((t) => t.source === source && t.name === name);
  if (!found) throw new Error(`No trail template ${source} ${name}`);
  return found;
}

/**
 * Events every first location has, so an audit always finds them in its default week: a
 * termination, a rebuild, a refused termination, and (within 90 days) one change by the root user.
 */
function scripted(
  location: LocationResources,
  actors: Readonly<Record<ActorId, Actor>>,
  pick: Picker,
  rng: Rng,
): SimTrailEvent[] {
  const ws = EUC_EVENT_SOURCES.workspaces;
  const now = pick.nowMs;
  const onDesktop = (states: readonly string[], request: (id: string) => Record<string, unknown>): Target => {
    const id = pick.desktop(states)?.workspace.WorkspaceId ?? pick.newId('ws-', 9);
    return {
      resources: [desktopResource(id)],
      request: request(id),
      response: null,
      arn: workspaceArn(pick, id),
    };
  };
  const terminate = (id: string) => ({ terminateWorkspaceRequests: [{ workspaceId: id }] });
  const directoryId = pick.directoryId();
  return [
    trailEvent(
      location,
      template(ws, 'TerminateWorkspaces'),
      actors.optimizer,
      onDesktop(['TERMINATED', 'TERMINATING'], terminate),
      now - 2 * DAY_MS,
      false,
      rng,
    ),
    trailEvent(
      location,
      template(ws, 'TerminateWorkspaces'),
      actors.helpdesk,
      onDesktop(['AVAILABLE'], terminate),
      now - DAY_MS - 3 * HOUR_MS,
      true,
      rng,
    ),
    trailEvent(
      location,
      template(ws, 'RebuildWorkspaces'),
      actors.helpdesk,
      onDesktop(['REBUILDING'], (id) => ({ rebuildWorkspaceRequests: [{ workspaceId: id }] })),
      now - 3 * HOUR_MS,
      false,
      rng,
    ),
    trailEvent(
      location,
      template(ws, 'ModifyWorkspaceCreationProperties'),
      actors.root,
      {
        resources: [{ type: 'AWS::WorkSpaces::Directory', name: directoryId }],
        request: {
          resourceId: directoryId,
          workspaceCreationProperties: { userEnabledAsLocalAdministrator: true },
        },
      },
      now - 23 * DAY_MS - 5 * HOUR_MS,
      false,
      rng,
    ),
  ];
}

/** Events of one location, newest first. */
function locationTrail(
  location: LocationResources,
  index: number,
  actors: Readonly<Record<ActorId, Actor>>,
  rng: Rng,
  nowMs: number,
): SimTrailEvent[] {
  const pick = picker(location, rng, nowMs);
  const others =
    location.fleets.length +
    location.stacks.length +
    location.portals.length +
    location.pools.length +
    location.instances.length;
  const count = Math.round(140 + 7 * Math.sqrt(location.desktops.length + 20 * others));
  const events: SimTrailEvent[] = index === 0 ? scripted(location, actors, pick, rng) : [];
  while (events.length < count) {
    const group = rng.weighted(GROUPS);
    const eligible = group.filter((t) => !t.regions || t.regions.includes(location.region));
    if (eligible.length === 0) continue;
    const chosen = rng.weighted(eligible.map((t) => [t, t.weight] as const));
    const denied = (chosen.denied?.length ?? 0) > 0 && rng.chance(DENIED_SHARE);
    const actor = actors[rng.pick(denied && chosen.denied ? chosen.denied : chosen.actors)];
    const target = chosen.target(pick);
    const timeMs = target.atMs ?? randomTime(rng, nowMs);
    events.push(trailEvent(location, chosen, actor, target, timeMs, denied, rng));
  }
  return events.sort(
    (a, b) => b.timeMs - a.timeMs || (a.event.EventId ?? '').localeCompare(b.event.EventId ?? ''),
  );
}

/** The event history of every location. */
export function generateTrail(
  ctx: GenerationContext,
  locations: readonly LocationResources[],
): SimTrailEvent[] {
  const nowMs = ctx.settings.now.getTime();
  const actorsByAccount = new Map(
    ctx.settings.accounts.map((account) => [account, actorsFor(account, ctx.rng.fork(`actors:${account}`))]),
  );
  return locations.flatMap((location, index) => {
    const actors =
      actorsByAccount.get(location.account) ?? actorsFor(location.account, ctx.rng.fork('actors'));
    return locationTrail(
      location,
      index,
      actors,
      ctx.rng.fork(`trail:${location.account}:${location.region}`),
      nowMs,
    );
  });
}
