import type { Estate } from './estate.js';
import { awsError, type FakeHandler, type FakeRequest } from './fake-aws.js';

/** Per-operation overrides; return undefined to fall through to the estate. */
export type Overrides = Partial<
  Record<string, (request: FakeRequest) => Record<string, unknown> | undefined>
>;

const PAGE = 25;

function ids(input: Record<string, unknown>, field: string): string[] | undefined {
  const value = input[field];
  return Array.isArray(value) ? (value as string[]) : undefined;
}

function limitIds(list: string[] | undefined, max: number, field: string): void {
  if (list && list.length > max)
    throw awsError('ValidationException', `1 validation error detected: ${field} must have length <= ${max}`);
}

/** Serves one page of `items` from a NextToken that is the offset. */
function page<T>(items: readonly T[], input: Record<string, unknown>, size = PAGE, tokenField = 'NextToken') {
  const requested = (input.Limit ?? input.MaxResults) as number | undefined;
  if (requested !== undefined && requested > size)
    throw awsError('ValidationException', `Limit/MaxResults must be <= ${size}`);
  const offset = Number(input[tokenField] ?? 0);
  const end = offset + (requested ?? size);
  return { items: items.slice(offset, end), next: end < items.length ? String(end) : undefined };
}

function describeWorkspaces(estate: Estate, input: Record<string, unknown>) {
  const wanted = ids(input, 'WorkspaceIds');
  limitIds(wanted, 25, 'workspaceIds');
  if (input.UserName && !input.DirectoryId)
    throw awsError('InvalidParameterValuesException', 'UserName must be specified with DirectoryId.');
  if (wanted && (input.DirectoryId || input.BundleId || input.UserName))
    throw awsError('InvalidParameterValuesException', 'WorkspaceIds cannot be combined with other filters.');
  if (input.BundleId && input.DirectoryId)
    throw awsError('InvalidParameterValuesException', 'Specify only one filter.');
  const matches = estate.workspaces.filter(
    (ws) =>
      (!wanted || wanted.includes(ws.WorkspaceId ?? '')) &&
      (!input.DirectoryId || ws.DirectoryId === input.DirectoryId) &&
      (!input.BundleId || ws.BundleId === input.BundleId) &&
      (!input.UserName || ws.UserName?.toLowerCase() === String(input.UserName).toLowerCase()),
  );
  const { items, next } = page(matches, input);
  return { Workspaces: items, NextToken: next };
}

function batchWrite(estate: Estate, input: Record<string, unknown>, field: string, max: number) {
  const requests = (input[field] as { WorkspaceId?: string }[] | undefined) ?? [];
  if (requests.length > max) throw awsError('ValidationException', `${field} must have length <= ${max}`);
  const known = new Set(estate.workspaces.map((ws) => ws.WorkspaceId));
  return {
    FailedRequests: requests
      .filter((r) => !known.has(r.WorkspaceId))
      .map((r) => ({
        WorkspaceId: r.WorkspaceId,
        ErrorCode: 'ResourceNotFound.Workspace',
        ErrorMessage: 'The WorkSpace was not found.',
      })),
  };
}

function metricData(estate: Estate, input: Record<string, unknown>) {
  type Query = {
    Id: string;
    MetricStat: {
      Metric: { MetricName: string; Dimensions: { Value: string }[] };
      Period: number;
      Stat: string;
    };
  };
  const queries = input.MetricDataQueries as Query[];
  if (queries.length > 500)
    throw awsError('ValidationException', 'MetricDataQueries must have length <= 500');
  const start = (input.StartTime as Date).getTime();
  const end = (input.EndTime as Date).getTime();
  return {
    MetricDataResults: queries.map((q) => {
      const workspaceId = q.MetricStat.Metric.Dimensions[0]?.Value ?? '';
      const value = estate.metric(workspaceId, q.MetricStat.Metric.MetricName, q.MetricStat.Stat);
      const buckets = Math.floor((end - start) / (q.MetricStat.Period * 1000));
      const timestamps =
        value === undefined
          ? []
          : Array.from({ length: buckets }, (_, i) => new Date(start + i * q.MetricStat.Period * 1000));
      return {
        Id: q.Id,
        StatusCode: 'Complete',
        Timestamps: timestamps,
        Values: timestamps.map(() => value ?? 0),
      };
    }),
  };
}

function workspacesOperation(estate: Estate, request: FakeRequest): Record<string, unknown> {
  const { input } = request;
  switch (request.operation) {
    case 'DescribeWorkspaces':
      return describeWorkspaces(estate, input);
    case 'DescribeWorkspacesConnectionStatus': {
      const wanted = ids(input, 'WorkspaceIds');
      limitIds(wanted, 25, 'workspaceIds');
      const all = [...estate.connection.values()].filter(
        (c) => !wanted || wanted.includes(c.WorkspaceId ?? ''),
      );
      const { items, next } = page(all, input);
      return { WorkspacesConnectionStatus: items, NextToken: next };
    }
    case 'DescribeWorkspaceSnapshots': {
      const id = String(input.WorkspaceId);
      if (!estate.workspaces.some((ws) => ws.WorkspaceId === id))
        throw awsError('ResourceNotFoundException', `The WorkSpace ${id} was not found.`);
      const snaps = estate.snapshots.get(id) ?? { restore: [], rebuild: [] };
      return {
        RestoreSnapshots: snaps.restore.map((t) => ({ SnapshotTime: t })),
        RebuildSnapshots: snaps.rebuild.map((t) => ({ SnapshotTime: t })),
      };
    }
    case 'DescribeWorkspaceDirectories': {
      const wanted = ids(input, 'DirectoryIds');
      limitIds(wanted, 25, 'directoryIds');
      const { items, next } = page(
        estate.directories.filter((d) => !wanted || wanted.includes(d.DirectoryId ?? '')),
        input,
      );
      return { Directories: items, NextToken: next };
    }
    case 'DescribeIpGroups': {
      const { items, next } = page(estate.ipGroups, input);
      return { Result: items, NextToken: next };
    }
    case 'DescribeWorkspaceImages': {
      const images =
        input.ImageType === 'SHARED'
          ? estate.sharedImages
          : input.ImageType === 'OWNED'
            ? estate.ownedImages
            : [...estate.ownedImages, ...estate.sharedImages];
      const { items, next } = page(images, input);
      return { Images: items, NextToken: next };
    }
    case 'DescribeWorkspaceImagePermissions': {
      const accounts = estate.imagePermissions.get(String(input.ImageId)) ?? [];
      const { items, next } = page(accounts, input);
      return {
        ImageId: input.ImageId,
        ImagePermissions: items.map((a) => ({ SharedAccountId: a })),
        NextToken: next,
      };
    }
    case 'DescribeAccount':
      return { ...estate.account };
    case 'DescribeAccountModifications': {
      const { items, next } = page(estate.accountModifications, input);
      return { AccountModifications: items, NextToken: next };
    }
    case 'DescribeClientProperties': {
      const wanted = ids(input, 'ResourceIds') ?? [];
      limitIds(wanted, 25, 'resourceIds');
      return {
        ClientPropertiesList: wanted.map((id) => ({
          ResourceId: id,
          ClientProperties: { ReconnectEnabled: 'ENABLED', LogUploadEnabled: 'DISABLED' },
        })),
      };
    }
    case 'DescribeConnectionAliases': {
      const { items, next } = page(estate.aliases, input);
      return { ConnectionAliases: items, NextToken: next };
    }
    case 'StartWorkspaces':
      return batchWrite(estate, input, 'StartWorkspaceRequests', 25);
    case 'StopWorkspaces':
      return batchWrite(estate, input, 'StopWorkspaceRequests', 25);
    case 'RebootWorkspaces':
      return batchWrite(estate, input, 'RebootWorkspaceRequests', 25);
    case 'TerminateWorkspaces':
      return batchWrite(estate, input, 'TerminateWorkspaceRequests', 25);
    case 'RebuildWorkspaces':
      // RebuildWorkspaces accepts exactly one WorkSpace per request (API reference).
      return batchWrite(estate, input, 'RebuildWorkspaceRequests', 1);
    case 'RestoreWorkspace':
    case 'ModifyWorkspaceProperties':
    case 'ModifyWorkspaceState':
      return {};
    default:
      throw awsError('UnknownOperation', `fake WorkSpaces does not serve ${request.operation}`);
  }
}

/** Serves `estate` with AWS's request limits; `overrides` answer or fail chosen operations. */
export function estateHandler(estate: Estate, overrides: Overrides = {}): FakeHandler {
  return (request) => {
    const override = overrides[request.operation]?.(request);
    if (override) return override;
    if (request.serviceId === 'cloudwatch' && request.operation === 'GetMetricData')
      return metricData(estate, request.input);
    if (request.serviceId === 'directory service' && request.operation === 'DescribeDirectories') {
      const wanted = ids(request.input, 'DirectoryIds');
      const known = new Map(estate.dsDirectories.map((d) => [d.DirectoryId, d]));
      const missing = wanted?.find((id) => !known.has(id));
      if (missing) throw awsError('EntityDoesNotExistException', `Directory ${missing} does not exist.`);
      return { DirectoryDescriptions: wanted ? wanted.map((id) => known.get(id)) : estate.dsDirectories };
    }
    if (request.serviceId === 'workspaces') return workspacesOperation(estate, request);
    throw awsError('UnknownOperation', `fake AWS does not serve ${request.serviceId} ${request.operation}`);
  };
}
