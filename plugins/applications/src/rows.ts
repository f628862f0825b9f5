import type { AppBlockBuilder, Fleet, ImageBuilder, ResourceError, Stack } from '@aws-sdk/client-appstream';
import type { InventoryRow } from '@workspaces-euc-mcp/host';
import { sessionModelOf } from './fleets/capacity.js';
import { exfiltrationExposure } from './stacks/exfiltration.js';

type Scalar = string | number | boolean | null;

const iso = (date: Date | undefined): string | null => date?.toISOString() ?? null;
const codes = (errors: readonly { ErrorCode?: string | undefined }[] | undefined): string | null =>
  errors && errors.length > 0 ? errors.map((e) => e.ErrorCode ?? 'UNKNOWN').join(', ') : null;

/**
 * The capacity columns of a fleet: instances for single-session fleets; for multi-session fleets
 * the user-session fields too (they are sized in sessions); Elastic fleets have no provisioned
 * capacity, only MaxConcurrentSessions.
 */
function capacityColumns(fleet: Fleet): Record<string, Scalar> {
  const status = fleet.ComputeCapacityStatus;
  const model = sessionModelOf(fleet);
  const instances = {
    desiredInstances: status?.Desired ?? null,
    runningInstances: status?.Running ?? null,
    inUseInstances: status?.InUse ?? null,
    availableInstances: status?.Available ?? null,
  };
  switch (model) {
    case 'elastic':
      return { maxConcurrentSessions: fleet.MaxConcurrentSessions ?? null };
    case 'multi':
      return {
        ...instances,
        maxSessionsPerInstance: fleet.MaxSessionsPerInstance ?? null,
        desiredUserSessions: status?.DesiredUserSessions ?? null,
        actualUserSessions: status?.ActualUserSessions ?? null,
        activeUserSessions: status?.ActiveUserSessions ?? null,
        availableUserSessions: status?.AvailableUserSessions ?? null,
      };
    case 'single':
      return instances;
  }
}

/** One row per fleet. */
export function fleetRow(fleet: Fleet, stacks: readonly string[]): InventoryRow {
  return {
    id: fleet.Name ?? '',
    ...(fleet.DisplayName ? { name: fleet.DisplayName } : {}),
    state: fleet.State ?? 'UNKNOWN',
    attributes: {
      fleetType: fleet.FleetType ?? null,
      sessionModel: sessionModelOf(fleet),
      instanceType: fleet.InstanceType ?? null,
      platform: fleet.Platform ?? null,
      streamView: fleet.StreamView ?? null,
      ...capacityColumns(fleet),
      imageName: fleet.ImageName ?? null,
      stacks: stacks.length > 0 ? [...stacks].sort().join(', ') : null,
      defaultInternetAccess: fleet.EnableDefaultInternetAccess ?? false,
      directoryName: fleet.DomainJoinInfo?.DirectoryName ?? null,
      maxUserDurationSeconds: fleet.MaxUserDurationInSeconds ?? null,
      disconnectTimeoutSeconds: fleet.DisconnectTimeoutInSeconds ?? null,
      idleDisconnectTimeoutSeconds: fleet.IdleDisconnectTimeoutInSeconds ?? null,
      errorCodes: codes(fleet.FleetErrors),
      createdTime: iso(fleet.CreatedTime),
    },
  };
}

/** Stacks have no state in the API; the row says whether any fleet streams it. */
export function stackState(fleets: readonly string[]): 'WITH_FLEET' | 'NO_FLEET' {
  return fleets.length > 0 ? 'WITH_FLEET' : 'NO_FLEET';
}

/** One row per stack. */
export function stackRow(stack: Stack, fleets: readonly string[]): InventoryRow {
  const exposure = exfiltrationExposure(stack);
  return {
    id: stack.Name ?? '',
    ...(stack.DisplayName ? { name: stack.DisplayName } : {}),
    state: stackState(fleets),
    attributes: {
      fleets: fleets.length > 0 ? [...fleets].sort().join(', ') : null,
      outwardChannelsOpen: exposure.open.length,
      outwardChannels: exposure.open.length > 0 ? exposure.open.join(', ') : null,
      storageConnectors: (stack.StorageConnectors ?? []).map((c) => c.ConnectorType ?? '').join(', ') || null,
      applicationSettingsPersistence: stack.ApplicationSettings?.Enabled ?? false,
      vpcEndpointOnly: (stack.AccessEndpoints ?? []).some((e) => e.EndpointType === 'STREAMING'),
      errorCodes: codes(stack.StackErrors),
      createdTime: iso(stack.CreatedTime),
    },
  };
}

function builderErrors(errors: readonly ResourceError[] | undefined): string | null {
  return codes(errors);
}

/** One row per image builder. */
export function imageBuilderRow(builder: ImageBuilder): InventoryRow {
  return {
    id: builder.Name ?? '',
    ...(builder.DisplayName ? { name: builder.DisplayName } : {}),
    state: builder.State ?? 'UNKNOWN',
    attributes: {
      instanceType: builder.InstanceType ?? null,
      platform: builder.Platform ?? null,
      sourceImageArn: builder.ImageArn ?? null,
      agentVersion: builder.AppstreamAgentVersion ?? null,
      latestAgent: builder.LatestAppstreamAgentVersion === 'TRUE',
      defaultInternetAccess: builder.EnableDefaultInternetAccess ?? false,
      directoryName: builder.DomainJoinInfo?.DirectoryName ?? null,
      errorCodes: builderErrors(builder.ImageBuilderErrors),
      createdTime: iso(builder.CreatedTime),
    },
  };
}

/** One row per app block builder. */
export function appBlockBuilderRow(builder: AppBlockBuilder): InventoryRow {
  return {
    id: builder.Name ?? '',
    ...(builder.DisplayName ? { name: builder.DisplayName } : {}),
    state: builder.State ?? 'UNKNOWN',
    attributes: {
      instanceType: builder.InstanceType ?? null,
      platform: builder.Platform ?? null,
      defaultInternetAccess: builder.EnableDefaultInternetAccess ?? false,
      errorCodes: builderErrors(builder.AppBlockBuilderErrors),
      createdTime: iso(builder.CreatedTime),
    },
  };
}
