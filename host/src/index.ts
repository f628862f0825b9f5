/**
 * The workspaces-euc-mcp plugin API: everything a plugin imports, and nothing else. First- and
 * third-party plugins import only this module (docs/plugin-authoring.md):
 *
 * - the contract: `definePlugin` / `defineTool` / `defineWriteTool` / `defineChecks`, the tool,
 *   plugin and context types, tiers, and `PLUGIN_API_VERSION`;
 * - the plugin kit: the shared scope input and its selection, error entries, counts, pages;
 * - the AWS helpers: paging, batching, bounded fan-out, CloudWatch metrics, error translation;
 * - the extension points: inventory, findings and idle contributors, and the shapes of the host's
 *   cross-service tools that composites read.
 *
 * What assembles a server (the CLI, `assembleHost`) is in `@workspaces-euc-mcp/host/runtime`; the
 * test kit is `@workspaces-euc-mcp/testing`. `host/api/host.api.md` is this module's type surface
 * as API Extractor reports it: a change to it needs a new `PLUGIN_API_VERSION` or a changelog entry.
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
export type {
  AwsAccess,
  AwsTarget,
  CacheRead,
  CheckDescriptor,
  ClientConstructor,
  ClientLocation,
  ContributionKind,
  ContributionScope,
  ContributionSet,
  Contributions,
  EmbeddedDocument,
  EstateSnapshotAccess,
  Finding,
  FindingsContributor,
  HostClientConfig,
  IdleContributor,
  IdleResource,
  InventoryCollection,
  InventoryContributor,
  InventoryRow,
  Limits,
  Logger,
  PlannedTarget,
  Plugin,
  RateLimiter,
  ReadTool,
  SdkClient,
  Severity,
  TargetResult,
  Tier,
  Tool,
  ToolCache,
  ToolCallOutcome,
  ToolContext,
  WritePlan,
  WriteTool,
} from './plugin-api/types.js';
export { PLUGIN_API_VERSION, type PluginApiMajor, type PluginApiVersion } from './plugin-api/version.js';
