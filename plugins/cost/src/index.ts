import { definePlugin } from '@workspaces-euc-mcp/host';
import { analyzeWorkspaceUtilization } from './tools/analyze-workspace-utilization.js';
import { compareEucCosts } from './tools/compare-euc-costs.js';
import { getEucCostForecast } from './tools/get-euc-cost-forecast.js';
import { getEucCostSummary } from './tools/get-euc-cost-summary.js';
import { getEucServicePrices } from './tools/get-euc-service-prices.js';
import { listUnusedResources } from './tools/list-unused-resources.js';
import { recommendBundleRightsizing } from './tools/recommend-bundle-rightsizing.js';
import { recommendRunningMode } from './tools/recommend-running-mode.js';

/**
 * Cost Explorer, Price List, running-mode and unused-resource economics. Tier 0 tools read
 * WorkSpaces and CloudWatch only; tier 1 tools also read billing data (Cost Explorer, which
 * charges per request, and the Price List).
 */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-cost',
  version: '0.1.0',
  description: 'Cost Explorer, Price List, running-mode and unused-resource economics.',
  instructions:
    'Cost: Windows 10/11 WorkSpaces Personal are always BYOL; Applications fleet billing depends on fleet type (never quote 24x7 rates for On-Demand or Elastic fleets). Prefer actual spend from Cost Explorer to list prices, and say which you used. Cost Explorer requests are billed per call: the spend tools ask each selected account once (never per region; regions filter the bill) and sum the accounts.',
  tools: [
    analyzeWorkspaceUtilization,
    listUnusedResources,
    recommendBundleRightsizing,
    recommendRunningMode,
    getEucCostSummary,
    getEucCostForecast,
    compareEucCosts,
    getEucServicePrices,
  ],
});

export default plugin;
