/**
 * The fewest requests that could have fetched what a tool fetched, from the page and batch limits
 * of the APIs: the yardstick the benchmark divides actual calls by. A ratio of 1 means no call
 * was wasted; above 1 means repeated scans, small pages or unbatched lookups.
 */

/** One request the simulator answered, as the benchmark observed it. */
export interface ObservedRequest {
  readonly action: string;
  readonly region: string;
  readonly account: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly output?: Readonly<Record<string, unknown>>;
  /**
   * What `output` would be counted as, when the benchmark dropped it to keep its own memory out of
   * the server's (a 50,000-desktop call returns hundreds of MB of pages): see `answerCounts`.
   */
  readonly counts?: AnswerCounts;
  /** The error code, when AWS refused the request (throttled, denied). */
  readonly error?: string;
}

/** What a bound needs from a response: its items (a list's first array) and metric datapoints. */
export interface AnswerCounts {
  readonly items: number;
  readonly datapoints: number;
}

/** The counts of one response, so the response itself need not be kept. */
export function answerCounts(output: Readonly<Record<string, unknown>> | undefined): AnswerCounts {
  let datapoints = 0;
  for (const result of (output?.MetricDataResults as { Values?: unknown[] }[] | undefined) ?? [])
    datapoints += result.Values?.length ?? 0;
  return { items: itemCount(output), datapoints };
}

/**
 * The most items one page can return, per paginated action: the API reference's maximum where it
 * documents one, else the page size the simulator models for it (marked).
 */
const MAX_PAGE: Readonly<Record<string, number>> = {
  'workspaces:DescribeWorkspaces': 25,
  'workspaces:DescribeWorkspacesConnectionStatus': 25,
  'workspaces:DescribeWorkspaceDirectories': 25,
  'workspaces:DescribeWorkspaceImages': 25,
  'workspaces:DescribeWorkspaceBundles': 25,
  'workspaces:DescribeIpGroups': 25,
  'workspaces:DescribeConnectionAliases': 25,
  'workspaces:DescribeWorkspacesPools': 25,
  'workspaces:DescribeWorkspacesPoolSessions': 50,
  'workspaces-instances:ListWorkspaceInstances': 25,
  'workspaces-instances:ListInstanceTypes': 600,
  'workspaces-instances:ListRegions': 25,
  'workspaces-web:ListPortals': 100, // simulator (AWS documents no maximum)
  'workspaces-web:ListSessions': 50, // simulator
  'appstream:DescribeFleets': 25, // simulator
  'appstream:DescribeStacks': 25, // simulator
  'appstream:DescribeImages': 25,
  'appstream:DescribeImageBuilders': 25, // simulator
  'appstream:DescribeAppBlockBuilders': 25,
  'appstream:DescribeUsers': 25, // simulator
  'appstream:DescribeSessions': 50,
  'appstream:DescribeUserStackAssociations': 500,
  'application-autoscaling:DescribeScalingActivities': 50,
  'application-autoscaling:DescribeScalingPolicies': 10,
  'cloudtrail:LookupEvents': 50,
  'cloudwatch:DescribeAlarms': 100,
  'servicequotas:ListServiceQuotas': 100,
  'servicequotas:ListAWSDefaultServiceQuotas': 100,
  'ds:DescribeDirectories': 100, // simulator
  'ec2:DescribeSubnets': 1000,
  'ec2:DescribeInstances': 1000,
  'ec2:DescribeVolumes': 500,
  'pricing:GetProducts': 100,
  'tag:GetResources': 100,
};

/** Actions that take a list of ids, and the most ids one request takes. */
const ID_BATCH: Readonly<Record<string, { readonly field: string; readonly size: number }>> = {
  'workspaces:DescribeWorkspaces': { field: 'WorkspaceIds', size: 25 },
  'workspaces:DescribeWorkspacesConnectionStatus': { field: 'WorkspaceIds', size: 25 },
  'workspaces:DescribeWorkspaceDirectories': { field: 'DirectoryIds', size: 25 },
  'workspaces:DescribeClientProperties': { field: 'ResourceIds', size: 25 },
  'workspaces:DescribeWorkspaceImages': { field: 'ImageIds', size: 25 },
  'workspaces:DescribeWorkspacesPools': { field: 'PoolIds', size: 25 },
};

const GET_METRIC_DATA = 'cloudwatch:GetMetricData';
const MAX_QUERIES = 500;
const MAX_DATAPOINTS = 100_800;
const TOKEN_FIELDS = new Set(['NextToken', 'NextPageToken', 'nextToken', 'PaginationToken']);

function withoutToken(input: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(input).filter(([k]) => !TOKEN_FIELDS.has(k))));
}

/** The items of a list response: its first array field. */
function itemCount(output: Readonly<Record<string, unknown>> | undefined): number {
  for (const value of Object.values(output ?? {})) if (Array.isArray(value)) return value.length;
  return 0;
}

function metricDataBound(requests: readonly ObservedRequest[]): number {
  const queries = new Set<string>();
  let datapoints = 0;
  for (const request of requests) {
    const window = `${String(request.input.StartTime)}|${String(request.input.EndTime)}`;
    for (const query of (request.input.MetricDataQueries as { MetricStat?: unknown }[] | undefined) ?? [])
      queries.add(`${window}|${JSON.stringify(query.MetricStat)}`);
    datapoints += (request.counts ?? answerCounts(request.output)).datapoints;
  }
  return Math.max(1, Math.ceil(queries.size / MAX_QUERIES), Math.ceil(datapoints / MAX_DATAPOINTS));
}

/**
 * Lists: each distinct request (ignoring page tokens) is one scan, which needs
 * ceil(items it returned / the largest page) requests, at least one. Id lookups need
 * ceil(distinct ids / batch size). Anything else: one request per distinct request.
 */
function listBound(action: string, requests: readonly ObservedRequest[]): number {
  const batch = ID_BATCH[action];
  const ids = new Set<string>();
  const scans = new Map<string, number>();
  for (const request of requests) {
    const listed = batch ? (request.input[batch.field] as unknown[] | undefined) : undefined;
    if (listed) {
      for (const id of listed) ids.add(String(id));
      continue;
    }
    const key = withoutToken(request.input);
    scans.set(key, (scans.get(key) ?? 0) + (request.counts ?? answerCounts(request.output)).items);
  }
  const maxPage = MAX_PAGE[action];
  let bound = batch ? Math.ceil(ids.size / batch.size) : 0;
  for (const items of scans.values()) bound += maxPage ? Math.max(1, Math.ceil(items / maxPage)) : 1;
  return bound;
}

/** Lower bound per action for one tool call. */
export function lowerBounds(requests: readonly ObservedRequest[]): Record<string, number> {
  const byActionAndPlace = new Map<string, ObservedRequest[]>();
  for (const request of requests) {
    const key = `${request.action}|${request.account}|${request.region}`;
    const list = byActionAndPlace.get(key) ?? [];
    list.push(request);
    byActionAndPlace.set(key, list);
  }
  const bounds: Record<string, number> = {};
  for (const [key, list] of byActionAndPlace) {
    const action = key.split('|')[0] ?? '';
    const bound = action === GET_METRIC_DATA ? metricDataBound(list) : listBound(action, list);
    bounds[action] = (bounds[action] ?? 0) + bound;
  }
  return bounds;
}
