/**
 * What the bill needs to know about the resources other than Personal desktops: pools, fleets
 * and image builders, portals and managed instances, with the few fields that drive their
 * charges. The Pools, Applications, Secure Browser and Core Instances parts of the estate do not
 * yet expose these records, so they are drawn here from the estate's counts (settings.pools,
 * fleets, portals, managedInstances) over its locations, with this part's own random stream.
 * When those parts land, this file is the one place to read their records instead.
 */
import type { EstateResources } from '../../estate-model.js';
import type { GenerationContext, Location } from '../../model.js';
import { BUNDLE_FAMILIES, type BundleFamily } from './catalogue.js';
import {
  APPSTREAM_REGIONS,
  CORE_INSTANCE_TYPES,
  SECURE_BROWSER_REGIONS,
  STREAM_INSTANCES,
  type StreamInstance,
} from './catalogue-other.js';

export interface PoolFacts extends Location {
  readonly family: BundleFamily;
  readonly byol: boolean;
  readonly capacity: number;
  /** Share of the capacity streaming during working hours. */
  readonly utilisation: number;
  readonly users: number;
}

export interface FleetFacts extends Location {
  readonly kind: 'ALWAYS_ON' | 'ON_DEMAND' | 'ELASTIC' | 'IMAGE_BUILDER';
  readonly instance: StreamInstance;
  readonly osCode: string;
  readonly capacity: number;
  readonly utilisation: number;
  readonly users: number;
}

export interface PortalFacts extends Location {
  readonly suffix: string;
  readonly monthlyActiveUsers: number;
}

export interface ManagedInstanceFacts extends Location {
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

function spread<T>(
  count: number,
  locations: readonly Location[],
  make: (location: Location, i: number) => T | undefined,
): T[] {
  const out: T[] = [];
  for (let i = 0; i < count && locations.length > 0; i++) {
    const location = locations[i % locations.length];
    if (!location) continue;
    const made = make(location, i);
    if (made) out.push(made);
  }
  return out;
}

/** Draws the billable facts of the non-Personal resources from the estate's counts. */
export function otherFacts(ctx: GenerationContext, _resources: EstateResources): OtherFacts {
  const { rng, settings, locations } = ctx;
  const poolFamilies = BUNDLE_FAMILIES.filter((f) => f.pools);
  const pools = spread(settings.pools, locations, (location) => ({
    ...location,
    family: rng.weighted(
      poolFamilies.map((f) => [f, f.computeType === 'STANDARD' ? 5 : f.gpu ? 0.5 : 2] as const),
    ),
    byol: rng.chance(0.3),
    capacity: rng.int(5, 40),
    utilisation: 0.25 + rng.next() * 0.45,
    users: rng.int(15, 150),
  }));
  const streamLocations = locations.filter((l) => APPSTREAM_REGIONS.includes(l.region));
  const common = STREAM_INSTANCES.filter((s) => !s.family.startsWith('Graphics') && s.vcpu <= 4);
  const fleets: FleetFacts[] = spread(settings.fleets, streamLocations, (location) => {
    const kind = rng.weighted<FleetFacts['kind']>([
      ['ALWAYS_ON', 25],
      ['ON_DEMAND', 50],
      ['ELASTIC', 25],
    ]);
    return {
      ...location,
      kind,
      instance: rng.pick(common),
      osCode:
        kind === 'ELASTIC'
          ? rng.pick(['win', 'al2'])
          : rng.weighted([
              ['win', 7],
              ['byol', 1],
              ['al2', 2],
            ] as const),
      capacity: rng.int(2, 20),
      utilisation: 0.2 + rng.next() * 0.5,
      users: rng.int(20, 200),
    };
  });
  // One image builder per AppStream location, left running: idle spend to find.
  for (const location of streamLocations) {
    const instance = STREAM_INSTANCES.find((s) => s.instanceType === 'stream.standard.medium');
    if (instance)
      fleets.push({
        ...location,
        kind: 'IMAGE_BUILDER',
        instance,
        osCode: 'win',
        capacity: 1,
        utilisation: 1,
        users: 0,
      });
  }
  const portals = spread(
    settings.portals,
    locations.filter((l) => SECURE_BROWSER_REGIONS.includes(l.region)),
    (location) => ({
      ...location,
      suffix: rng.weighted([
        ['WEB-ST', 6],
        ['WEB-ST-LARGE', 3],
        ['WEB-ST-XLARGE', 1],
      ] as const),
      monthlyActiveUsers: rng.int(10, 400),
    }),
  );
  const managedInstances = spread(settings.managedInstances, locations, (location) => {
    const type = rng.pick(CORE_INSTANCE_TYPES);
    return {
      ...location,
      instanceType: type.instanceType,
      vcpu: type.vcpu,
      ec2Hourly: type.ec2Hourly,
      billing: rng.chance(0.6) ? ('Hourly' as const) : ('Monthly' as const),
      dedicated: rng.chance(0.2),
    };
  });
  return { pools, fleets, portals, managedInstances };
}
