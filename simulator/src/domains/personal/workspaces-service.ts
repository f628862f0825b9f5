/**
 * The WorkSpaces Personal operations of the `workspaces` API, with the request limits of the
 * API reference: 25 ids per describe/batch call, Limit 1-25, RebuildWorkspaces exactly one
 * request, WorkspaceIds not combinable with the other filters, and the state rules of each action.
 */
import type { FailedWorkspaceChangeRequest, Workspace, WorkspaceState } from '@aws-sdk/client-workspaces';
import { notFound, SimulatedAwsError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { OperationHandler, SimRequest } from '../../handlers.js';
import { at } from '../../model.js';
import { intInRange, listOf, pageOf, requiredString } from '../../paging.js';
import type { SimDesktop } from './model.js';

const INVALID = 'InvalidParameterValuesException';

function desktopsAt(estate: Estate, request: SimRequest): SimDesktop[] {
  return estate.personal.desktops.filter((d) => at(d, request.account, request.region));
}

function findDesktop(estate: Estate, request: SimRequest, workspaceId: string): SimDesktop | undefined {
  return estate.personal.desktops.find(
    (d) => d.workspace.WorkspaceId === workspaceId && at(d, request.account, request.region),
  );
}

function requireDesktop(estate: Estate, request: SimRequest, workspaceId: string): SimDesktop {
  const desktop = findDesktop(estate, request, workspaceId);
  if (!desktop) throw notFound(`The WorkSpace ${workspaceId}`);
  return desktop;
}

const describeWorkspaces: OperationHandler = (request, estate) => {
  const input = request.input;
  const ids = listOf<string>(input, 'WorkspaceIds', 25);
  const limit = intInRange(input, 'Limit', 1, 25, 25);
  if (ids && (input.DirectoryId || input.UserName || input.BundleId))
    throw new SimulatedAwsError(
      INVALID,
      'WorkspaceIds cannot be combined with DirectoryId, UserName or BundleId.',
    );
  if (input.UserName && !input.DirectoryId)
    throw new SimulatedAwsError(INVALID, 'UserName must be specified with DirectoryId.');
  let desktops = desktopsAt(estate, request);
  if (ids) {
    const wanted = new Set(ids);
    desktops = desktops.filter((d) => wanted.has(d.workspace.WorkspaceId ?? ''));
  }
  if (typeof input.DirectoryId === 'string')
    desktops = desktops.filter((d) => d.workspace.DirectoryId === input.DirectoryId);
  if (typeof input.UserName === 'string') {
    const user = input.UserName.toLowerCase();
    desktops = desktops.filter((d) => d.workspace.UserName?.toLowerCase() === user);
  }
  if (typeof input.BundleId === 'string')
    desktops = desktops.filter((d) => d.workspace.BundleId === input.BundleId);
  const page = pageOf('DescribeWorkspaces', desktops, input.NextToken, limit);
  return { Workspaces: page.items.map((d) => structuredClone(d.workspace)), NextToken: page.nextToken };
};

const describeConnectionStatus: OperationHandler = (request, estate) => {
  const ids = listOf<string>(request.input, 'WorkspaceIds', 25);
  let desktops = desktopsAt(estate, request);
  if (ids) {
    const wanted = new Set(ids);
    desktops = desktops.filter((d) => wanted.has(d.workspace.WorkspaceId ?? ''));
  }
  const page = pageOf('DescribeWorkspacesConnectionStatus', desktops, request.input.NextToken, 25);
  return {
    WorkspacesConnectionStatus: page.items.map((d) => ({ ...d.connection })),
    NextToken: page.nextToken,
  };
};

const describeDirectories: OperationHandler = (request, estate) => {
  const ids = listOf<string>(request.input, 'DirectoryIds', 25);
  const limit = intInRange(request.input, 'Limit', 1, 25, 25);
  let directories = estate.personal.directories.filter((d) => at(d, request.account, request.region));
  if (ids) directories = directories.filter((d) => ids.includes(d.directory.DirectoryId ?? ''));
  const page = pageOf('DescribeWorkspaceDirectories', directories, request.input.NextToken, limit);
  return { Directories: page.items.map((d) => structuredClone(d.directory)), NextToken: page.nextToken };
};

const describeBundles: OperationHandler = (request, estate) => {
  const ids = listOf<string>(request.input, 'BundleIds', 25);
  if (ids && request.input.Owner)
    throw new SimulatedAwsError(INVALID, 'BundleIds cannot be combined with Owner.');
  let bundles = estate.personal.bundles.filter((b) => at(b, request.account, request.region));
  if (ids) bundles = bundles.filter((b) => ids.includes(b.bundle.BundleId ?? ''));
  else if (request.input.Owner === 'AMAZON') bundles = bundles.filter((b) => b.bundle.Owner === 'AMAZON');
  else bundles = bundles.filter((b) => b.bundle.Owner !== 'AMAZON');
  const page = pageOf('DescribeWorkspaceBundles', bundles, request.input.NextToken, 25);
  return { Bundles: page.items.map((b) => structuredClone(b.bundle)), NextToken: page.nextToken };
};

const describeSnapshots: OperationHandler = (request, estate) => {
  const desktop = requireDesktop(estate, request, requiredString(request.input, 'WorkspaceId'));
  return {
    RestoreSnapshots: [...desktop.snapshots.restore],
    RebuildSnapshots: [...desktop.snapshots.rebuild],
  };
};

const describeIpGroups: OperationHandler = (request, estate) => {
  const ids = listOf<string>(request.input, 'GroupIds', 25);
  const limit = intInRange(request.input, 'MaxResults', 1, 25, 25);
  let groups = estate.personal.ipGroups.filter((g) => at(g, request.account, request.region));
  if (ids) groups = groups.filter((g) => ids.includes(g.group.groupId ?? ''));
  const page = pageOf('DescribeIpGroups', groups, request.input.NextToken, limit);
  return { Result: page.items.map((g) => structuredClone(g.group)), NextToken: page.nextToken };
};

const describeImages: OperationHandler = (request, estate) => {
  const ids = listOf<string>(request.input, 'ImageIds', 25);
  const limit = intInRange(request.input, 'MaxResults', 1, 25, 25);
  let images = estate.personal.images.filter((i) => at(i, request.account, request.region));
  if (ids) images = images.filter((i) => ids.includes(i.image.ImageId ?? ''));
  if (request.input.ImageType === 'OWNED') images = images.filter((i) => !i.image.OwnerAccountId);
  if (request.input.ImageType === 'SHARED') images = images.filter((i) => i.image.OwnerAccountId);
  const page = pageOf('DescribeWorkspaceImages', images, request.input.NextToken, limit);
  return { Images: page.items.map((i) => structuredClone(i.image)), NextToken: page.nextToken };
};

const describeImagePermissions: OperationHandler = (request, estate) => {
  const imageId = requiredString(request.input, 'ImageId');
  const limit = intInRange(request.input, 'MaxResults', 1, 25, 25);
  const image = estate.personal.images.find(
    (i) => i.image.ImageId === imageId && at(i, request.account, request.region),
  );
  if (!image) throw notFound(`The image ${imageId}`);
  const page = pageOf('DescribeWorkspaceImagePermissions', image.sharedWith, request.input.NextToken, limit);
  return {
    ImageId: imageId,
    ImagePermissions: page.items.map((id) => ({ SharedAccountId: id })),
    NextToken: page.nextToken,
  };
};

function settingsAt(estate: Estate, request: SimRequest) {
  return estate.personal.accountSettings.find((s) => at(s, request.account, request.region));
}

const describeAccount: OperationHandler = (request, estate) => {
  const settings = settingsAt(estate, request);
  return {
    DedicatedTenancySupport: settings?.dedicatedTenancySupport ?? 'DISABLED',
    ...(settings?.dedicatedTenancyManagementCidrRange
      ? { DedicatedTenancyManagementCidrRange: settings.dedicatedTenancyManagementCidrRange }
      : {}),
  };
};

const describeAccountModifications: OperationHandler = (request, estate) => {
  const page = pageOf(
    'DescribeAccountModifications',
    settingsAt(estate, request)?.modifications ?? [],
    request.input.NextToken,
    25,
  );
  return { AccountModifications: page.items.map((m) => ({ ...m })), NextToken: page.nextToken };
};

const describeClientProperties: OperationHandler = (request, estate) => {
  const ids = listOf<string>(request.input, 'ResourceIds', 25, { required: true }) ?? [];
  const list = ids.flatMap((id) => {
    const directory = estate.personal.directories.find(
      (d) => d.directory.DirectoryId === id && at(d, request.account, request.region),
    );
    return directory ? [{ ResourceId: id, ClientProperties: { ...directory.clientProperties } }] : [];
  });
  return { ClientPropertiesList: list };
};

const describeConnectionAliases: OperationHandler = (request, estate) => {
  listOf<string>(request.input, 'AliasIds', 25);
  const limit = intInRange(request.input, 'Limit', 1, 25, 25);
  const page = pageOf(
    'DescribeConnectionAliases',
    settingsAt(estate, request)?.aliases ?? [],
    request.input.NextToken,
    limit,
  );
  return { ConnectionAliases: page.items.map((a) => structuredClone(a)), NextToken: page.nextToken };
};

const describeTags: OperationHandler = (request, estate) => {
  const resourceId = requiredString(request.input, 'ResourceId');
  const desktop = findDesktop(estate, request, resourceId);
  if (desktop) return { TagList: desktop.tags.map((t) => ({ ...t })) };
  const pool = estate.pools.pools.find(
    (p) => p.pool.PoolId === resourceId && at(p, request.account, request.region),
  );
  if (pool) return { TagList: pool.tags.map((t) => ({ ...t })) };
  const known =
    estate.personal.directories.some((d) => d.directory.DirectoryId === resourceId) ||
    estate.personal.images.some((i) => i.image.ImageId === resourceId) ||
    estate.personal.bundles.some((b) => b.bundle.BundleId === resourceId);
  if (!known) throw notFound(`The resource ${resourceId}`);
  return { TagList: [] };
};

/** A batch action over 1-25 requests: per-desktop legality, failures reported per request. */
function batchAction(
  field: string,
  legal: (desktop: SimDesktop) => string | undefined,
  apply: (desktop: SimDesktop, estate: Estate) => void,
): OperationHandler {
  return (request, estate) => {
    const requests = listOf<{ WorkspaceId?: string }>(request.input, field, 25, { required: true }) ?? [];
    const failed: FailedWorkspaceChangeRequest[] = [];
    for (const { WorkspaceId } of requests) {
      const desktop = WorkspaceId ? findDesktop(estate, request, WorkspaceId) : undefined;
      if (!desktop) {
        failed.push({
          WorkspaceId,
          ErrorCode: 'ResourceNotFound.Workspace',
          ErrorMessage: `The WorkSpace ${WorkspaceId} was not found.`,
        });
        continue;
      }
      const illegal = legal(desktop);
      if (illegal) {
        failed.push({ WorkspaceId, ErrorCode: 'InvalidResourceState.Workspace', ErrorMessage: illegal });
        continue;
      }
      apply(desktop, estate);
    }
    return { FailedRequests: failed };
  };
}

function setState(desktop: SimDesktop, state: WorkspaceState, connection?: 'UNKNOWN' | 'DISCONNECTED'): void {
  desktop.workspace.State = state;
  if (connection) desktop.connection = { ...desktop.connection, ConnectionState: connection };
}

const mode = (d: SimDesktop) => d.workspace.WorkspaceProperties?.RunningMode;
const state = (d: SimDesktop) => d.workspace.State ?? 'UNKNOWN';
const notIn = (states: readonly string[], action: string) => (d: SimDesktop) =>
  states.includes(state(d))
    ? undefined
    : `The WorkSpace is ${state(d)}; ${action} needs ${states.join(', ')}.`;

const startWorkspaces = batchAction(
  'StartWorkspaceRequests',
  (d) =>
    mode(d) === 'ALWAYS_ON' ? 'An AlwaysOn WorkSpace cannot be started.' : notIn(['STOPPED'], 'start')(d),
  (d, estate) => {
    setState(d, 'AVAILABLE', 'DISCONNECTED');
    d.runningSince = estate.settings.now;
  },
);
const stopWorkspaces = batchAction(
  'StopWorkspaceRequests',
  (d) =>
    mode(d) === 'ALWAYS_ON'
      ? 'An AlwaysOn WorkSpace cannot be stopped.'
      : notIn(['AVAILABLE', 'IMPAIRED', 'UNHEALTHY', 'ERROR'], 'stop')(d),
  (d) => setState(d, 'STOPPED', 'UNKNOWN'),
);
const rebootWorkspaces = batchAction(
  'RebootWorkspaceRequests',
  notIn(['AVAILABLE', 'UNHEALTHY', 'REBOOTING'], 'reboot'),
  (d) => setState(d, 'AVAILABLE', 'DISCONNECTED'),
);
const terminateWorkspaces = batchAction(
  'TerminateWorkspaceRequests',
  (d) => (state(d) === 'SUSPENDED' ? 'A SUSPENDED WorkSpace cannot be terminated.' : undefined),
  (d, estate) => {
    estate.personal.desktops = estate.personal.desktops.filter((other) => other !== d);
  },
);

const rebuildWorkspaces: OperationHandler = (request, estate) => {
  const requests = listOf<{ WorkspaceId?: string }>(request.input, 'RebuildWorkspaceRequests', 1, {
    required: true,
  });
  return batchAction(
    'RebuildWorkspaceRequests',
    notIn(['AVAILABLE', 'ERROR', 'UNHEALTHY', 'STOPPED', 'REBOOTING'], 'rebuild'),
    (d) => {
      setState(d, 'AVAILABLE', 'DISCONNECTED');
      delete d.workspace.ErrorCode;
      delete d.workspace.ErrorMessage;
    },
  )({ ...request, input: { RebuildWorkspaceRequests: requests } }, estate);
};

const restoreWorkspace: OperationHandler = (request, estate) => {
  const desktop = requireDesktop(estate, request, requiredString(request.input, 'WorkspaceId'));
  const illegal = notIn(['AVAILABLE', 'ERROR', 'UNHEALTHY', 'STOPPED'], 'restore')(desktop);
  if (illegal) throw new SimulatedAwsError('InvalidResourceStateException', illegal);
  setState(desktop, 'AVAILABLE', 'DISCONNECTED');
  return {};
};

const modifyWorkspaceProperties: OperationHandler = (request, estate) => {
  const desktop = requireDesktop(estate, request, requiredString(request.input, 'WorkspaceId'));
  const changes = (request.input.WorkspaceProperties ?? {}) as NonNullable<Workspace['WorkspaceProperties']>;
  if (!['AVAILABLE', 'STOPPED'].includes(state(desktop)))
    throw new SimulatedAwsError(
      'InvalidResourceStateException',
      `The WorkSpace is ${state(desktop)}; it must be AVAILABLE or STOPPED to be modified.`,
    );
  const volumes = changes.RootVolumeSizeGib !== undefined || changes.UserVolumeSizeGib !== undefined;
  if (volumes && changes.ComputeTypeName !== undefined)
    throw new SimulatedAwsError(
      'OperationNotSupportedException',
      'Volume size and compute type cannot be changed in the same request.',
    );
  if (changes.RunningMode === 'MANUAL')
    throw new SimulatedAwsError(
      'OperationNotSupportedException',
      'The MANUAL running mode is only available for allow-listed WorkSpaces Core accounts.',
    );
  const properties = desktop.workspace.WorkspaceProperties ?? {};
  desktop.workspace.WorkspaceProperties = { ...properties, ...changes };
  if (changes.RunningMode === 'ALWAYS_ON')
    delete desktop.workspace.WorkspaceProperties.RunningModeAutoStopTimeoutInMinutes;
  if (
    changes.RunningMode === 'AUTO_STOP' &&
    !desktop.workspace.WorkspaceProperties.RunningModeAutoStopTimeoutInMinutes
  )
    desktop.workspace.WorkspaceProperties.RunningModeAutoStopTimeoutInMinutes = 60;
  return {};
};

const modifyWorkspaceState: OperationHandler = (request, estate) => {
  const desktop = requireDesktop(estate, request, requiredString(request.input, 'WorkspaceId'));
  const target = requiredString(request.input, 'WorkspaceState');
  if (target !== 'AVAILABLE' && target !== 'ADMIN_MAINTENANCE')
    throw new SimulatedAwsError(
      'ValidationException',
      "WorkspaceState must be 'AVAILABLE' or 'ADMIN_MAINTENANCE'.",
    );
  const from = target === 'AVAILABLE' ? 'ADMIN_MAINTENANCE' : 'AVAILABLE';
  if (state(desktop) !== from && state(desktop) !== target)
    throw new SimulatedAwsError(
      'InvalidResourceStateException',
      `The WorkSpace is ${state(desktop)}; only ${from} can move to ${target}.`,
    );
  setState(desktop, target);
  return {};
};

/** The Personal operations of the `workspaces` service. */
export const personalWorkspacesOperations: Readonly<Record<string, OperationHandler>> = {
  DescribeWorkspaces: describeWorkspaces,
  DescribeWorkspacesConnectionStatus: describeConnectionStatus,
  DescribeWorkspaceDirectories: describeDirectories,
  DescribeWorkspaceBundles: describeBundles,
  DescribeWorkspaceSnapshots: describeSnapshots,
  DescribeIpGroups: describeIpGroups,
  DescribeWorkspaceImages: describeImages,
  DescribeWorkspaceImagePermissions: describeImagePermissions,
  DescribeAccount: describeAccount,
  DescribeAccountModifications: describeAccountModifications,
  DescribeClientProperties: describeClientProperties,
  DescribeConnectionAliases: describeConnectionAliases,
  DescribeTags: describeTags,
  StartWorkspaces: startWorkspaces,
  StopWorkspaces: stopWorkspaces,
  RebootWorkspaces: rebootWorkspaces,
  TerminateWorkspaces: terminateWorkspaces,
  RebuildWorkspaces: rebuildWorkspaces,
  RestoreWorkspace: restoreWorkspace,
  ModifyWorkspaceProperties: modifyWorkspaceProperties,
  ModifyWorkspaceState: modifyWorkspaceState,
};
