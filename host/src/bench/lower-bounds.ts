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
  /** The error code, when AWS refused the request (throttled, denied). */
  readonly error?: string;
}

/** How many resources a full scan of an action would page through, per account/region. */
export type ResourceCounter = (action: string, account: string, region: string) => number | undefined;

/** Page or batch size per action, from the API references. */
const PAGE_SIZE: Readonly<Record<string, { readonly idsField?: string; readonly size: number }>> = {
  'workspaces:DescribeWorkspaces': { idsField: 'WorkspaceIds', size: 25 },
  'workspaces:DescribeWorkspacesConnectionStatus': { idsField: 'WorkspaceIds', size: 25 },
  'workspaces:DescribeWorkspaceDirectories': { idsField: 'DirectoryIds', size: 25 },
  'workspaces:DescribeClientProperties': { idsField: 'ResourceIds', size: 25 },
  'workspaces:DescribeWorkspaceImages': { idsField: 'ImageIds', size: 25 },
};

const GET_METRIC_DATA = 'cloudwatch:GetMetricData';
const MAX_QUERIES = 500;
const MAX_DATAPOINTS = 100_800;

function withoutToken(input: Readonly<Record<string, unknown>>): string {
  const { NextToken: _n, NextPageToken: _p, nextToken: _t, ...rest } = input;
  return JSON.stringify(rest);
}

function metricDataBound(requests: readonly ObservedRequest[]): number {
  const queries = new Set<string>();
  let datapoints = 0;
  for (const request of requests) {
    const window = `${String(request.input.StartTime)}|${String(request.input.EndTime)}`;
    for (const query of (request.input.MetricDataQueries as { MetricStat?: unknown }[] | undefined) ?? [])
      queries.add(`${window}|${JSON.stringify(query.MetricStat)}`);
    for (const result of (request.output?.MetricDataResults as { Values?: unknown[] }[] | undefined) ?? [])
      datapoints += result.Values?.length ?? 0;
  }
  return Math.max(1, Math.ceil(queries.size / MAX_QUERIES), Math.ceil(datapoints / MAX_DATAPOINTS));
}

function pagedBound(
  action: string,
  requests: readonly ObservedRequest[],
  size: number,
  idsField: string | undefined,
  count: ResourceCounter,
): number {
  const first = requests[0];
  if (!first) return 0;
  const ids = new Set<string>();
  let fullScan = false;
  for (const request of requests) {
    const listed = idsField ? (request.input[idsField] as unknown[] | undefined) : undefined;
    if (listed) for (const id of listed) ids.add(String(id));
    else fullScan = true;
  }
  // A full scan needs every page once; id lookups need ceil(distinct ids / batch size).
  const scanPages = fullScan
    ? Math.max(1, Math.ceil((count(action, first.account, first.region) ?? 0) / size))
    : 0;
  return scanPages + Math.ceil(ids.size / size);
}

/** Lower bound per action for one tool call; undefined where no rule applies. */
export function lowerBounds(
  requests: readonly ObservedRequest[],
  count: ResourceCounter,
): Record<string, number> {
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
    const rule = PAGE_SIZE[action];
    let bound: number;
    if (action === GET_METRIC_DATA) bound = metricDataBound(list);
    else if (rule) bound = pagedBound(action, list, rule.size, rule.idsField, count);
    // Anything else: each distinct request (ignoring page tokens) is needed once.
    else bound = new Set(list.map((r) => withoutToken(r.input))).size;
    bounds[action] = (bounds[action] ?? 0) + bound;
  }
  return bounds;
}
