/**
 * The workspaces-euc-mcp plugin API. First- and third-party plugins import only this module:
 * the types, `definePlugin` / `defineTool` / `defineWriteTool`, the shared AWS helpers, and the
 * opaque page cursor of per-resource lists (`readCursor`).
 */

export {
  type AwsErrorKind,
  type ClassifiedAwsError,
  classifyAwsError,
  type ErrorSummary,
  summarizeError,
  ToolError,
} from './aws/errors.js';
export {
  chunk,
  collectPages,
  fetchInBatches,
  listOnce,
  mapBounded,
  mapBoundedAll,
  type Settled,
  type SharedListSpec,
} from './aws/helpers.js';
export {
  getMetricDataBatched,
  MAX_DATAPOINTS_PER_GET_METRIC_DATA,
  MAX_QUERIES_PER_GET_METRIC_DATA,
  type MetricFailure,
  type MetricQuerySpec,
  type MetricSeries,
  type MetricStatus,
  type MetricWindow,
  metricQuery,
  queriesPerRequest,
  readMetrics,
  requireSeries,
  seriesFailure,
  wholeDaysWindow,
} from './aws/metrics.js';
export { SERVICE_LABELS, type ServiceLabel } from './aws/service-labels.js';
export type { InventoryReport } from './builtin/tools/generate-inventory-report.js';
export type { InventorySummary } from './builtin/tools/get-euc-inventory-summary.js';
export { type WriteOutcome, WriteOutcomeSchema } from './gates/outcome.js';
export { tally } from './kit/counts.js';
export { ErrorEntry, ErrorList, errorEntry } from './kit/errors.js';
export { type PageCursor, PageInput, pageNote, pageOf, readCursor } from './kit/page.js';
export {
  REGION_PATTERN,
  RegionInput,
  regionScope,
  type Scope,
  ScopeInput,
  type ScopeSelection,
  scopeKey,
  scopeLabel,
  scopeOfArn,
  selectScopes,
} from './kit/scope.js';
export {
  type CheckSet,
  defineChecks,
  definePlugin,
  defineTool,
  defineWriteTool,
  type ToolInput,
  type ToolOutput,
} from './plugin-api/define.js';
export {
  type AwsAccess,
  type AwsTarget,
  type CacheRead,
  type CheckDescriptor,
  type ClientConstructor,
  type ClientLocation,
  type ContributionKind,
  type ContributionScope,
  type ContributionSet,
  type Contributions,
  type EmbeddedDocument,
  type EstateSnapshotAccess,
  type Finding,
  type FindingsContributor,
  type HostClientConfig,
  type IdleContributor,
  type IdleResource,
  type InventoryCollection,
  type InventoryContributor,
  type InventoryRow,
  type Limits,
  type Logger,
  PLUGIN_API_VERSION,
  type PlannedTarget,
  type Plugin,
  type RateLimiter,
  type ReadTool,
  type SdkClient,
  type Severity,
  type TargetResult,
  TIER_POLICY_NAMES,
  type Tier,
  type Tool,
  type ToolCache,
  type ToolCallOutcome,
  type ToolContext,
  type WritePlan,
  type WriteTool,
} from './plugin-api/types.js';
