/**
 * What the bill needs to know about the resources other than Personal desktops: pools, fleets
 * and image builders, portals and managed instances, with the few fields that drive their
 * charges, read from the inventory, so Cost Explorer never bills a fleet, bundle family,
 * portal size or instance type that does not exist. Values the inventory does not hold
 * (utilisation, users) are stateless draws per resource id.
 */
import type { EstateResources } from '../../estate-model.js';
import type { Location } from '../../model.js';
import { unit } from '../../rng.js';
import { type BundleFamily, bundleFamily } from './catalogue.js';
import {
  CORE_INSTANCE_TYPES,
  SECURE_BROWSER_SIZES,
  STREAM_INSTANCES,
  type StreamInstance,
} from './catalogue-other.js';

export interface PoolFacts extends Location {
  /** The inventory's pool id. */
  readonly name: string;
  /** Billed while it ran: [fromMs, untilMs). */
  readonly fromMs: number;
  readonly untilMs?: number;
  readonly family: BundleFamily;
  readonly byol: boolean;
  readonly capacity: number;
  /** Share of the capacity streaming during working hours. */
  readonly utilisation: number;
  readonly users: number;
}

export interface FleetFacts extends Location {
  /** The inventory's fleet or image builder name (the bill names no resource; tests match on it). */
  readonly name: string;
  readonly kind: 'ALWAYS_ON' | 'ON_DEMAND' | 'ELASTIC' | 'IMAGE_BUILDER';
  /** Billed from this moment (creation, or an image builder's last start) … */
  readonly fromMs: number;
  /** … until this one (a stopped fleet); undefined = still billing. */
  readonly untilMs?: number;
  readonly instance: StreamInstance;
  readonly osCode: string;
  readonly capacity: number;
  readonly utilisation: number;
  readonly users: number;
}

export interface PortalFacts extends Location {
  /** Billed from the month it was created. */
  readonly fromMs: number;
  readonly suffix: string;
  readonly monthlyActiveUsers: number;
}

export interface ManagedInstanceFacts extends Location {
  /** The inventory's workspaceInstanceId. */
  readonly name: string;
  /** Billed from its creation on. */
  readonly fromMs: number;
  readonly instanceType: string;
  readonly vcpu: number;
  readonly ec2Hourly: number;
  readonly billing: 'Hourly' | 'Monthly';
  readonly dedicated: boolean;
}

export interface OtherFacts {
  readonly pools: readonly PoolFacts[];
  readonly fleets: readonly FleetFacts[];
  readonly portals: readonly PortalFacts[];
  readonly managedInstances: readonly ManagedInstanceFacts[];
}

const streamInstance = (instanceType: string | undefined) =>
  STREAM_INSTANCES.find((s) => s.instanceType === instanceType);

/**
 * The AppStream fleets and running image builders of the inventory, as the bill sees them: only
 * instance types and fleets that exist bill (an image builder bills while it runs, since its last
 * start). Utilisation is a stateless draw per fleet name, so the billing stream is untouched.
 */
function inventoryFleets(resources: EstateResources, nowMs: number): FleetFacts[] {
  const { fleets, imageBuilders } = resources.applications;
  const facts: FleetFacts[] = [];
  for (const sim of fleets) {
    const instance = streamInstance(sim.fleet.InstanceType);
    const kind = sim.fleet.FleetType;
    if (!instance || (kind !== 'ALWAYS_ON' && kind !== 'ON_DEMAND' && kind !== 'ELASTIC')) continue;
    const name = sim.fleet.Name ?? '';
    facts.push({
      account: sim.account,
      region: sim.region,
      name,
      kind,
      instance,
      osCode: sim.fleet.Platform === 'AMAZON_LINUX2' ? 'al2' : 'win',
      fromMs: sim.createdAt.getTime(),
      ...(sim.fleet.State === 'STOPPED' ? { untilMs: sim.stoppedAt?.getTime() ?? nowMs } : {}),
      capacity: Math.max(1, sim.plan.workHoursDesired),
      utilisation: 0.2 + unit(name, sim.region, 'utilisation') * 0.5,
      users: sim.usage.peakUsers,
    });
  }
  for (const sim of imageBuilders) {
    const instance = streamInstance(sim.builder.InstanceType);
    if (!instance || sim.builder.State !== 'RUNNING') continue;
    facts.push({
      account: sim.account,
      region: sim.region,
      name: sim.builder.Name ?? '',
      kind: 'IMAGE_BUILDER',
      instance,
      osCode: sim.builder.Platform === 'AMAZON_LINUX2' ? 'al2' : 'win',
      fromMs: sim.stateSince.getTime(),
      capacity: 1,
      utilisation: 1,
      users: 0,
    });
  }
  return facts;
}

/**
 * The pools of the inventory, as the bill sees them: the compute family of the pool's bundle,
 * its desired sessions, billed while it ran. Licence included (the estate's pools run Amazon
 * Windows bundles). Utilisation and users are stateless draws per pool id.
 */
function inventoryPools(resources: EstateResources): PoolFacts[] {
  const computeOf = new Map(
    resources.personal.bundles.map((b) => [b.bundle.BundleId ?? '', b.bundle.ComputeType?.Name]),
  );
  const facts: PoolFacts[] = [];
  for (const sim of resources.pools.pools) {
    const family = bundleFamily(computeOf.get(sim.pool.BundleId ?? ''));
    const id = sim.pool.PoolId ?? '';
    if (!family?.pools) continue;
    facts.push({
      account: sim.account,
      region: sim.region,
      name: id,
      fromMs: sim.profile.runningFrom,
      ...(sim.profile.runningUntil !== undefined ? { untilMs: sim.profile.runningUntil } : {}),
      family,
      byol: false,
      capacity: Math.max(1, sim.profile.desired),
      utilisation: 0.25 + unit(id, 'utilisation') * 0.45,
      users: 15 + Math.floor(unit(id, 'users') * 136),
    });
  }
  return facts;
}

/**
 * The Core managed instances of the inventory that have an EC2 instance now (they bill its hours,
 * the management fee and its volume), with their billing mode; BYOL platforms run on dedicated
 * tenancy. An instance type the price catalogue lacks is not billed.
 */
function inventoryManagedInstances(resources: EstateResources): ManagedInstanceFacts[] {
  const facts: ManagedInstanceFacts[] = [];
  for (const sim of resources.coreInstances.instances) {
    const type = CORE_INSTANCE_TYPES.find((t) => t.instanceType === sim.instanceType);
    if (!type || !sim.ec2InstanceId) continue;
    facts.push({
      account: sim.account,
      region: sim.region,
      name: sim.workspaceInstanceId,
      fromMs: sim.createdAt.getTime(),
      instanceType: type.instanceType,
      vcpu: type.vcpu,
      ec2Hourly: type.ec2Hourly,
      billing: sim.billingMode === 'MONTHLY' ? 'Monthly' : 'Hourly',
      dedicated: sim.platform.includes('BYOL'),
    });
  }
  return facts;
}

/**
 * Secure Browser portals of the inventory that have users: billed per monthly active user of
 * the portal's instance type, from the month it was created. Idle, incomplete and pending
 * portals have nobody signing in, so nothing to bill.
 */
function inventoryPortals(resources: EstateResources): PortalFacts[] {
  const facts: PortalFacts[] = [];
  for (const sim of resources.secureBrowser.portals) {
    const size = SECURE_BROWSER_SIZES.find((s) => s.instanceType === sim.portal.instanceType);
    if (!size || sim.profile === 'idle' || sim.profile === 'incomplete' || sim.profile === 'pending')
      continue;
    facts.push({
      account: sim.account,
      region: sim.region,
      fromMs: sim.portal.creationDate?.getTime() ?? 0,
      suffix: size.suffix,
      monthlyActiveUsers: 10 + Math.floor(unit(sim.portalId, 'monthly-active-users') * 391),
    });
  }
  return facts;
}

/** The billable facts of the non-Personal resources, read from the inventory. */
export function otherFacts(resources: EstateResources, nowMs: number): OtherFacts {
  return {
    pools: inventoryPools(resources),
    fleets: inventoryFleets(resources, nowMs),
    portals: inventoryPortals(resources),
    managedInstances: inventoryManagedInstances(resources),
  };
}
