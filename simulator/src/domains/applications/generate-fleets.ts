/**
 * Builds one fleet from its spec: the DescribeFleets record (its capacity read from the capacity
 * model at the estate's now), its usage profile, and the private image it streams.
 */
import type { Fleet, FleetError, PlatformType } from '@aws-sdk/client-appstream';
import { DAY_MS, HOUR_MS, type Location } from '../../model.js';
import type { Rng } from '../../rng.js';
import { capacityAt, capacityStatus } from './capacity.js';
import { BASE_IMAGES, datedName, fleetErrorMessage, instanceFamily, regionUtcOffset } from './catalogue.js';
import type { AppFleetUsage, SimAppFleet, SimAppSubnet } from './model.js';
import type { AppFleetSpec } from './scenarios.js';

const MINUTE_MS = 60_000;

/** The VPC and directory fleets of one (account, region) share. */
export interface LocationNetwork {
  readonly vpcId: string;
  /** Subnets with room to spare. */
  readonly subnets: readonly SimAppSubnet[];
  /** A small subnet with no free IP left (the below-desired fleet's). */
  readonly crowdedSubnet: SimAppSubnet;
  readonly securityGroupId: string;
  readonly directoryName: string;
  readonly organizationalUnit: string;
}

/** The image a fleet streams: a private image generate-images creates, or an AWS base image. */
export interface FleetImageRequest {
  readonly fleetName: string;
  readonly name: string;
  readonly arn: string;
  readonly platform: PlatformType;
  readonly family: string;
  readonly createdAt: Date;
  /** Deleted since the fleet was created (the fleet reports IMAGE_NOT_FOUND). */
  readonly deleted: boolean;
  /** An AWS base image used as is: nothing to create. */
  readonly isPublic: boolean;
}

/** A UTC offset that puts the estate's now at about 10:30 local: mid-morning, full demand. */
export function alignedUtcOffset(now: Date): number {
  let offset = Math.round(10.5 - (now.getUTCHours() + now.getUTCMinutes() / 60));
  if (offset < -11) offset += 24;
  if (offset > 13) offset -= 24;
  return offset;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function platformFor(spec: AppFleetSpec, rng: Rng): PlatformType {
  if (spec.sessionModel === 'elastic') return 'WINDOWS_SERVER_2019';
  if (spec.instanceType.startsWith('stream.graphics')) return 'WINDOWS_SERVER_2022';
  if (spec.sessionModel === 'multi') return rng.chance(0.7) ? 'WINDOWS_SERVER_2022' : 'WINDOWS_SERVER_2019';
  return rng.weighted<PlatformType>([
    ['WINDOWS_SERVER_2022', 16],
    ['WINDOWS_SERVER_2019', 3],
    ['AMAZON_LINUX2', 1],
  ]);
}

function imageFor(
  spec: AppFleetSpec,
  name: string,
  location: Location,
  platform: PlatformType,
  createdAt: Date,
  now: Date,
  rng: Rng,
): FleetImageRequest | undefined {
  if (spec.sessionModel === 'elastic') return undefined;
  const family = instanceFamily(spec.instanceType);
  if (spec.scenario === 'steady' && family === 'General Purpose' && rng.chance(0.1)) {
    const base = BASE_IMAGES.find((b) => b.platform === platform);
    if (base) {
      const imageName = datedName(base.prefix, new Date(now.getTime() - base.releasedDaysAgo * DAY_MS));
      return {
        fleetName: name,
        name: imageName,
        arn: `arn:aws:appstream:${location.region}::image/${imageName}`,
        platform,
        family,
        createdAt: new Date(now.getTime() - base.releasedDaysAgo * DAY_MS),
        deleted: false,
        isPublic: true,
      };
    }
  }
  const ageDays = Math.min(
    rng.int(4, 150),
    Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / DAY_MS)),
  );
  const imageCreated = new Date(now.getTime() - ageDays * DAY_MS - rng.int(1, 20) * HOUR_MS);
  const imageName = `${name}-${isoDay(imageCreated)}`;
  return {
    fleetName: name,
    name: imageName,
    arn: `arn:aws:appstream:${location.region}:${location.account}:image/${imageName}`,
    platform,
    family,
    createdAt: imageCreated,
    deleted: spec.errors.includes('IMAGE_NOT_FOUND'),
    isPublic: false,
  };
}

function fleetErrors(spec: AppFleetSpec, network: LocationNetwork, imageName: string): FleetError[] {
  return spec.errors.map((code) => {
    const detail =
      code === 'SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES'
        ? network.crowdedSubnet.subnetId
        : code === 'IMAGE_NOT_FOUND'
          ? imageName
          : network.organizationalUnit;
    return { ErrorCode: code, ErrorMessage: fleetErrorMessage(code, detail) };
  });
}

function titleCase(name: string): string {
  return name
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** One fleet of a location, with its capacity at `now` and the image it streams. */
export function buildFleet(
  spec: AppFleetSpec,
  name: string,
  location: Location,
  network: LocationNetwork,
  rng: Rng,
  now: Date,
): { fleet: SimAppFleet; image: FleetImageRequest | undefined } {
  const nowMs = now.getTime();
  const createdAt =
    spec.scenario === 'starting'
      ? new Date(nowMs - 6 * MINUTE_MS)
      : new Date(nowMs - spec.createdDaysAgo * DAY_MS - rng.int(1, 20) * HOUR_MS);
  const utcOffsetHours = spec.alignedToNow ? alignedUtcOffset(now) : regionUtcOffset(location.region);
  const localWeekday = new Date(nowMs + utcOffsetHours * HOUR_MS).getUTCDay();
  const weekendNow = localWeekday === 0 || localWeekday === 6;
  const usage: AppFleetUsage = {
    peakUsers: spec.peakUsers,
    utcOffsetHours,
    // A problem that must show at now cannot wait for Monday: those users work every day.
    workdays: spec.everyday || (spec.alignedToNow && weekendNow) ? 'everyday' : 'weekdays',
    ...(spec.growth
      ? { growthAt: new Date(nowMs - spec.growth.daysAgo * DAY_MS), earlyDemandFactor: spec.growth.factor }
      : {}),
    ...(spec.usageEndedDaysAgo !== undefined
      ? { usageEndsAt: new Date(nowMs - spec.usageEndedDaysAgo * DAY_MS - 5 * HOUR_MS) }
      : {}),
  };
  const platform = platformFor(spec, rng);
  const image = imageFor(spec, name, location, platform, createdAt, now, rng);
  const subnets =
    spec.scenario === 'below-desired'
      ? [network.crowdedSubnet.subnetId]
      : network.subnets.slice(0, 2).map((s) => s.subnetId);
  const fleet: Fleet = {
    Arn: `arn:aws:appstream:${location.region}:${location.account}:fleet/${name}`,
    Name: name,
    DisplayName: titleCase(name),
    Description: `${titleCase(name)} streaming fleet`,
    ...(image ? { ImageName: image.name, ImageArn: image.arn } : {}),
    InstanceType: spec.instanceType,
    FleetType: spec.fleetType,
    ComputeCapacityStatus: { Desired: 0 },
    MaxUserDurationInSeconds: rng.pick([57_600, 57_600, 28_800, 43_200, 7_200]),
    DisconnectTimeoutInSeconds: rng.pick([900, 900, 300, 3_600, 60]),
    IdleDisconnectTimeoutInSeconds: rng.pick([0, 900, 1_800, 600]),
    State: spec.state,
    VpcConfig: { SubnetIds: subnets, SecurityGroupIds: [network.securityGroupId] },
    CreatedTime: createdAt,
    FleetErrors: fleetErrors(spec, network, image?.name ?? name),
    EnableDefaultInternetAccess: spec.defaultInternetAccess,
    ...(spec.domainJoined
      ? {
          DomainJoinInfo: {
            DirectoryName: network.directoryName,
            OrganizationalUnitDistinguishedName: network.organizationalUnit,
          },
        }
      : {}),
    ...(rng.chance(0.6)
      ? { IamRoleArn: `arn:aws:iam::${location.account}:role/AppStreamInstance-${name}` }
      : {}),
    StreamView: spec.streamView,
    Platform: platform,
    ...(spec.maxConcurrentSessions !== undefined
      ? { MaxConcurrentSessions: spec.maxConcurrentSessions }
      : {}),
    ...(spec.maxSessionsPerInstance !== undefined
      ? { MaxSessionsPerInstance: spec.maxSessionsPerInstance }
      : {}),
    ...(spec.sessionModel === 'elastic'
      ? {
          SessionScriptS3Location: {
            S3Bucket: `appstream-scripts-${location.region}-${location.account}`,
            S3Key: `${name}/session-scripts.zip`,
          },
        }
      : {}),
    DisableIMDSV1: rng.chance(0.6),
  };
  const sim: SimAppFleet = {
    ...location,
    fleet,
    scenario: spec.scenario,
    sessionModel: spec.sessionModel,
    usage,
    plan: spec.plan,
    createdAt,
    ...(spec.stoppedDaysAgo !== undefined
      ? { stoppedAt: new Date(nowMs - spec.stoppedDaysAgo * DAY_MS - 3 * HOUR_MS) }
      : {}),
    tags: {
      Environment: spec.scenario === 'starting' ? 'pilot' : rng.chance(0.8) ? 'prod' : 'test',
      CostCenter: `CC-${rng.int(1000, 1099)}`,
      Owner: `${name.split('-')[0] ?? 'euc'}-team@example.com`,
    },
  };
  fleet.ComputeCapacityStatus = capacityStatus(
    sim,
    spec.state === 'RUNNING' || spec.state === 'STARTING' ? capacityAt(sim, nowMs) : undefined,
  );
  return { fleet: sim, image };
}
