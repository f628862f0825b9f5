/**
 * What governance needs from the resource parts: per location, the desktops and the names or ids
 * of fleets, stacks, portals, pools and managed instances. Desktops are read through their
 * model; the other parts are read by the AWS identifiers their records carry (fleet, stack and
 * portal ARNs, `wspool-` and `wsinst-` ids), so trail events, quotas and alarms follow whatever
 * those parts model, and an empty part simply contributes nothing.
 */
import type { EstateResources } from '../../estate-model.js';
import { at, type Location } from '../../model.js';
import type { SimDesktop } from '../personal/model.js';

/** The EUC resources of one (account, region). */
export interface LocationResources extends Location {
  readonly desktops: readonly SimDesktop[];
  readonly fleets: readonly string[];
  readonly stacks: readonly string[];
  /** Portal ids (the last segment of the portal ARN) with their ARN. */
  readonly portals: readonly { readonly id: string; readonly arn: string }[];
  readonly pools: readonly string[];
  readonly instances: readonly string[];
  readonly directoryIds: readonly string[];
  readonly ipGroupIds: readonly string[];
  /** Bundles the account owns (the Bundles quota counts only these). */
  readonly customBundles: number;
  /** Images the account owns (shared-in images do not count). */
  readonly ownedImages: number;
  readonly connectionAliases: number;
  /** Application Auto Scaling policies on fleets, with the alarms each created. */
  readonly scalingPolicies: readonly ScalingPolicyFacts[];
  /** Per-instance-type fleet instance quotas the applications part enforces (type → limit). */
  readonly instanceQuotas: ReadonlyMap<string, number>;
}

/** What an alarm needs of a scaling policy (the Application Auto Scaling ScalingPolicy shape). */
export interface ScalingPolicyFacts {
  readonly fleet: string;
  readonly policyArn: string;
  readonly alarmNames: readonly string[];
}

const FLEET_ARN = /^arn:aws[a-z-]*:appstream:([a-z0-9-]+):(\d{12}):fleet\/(.+)$/;
const STACK_ARN = /^arn:aws[a-z-]*:appstream:([a-z0-9-]+):(\d{12}):stack\/(.+)$/;
const PORTAL_ARN = /^arn:aws[a-z-]*:workspaces-web:([a-z0-9-]+):(\d{12}):portal\/([A-Za-z0-9-]+)$/;
const POOL_ID = /^wspool-[0-9a-z]{9}$/;
const INSTANCE_ID = /^wsinst-[0-9a-z]+$/;

type Found =
  | { kind: 'fleet' | 'stack' | 'portal' | 'pool' | 'instance'; key: string; id: string; arn?: string }
  | { kind: 'policy'; key: string; policy: ScalingPolicyFacts }
  | { kind: 'instance-quota'; key: string; instanceType: string; limit: number };

function locationOf(value: unknown): Location | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { account, region } = value as { account?: unknown; region?: unknown };
  return typeof account === 'string' && typeof region === 'string' ? { account, region } : undefined;
}

function classify(text: string, home: Location | undefined): Found | undefined {
  for (const [kind, pattern] of [
    ['fleet', FLEET_ARN],
    ['stack', STACK_ARN],
    ['portal', PORTAL_ARN],
  ] as const) {
    const arn = pattern.exec(text);
    if (arn) return { kind, key: `${arn[2]}|${arn[1]}`, id: arn[3] ?? '', arn: text };
  }
  if (!home) return undefined;
  const key = `${home.account}|${home.region}`;
  if (POOL_ID.test(text)) return { kind: 'pool', key, id: text };
  if (INSTANCE_ID.test(text)) return { kind: 'instance', key, id: text };
  return undefined;
}

/** Strings in `value` up to `depth` levels down: a record and its SDK object (not its session lists). */
function* strings(value: unknown, depth: number): Generator<string> {
  if (typeof value === 'string') {
    yield value;
    return;
  }
  if (depth === 0 || typeof value !== 'object' || value === null) return;
  for (const child of Array.isArray(value) ? value : Object.values(value)) yield* strings(child, depth - 1);
}

/** Objects in `value` up to `depth` levels down, `value` included. */
function* objects(value: unknown, depth: number): Generator<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) return;
  if (!Array.isArray(value)) yield value as Record<string, unknown>;
  if (depth === 0) return;
  for (const child of Array.isArray(value) ? value : Object.values(value)) yield* objects(child, depth - 1);
}

/** A ScalingPolicy (PolicyARN, ServiceNamespace, ResourceId, Alarms) on an AppStream fleet. */
function scalingPolicy(value: Record<string, unknown>): ScalingPolicyFacts | undefined {
  const { PolicyARN, ServiceNamespace, ResourceId, Alarms } = value;
  if (typeof PolicyARN !== 'string' || ServiceNamespace !== 'appstream' || typeof ResourceId !== 'string')
    return undefined;
  if (!ResourceId.startsWith('fleet/')) return undefined;
  const alarmNames = Array.isArray(Alarms)
    ? Alarms.flatMap((a) => (typeof a?.AlarmName === 'string' ? [a.AlarmName as string] : []))
    : [];
  return { fleet: ResourceId.slice('fleet/'.length), policyArn: PolicyARN, alarmNames };
}

function collect(part: unknown, into: Found[]): void {
  if (typeof part !== 'object' || part === null) return;
  for (const list of Object.values(part)) {
    if (!Array.isArray(list)) continue;
    for (const record of list) {
      const home = locationOf(record);
      // Only the record's own identifiers: references to other resources (a stack's associated
      // fleets) name the same resources again and are de-duplicated below.
      for (const text of strings(record, 2)) {
        const found = classify(text, home);
        if (found) into.push(found);
      }
      if (!home) continue;
      const key = `${home.account}|${home.region}`;
      for (const object of objects(record, 1)) {
        const policy = scalingPolicy(object);
        if (policy) into.push({ kind: 'policy', key, policy });
      }
      // The applications part's per-instance-type quotas: { instanceType, limit } records.
      const { instanceType, limit } = record as { instanceType?: unknown; limit?: unknown };
      if (typeof instanceType === 'string' && typeof limit === 'number')
        into.push({ kind: 'instance-quota', key, instanceType, limit });
    }
  }
}

/** The resources of every location, in the estate's location order. */
export function resourcesByLocation(
  resources: EstateResources,
  locations: readonly Location[],
): LocationResources[] {
  const found: Found[] = [];
  for (const part of [
    resources.pools,
    resources.applications,
    resources.secureBrowser,
    resources.coreInstances,
  ])
    collect(part, found);
  return locations.map((location) => {
    const key = `${location.account}|${location.region}`;
    const here = found.filter((f) => f.key === key);
    const ids = (kind: 'fleet' | 'stack' | 'pool' | 'instance') =>
      [...new Set(here.flatMap((f) => (f.kind === kind ? [f.id] : [])))].sort();
    const portalArns = new Map(
      here.flatMap((f) => (f.kind === 'portal' ? [[f.id, f.arn ?? ''] as const] : [])),
    );
    return {
      ...location,
      desktops: resources.personal.desktops.filter((d) => at(d, location.account, location.region)),
      fleets: ids('fleet'),
      stacks: ids('stack'),
      portals: [...portalArns.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, arn]) => ({ id, arn })),
      pools: ids('pool'),
      instances: ids('instance'),
      directoryIds: resources.personal.directories
        .filter((d) => at(d, location.account, location.region))
        .map((d) => d.directory.DirectoryId ?? ''),
      ipGroupIds: resources.personal.ipGroups
        .filter((g) => at(g, location.account, location.region))
        .map((g) => g.group.groupId ?? ''),
      customBundles: resources.personal.bundles.filter(
        (b) => at(b, location.account, location.region) && b.bundle.Owner !== 'AMAZON',
      ).length,
      ownedImages: resources.personal.images.filter(
        (i) => at(i, location.account, location.region) && !i.image.OwnerAccountId,
      ).length,
      connectionAliases: resources.personal.accountSettings
        .filter((s) => at(s, location.account, location.region))
        .reduce((sum, s) => sum + s.aliases.length, 0),
      scalingPolicies: here
        .flatMap((f) => (f.kind === 'policy' ? [f.policy] : []))
        .sort((a, b) => a.policyArn.localeCompare(b.policyArn)),
      instanceQuotas: new Map(
        here.flatMap((f) => (f.kind === 'instance-quota' ? [[f.instanceType, f.limit] as const] : [])),
      ),
    };
  });
}
