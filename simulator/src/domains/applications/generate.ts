/**
 * Generates the WorkSpaces Applications part of the estate: `settings.fleets` fleets spread
 * round-robin over every (account, region), each location with its network, stacks, user pool,
 * images, builders, instance quotas, usage-report subscription and the fleets' autoscaling.
 */
import type { GenerationContext, Location } from '../../model.js';
import { DAY_MS } from '../../model.js';
import type { Rng } from '../../rng.js';
import { defaultInstanceQuota, SCENARIO_FLEET_NAMES, STEADY_FLEET_NAMES } from './catalogue.js';
import { buildAppBlockBuilders, buildImageBuilders } from './generate-builders.js';
import { buildFleet, type FleetImageRequest, type LocationNetwork } from './generate-fleets.js';
import { buildImages } from './generate-images.js';
import { buildSessions } from './generate-sessions.js';
import { buildStacks, buildUsers } from './generate-stacks.js';
import type {
  ApplicationsEstate,
  SimAppFleet,
  SimAppInstanceQuota,
  SimAppSubnet,
  SimAppUsageReport,
} from './model.js';
import { scalingActivities, scalingSetup } from './scaling.js';
import { fleetSpec, planScenarios } from './scenarios.js';

function buildNetwork(
  location: Location,
  index: number,
  rng: Rng,
): { network: LocationNetwork; subnets: SimAppSubnet[] } {
  const vpcId = `vpc-${rng.hex(17)}`;
  const octet = 40 + (index % 200);
  const subnet = (third: number, az: string, mask: number, free: number): SimAppSubnet => ({
    ...location,
    subnetId: `subnet-${rng.hex(17)}`,
    vpcId,
    cidrBlock: `10.${octet}.${third}.0/${mask}`,
    availabilityZone: `${location.region}${az}`,
    availableIpAddressCount: free,
  });
  // A /24 has 251 usable addresses (AWS reserves 5); the crowded /27 has none left.
  const roomy = [subnet(0, 'a', 24, 251), subnet(1, 'b', 24, 251), subnet(2, 'c', 24, 251)];
  const crowded = subnet(200, 'a', 27, 0);
  const domain = ['corp', 'emea', 'apac', 'labs'][index % 4] ?? 'corp';
  return {
    subnets: [...roomy, crowded],
    network: {
      vpcId,
      subnets: roomy,
      crowdedSubnet: crowded,
      securityGroupId: `sg-${rng.hex(17)}`,
      directoryName: `${domain}.example.com`,
      organizationalUnit: `OU=AppStream,OU=Computers,DC=${domain},DC=example,DC=com`,
    },
  };
}

/** Each running streaming instance holds an ENI, and so an address, in one of its fleet's subnets. */
function takeAddresses(subnets: readonly SimAppSubnet[], fleets: readonly SimAppFleet[]): void {
  for (const fleet of fleets) {
    const ids = fleet.fleet.VpcConfig?.SubnetIds ?? [];
    const running = fleet.fleet.ComputeCapacityStatus?.Running ?? 0;
    for (const id of ids) {
      const subnet = subnets.find((s) => s.subnetId === id);
      if (subnet)
        subnet.availableIpAddressCount = Math.max(
          0,
          subnet.availableIpAddressCount - Math.ceil(running / ids.length),
        );
    }
  }
}

/** Instances a fleet runs at its peak (what counts against the per-type quota). */
function peakInstances(fleet: SimAppFleet): number {
  const desired =
    fleet.sessionModel === 'multi'
      ? Math.ceil(fleet.plan.workHoursDesired / Math.max(1, fleet.fleet.MaxSessionsPerInstance ?? 1))
      : fleet.plan.workHoursDesired;
  return Math.min(desired, fleet.plan.launchCap ?? desired);
}

/** Quotas per instance type: raised above AWS's default where fleets need it; exact where exhausted. */
function instanceQuotas(location: Location, fleets: readonly SimAppFleet[]): SimAppInstanceQuota[] {
  const byType = new Map<string, SimAppFleet[]>();
  for (const fleet of fleets) {
    if (fleet.sessionModel === 'elastic') continue;
    const type = fleet.fleet.InstanceType ?? '';
    byType.set(type, [...(byType.get(type) ?? []), fleet]);
  }
  return [...byType.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([instanceType, typed]) => {
      const needed = typed.reduce((sum, f) => sum + peakInstances(f), 0);
      const exhausted = typed.some((f) => f.scenario === 'exhausted');
      const limit = exhausted
        ? needed
        : Math.max(defaultInstanceQuota(instanceType), Math.ceil(needed * 1.25) + 2);
      return { ...location, instanceType, limit };
    });
}

function usageReport(location: Location, index: number, rng: Rng, now: Date): SimAppUsageReport | undefined {
  // First location: subscribed but failing (bucket policy changed); second: never subscribed;
  // the others alternate between a healthy subscription and none.
  const subscribed = index === 0 || (index >= 2 && index % 2 === 0);
  if (!subscribed) return undefined;
  const bucket = `appstream-logs-${location.region}-${location.account}-${rng.alnum(8).toLowerCase()}`;
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return {
    ...location,
    subscription: {
      S3BucketName: bucket,
      Schedule: 'DAILY',
      LastGeneratedReportDate: new Date(today - (index === 0 ? 12 : 1) * DAY_MS + 2 * 3_600_000),
      SubscriptionErrors:
        index === 0
          ? [
              {
                ErrorCode: 'ACCESS_DENIED',
                ErrorMessage: `Access denied writing the usage report to s3://${bucket}. Check the bucket policy allows appstream.amazonaws.com.`,
              },
            ]
          : [],
    },
  };
}

export function generateApplications(ctx: GenerationContext): ApplicationsEstate {
  const { settings, locations } = ctx;
  const now = settings.now;
  const estate: ApplicationsEstate = {
    fleets: [],
    stacks: [],
    stackFleets: [],
    sessions: [],
    images: [],
    imageBuilders: [],
    appBlockBuilders: [],
    users: [],
    userStackAssociations: [],
    usageReports: [],
    scalableTargets: [],
    scalingPolicies: [],
    scalingActivities: [],
    instanceQuotas: [],
    subnets: [],
  };
  if (locations.length === 0) return estate;
  const scenarios = planScenarios(settings.fleets);
  const mergedMulti = !scenarios.includes('multi-session');
  const specRng = ctx.rng.fork('fleet-specs');
  const specs = scenarios.map((scenario) => fleetSpec(scenario, mergedMulti, specRng));
  const steadyCounter = new Map<string, number>();

  locations.forEach((location, index) => {
    const rng = ctx.rng.fork(`${location.account}:${location.region}`);
    const { network, subnets } = buildNetwork(location, index, rng);
    estate.subnets.push(...subnets);
    const fleets: SimAppFleet[] = [];
    const imageRequests: FleetImageRequest[] = [];
    specs.forEach((spec, i) => {
      if (i % locations.length !== index) return;
      let name = SCENARIO_FLEET_NAMES[spec.scenario];
      if (!name) {
        const n = steadyCounter.get(location.region + location.account) ?? 0;
        steadyCounter.set(location.region + location.account, n + 1);
        const baseName = STEADY_FLEET_NAMES[n % STEADY_FLEET_NAMES.length] ?? 'apps';
        name =
          n < STEADY_FLEET_NAMES.length
            ? baseName
            : `${baseName}-${Math.floor(n / STEADY_FLEET_NAMES.length) + 1}`;
      }
      const built = buildFleet(spec, name, location, network, rng.fork(name), now);
      fleets.push(built.fleet);
      if (built.image) imageRequests.push(built.image);
    });
    takeAddresses(subnets, fleets);
    const { stacks, stackFleets } = buildStacks(location, fleets, rng, now);
    const { users, associations } = buildUsers(location, stacks, rng, now);
    for (const fleet of fleets) {
      const stackNames = stackFleets
        .filter((sf) => sf.fleetName === fleet.fleet.Name)
        .map((sf) => sf.stackName);
      estate.sessions.push(
        ...buildSessions(
          fleet,
          stackNames,
          associations,
          network.subnets,
          rng.fork(`sessions:${fleet.fleet.Name}`),
          now,
        ),
      );
    }
    const quotas = instanceQuotas(location, fleets);
    for (const fleet of fleets) {
      if (!fleet.plan.autoscaled) continue;
      const { target, policy } = scalingSetup(fleet);
      estate.scalableTargets.push(target);
      estate.scalingPolicies.push(policy);
      const quota = quotas.find((q) => q.instanceType === fleet.fleet.InstanceType);
      estate.scalingActivities.push(...scalingActivities(fleet, quota, now));
    }
    const images = buildImages(location, index, imageRequests, rng.fork('images'), now);
    const fleetNames = fleets.map((f) => f.fleet.Name ?? '');
    estate.fleets.push(...fleets);
    estate.stacks.push(...stacks);
    estate.stackFleets.push(...stackFleets);
    estate.users.push(...users);
    estate.userStackAssociations.push(...associations);
    estate.instanceQuotas.push(...quotas);
    estate.images.push(...images);
    estate.imageBuilders.push(
      ...buildImageBuilders(location, index, images, fleetNames, network, rng.fork('builders'), now),
    );
    estate.appBlockBuilders.push(
      ...buildAppBlockBuilders(location, index, network, rng.fork('app-block-builders'), now),
    );
    const report = usageReport(location, index, rng, now);
    if (report) estate.usageReports.push(report);
  });
  estate.scalingActivities.sort(
    (a, b) => (b.activity.StartTime?.getTime() ?? 0) - (a.activity.StartTime?.getTime() ?? 0),
  );
  return estate;
}
