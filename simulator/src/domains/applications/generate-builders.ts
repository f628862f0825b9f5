/**
 * Image builders and app block builders of one (account, region), in the states the Cost
 * Optimizer for AppStream watches: it notifies after 2 h and stops after 12 h any builder in
 * PENDING/UPDATING_AGENT/RUNNING/REBOOTING (image) or STARTING/RUNNING (app block), so a builder
 * RUNNING for days is money wasted. `Skip_Stop` is its opt-out tag.
 */
import type { AppBlockBuilder, ImageBuilder, ImageBuilderState } from '@aws-sdk/client-appstream';
import { DAY_MS, HOUR_MS, type Location } from '../../model.js';
import type { Rng } from '../../rng.js';
import { PINNED_AGENT_VERSIONS } from './catalogue.js';
import type { LocationNetwork } from './generate-fleets.js';
import type { SimAppBlockBuilder, SimAppImage, SimAppImageBuilder } from './model.js';

const MINUTE_MS = 60_000;

/** Builder states of a location: the first location shows every case the audits look for. */
function builderStates(locationIndex: number, extra: number): ImageBuilderState[] {
  const head: ImageBuilderState[] =
    locationIndex === 0 ? ['RUNNING', 'STOPPED', 'FAILED', 'UPDATING_AGENT'] : ['RUNNING', 'STOPPED'];
  const tail: ImageBuilderState[] = ['STOPPED', 'RUNNING', 'STOPPED', 'PENDING'];
  return [...head, ...Array.from({ length: extra }, (_, i) => tail[i % tail.length] ?? 'STOPPED')];
}

export function buildImageBuilders(
  location: Location,
  locationIndex: number,
  images: readonly SimAppImage[],
  fleetNames: readonly string[],
  network: LocationNetwork,
  rng: Rng,
  now: Date,
): SimAppImageBuilder[] {
  const nowMs = now.getTime();
  const bases = images.filter((i) => i.image.Visibility === 'PUBLIC' && i.image.Platform !== 'AMAZON_LINUX2');
  const states = builderStates(locationIndex, Math.floor(fleetNames.length / 4));
  return states.map((state, i) => {
    const name =
      i < fleetNames.length
        ? `${fleetNames[i]}-builder`
        : `golden-image-builder-${i - fleetNames.length + 1}`;
    const base = bases[i % Math.max(1, bases.length)]?.image;
    const stateSince =
      state === 'RUNNING'
        ? new Date(nowMs - (i === 0 ? (locationIndex === 0 ? 9 : 3) * DAY_MS : 26 * HOUR_MS))
        : state === 'UPDATING_AGENT' || state === 'PENDING'
          ? new Date(nowMs - 12 * MINUTE_MS)
          : new Date(nowMs - rng.int(2, 40) * DAY_MS);
    const live = state === 'RUNNING' || state === 'UPDATING_AGENT';
    const subnet = network.subnets[i % Math.max(1, network.subnets.length)];
    const agent =
      state === 'UPDATING_AGENT' ? PINNED_AGENT_VERSIONS[1] : rng.pick(['LATEST', ...PINNED_AGENT_VERSIONS]);
    const builder: ImageBuilder = {
      Name: name,
      Arn: `arn:aws:appstream:${location.region}:${location.account}:image-builder/${name}`,
      ImageArn: base?.Arn,
      DisplayName: name,
      Description: `Builds the ${name.replace(/-builder.*$/, '')} image`,
      VpcConfig: { SubnetIds: subnet ? [subnet.subnetId] : [], SecurityGroupIds: [network.securityGroupId] },
      InstanceType: base?.SupportedInstanceFamilies?.includes('Graphics G4')
        ? 'stream.graphics.g4dn.xlarge'
        : 'stream.standard.large',
      Platform: base?.Platform,
      State: state,
      CreatedTime: new Date(Math.min(stateSince.getTime(), nowMs - rng.int(10, 300) * DAY_MS)),
      EnableDefaultInternetAccess: rng.chance(0.4),
      ...(rng.chance(0.5)
        ? {
            DomainJoinInfo: {
              DirectoryName: network.directoryName,
              OrganizationalUnitDistinguishedName: network.organizationalUnit,
            },
          }
        : {}),
      ...(live
        ? {
            NetworkAccessConfiguration: {
              EniPrivateIpAddress: `${(subnet?.cidrBlock ?? '10.0.0.0/24').split('.').slice(0, 3).join('.')}.${200 + i}`,
              EniId: `eni-${rng.hex(17)}`,
            },
          }
        : {}),
      ImageBuilderErrors:
        state === 'FAILED'
          ? [
              {
                ErrorCode: 'DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN',
                ErrorMessage: `The specified domain ${network.directoryName} either does not exist or could not be contacted.`,
                ErrorTimestamp: stateSince,
              },
            ]
          : [],
      ...(state === 'FAILED'
        ? {
            StateChangeReason: {
              Code: 'INTERNAL_ERROR',
              Message: 'The image builder could not join the domain.',
            },
          }
        : {}),
      AppstreamAgentVersion: agent,
      LatestAppstreamAgentVersion: agent === 'LATEST' ? 'TRUE' : 'FALSE',
      DisableIMDSV1: rng.chance(0.5),
    };
    return {
      ...location,
      builder,
      stateSince,
      // The Cost Optimizer for AppStream honours these opt-out tags.
      tags: { Owner: 'euc-team@example.com', ...(i === 1 ? { Skip_Stop: 'true' } : {}) },
    };
  });
}

export function buildAppBlockBuilders(
  location: Location,
  locationIndex: number,
  network: LocationNetwork,
  rng: Rng,
  now: Date,
): SimAppBlockBuilder[] {
  const states: ('RUNNING' | 'STOPPED')[] = locationIndex === 0 ? ['RUNNING', 'STOPPED'] : ['STOPPED'];
  return states.map((state, i) => {
    const name = i === 0 ? 'elastic-apps-packager' : `elastic-apps-packager-${i + 1}`;
    const stateSince = new Date(
      now.getTime() - (state === 'RUNNING' ? 4 * DAY_MS + 3 * HOUR_MS : rng.int(5, 60) * DAY_MS),
    );
    const builder: AppBlockBuilder = {
      Arn: `arn:aws:appstream:${location.region}:${location.account}:app-block-builder/${name}`,
      Name: name,
      DisplayName: name,
      Description: 'Packages applications into app blocks for Elastic fleets',
      Platform: 'WINDOWS_SERVER_2019',
      InstanceType: 'stream.standard.large',
      EnableDefaultInternetAccess: false,
      VpcConfig: {
        SubnetIds: network.subnets.slice(0, 1).map((s) => s.subnetId),
        SecurityGroupIds: [network.securityGroupId],
      },
      State: state,
      CreatedTime: new Date(now.getTime() - rng.int(60, 200) * DAY_MS),
      AppBlockBuilderErrors: [],
      DisableIMDSV1: true,
    };
    return { ...location, builder, stateSince, tags: { Owner: 'euc-team@example.com' } };
  });
}
