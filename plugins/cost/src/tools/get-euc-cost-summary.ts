import type { ResultByTime } from '@aws-sdk/client-cost-explorer';
import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { inRange } from '../shared/estate.js';
import { usd } from '../shared/numbers.js';
import { addInto, coverageOf, readAccounts } from '../spend/across-accounts.js';
import {
  COST_METRIC,
  type CostSelection,
  costFilter,
  getCostAndUsage,
  type RequestCounter,
} from '../spend/cost-explorer.js';
import { type CostWindow, DateInput, resolveWindow } from '../spend/cost-window.js';
import { currencyOf, mergePeriods, periodSeries, rankedAmounts, totalsByGroup } from '../spend/spend.js';
import { eucProductOf, isEucService, SPLIT_NOTE, workspacesCategoryOf } from '../spend/usage-types.js';

const Input = Type.Object(
  {
    ...ScopeInput,
    lookbackDays: Type.Optional(Type.Integer()),
    startDate: DateInput('YYYY-MM-DD'),
    endDate: DateInput('exclusive'),
    granularity: Type.Optional(Type.Enum(['MONTHLY', 'DAILY'])),
    splitWorkspaces: Type.Optional(Type.Boolean({ description: '+1 request' })),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  scope: Type.String(),
  start: Type.String(),
  end: Type.String(),
  granularity: Type.String(),
  currency: Type.String(),
  total: Type.Number(),
  byService: Type.Array(
    Type.Object({ service: Type.String(), product: Type.String(), amount: Type.Number() }),
  ),
  workspacesBreakdown: Type.Array(Type.Object({ category: Type.String(), amount: Type.Number() })),
  byAccount: Type.Optional(Type.Array(Type.Object({ account: Type.String(), total: Type.Number() }))),
  byPeriod: Type.Array(
    Type.Object({
      start: Type.String(),
      end: Type.String(),
      total: Type.Number(),
      byService: Type.Array(Type.Object({ service: Type.String(), amount: Type.Number() })),
    }),
  ),
  costExplorerRequests: Type.Integer({
    description: 'Billed Cost Explorer requests this call sent (cached: 0).',
  }),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

/** One account's EUC spend: the by-service answer and, when asked, the WorkSpaces usage-type split. */
async function accountSpend(
  ctx: ToolContext,
  scope: Scope,
  selection: CostSelection,
  window: CostWindow,
  options: { readonly granularity: 'MONTHLY' | 'DAILY'; readonly split: boolean },
  counter: RequestCounter,
): Promise<{ results: ResultByTime[]; categories: Map<string, number>; error?: ErrorEntry }> {
  const results = await getCostAndUsage(
    ctx,
    scope,
    {
      TimePeriod: { Start: window.start, End: window.end },
      Granularity: options.granularity,
      Metrics: [COST_METRIC],
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
      ...costFilter(undefined, selection, scope),
    },
    counter,
  );
  const categories = new Map<string, number>();
  const workspacesLines = [...totalsByGroup(results, (keys) => isEucService(keys[0] ?? '')).keys()].filter(
    (service) => eucProductOf(service) === 'WorkSpaces (Personal/Pools/Core)',
  );
  if (!options.split || workspacesLines.length === 0) return { results, categories };
  try {
    const byUsageType = await getCostAndUsage(
      ctx,
      scope,
      {
        TimePeriod: { Start: window.start, End: window.end },
        Granularity: 'MONTHLY',
        Metrics: [COST_METRIC],
        ...costFilter({ Dimensions: { Key: 'SERVICE', Values: workspacesLines } }, selection, scope),
        GroupBy: [{ Type: 'DIMENSION', Key: 'USAGE_TYPE' }],
      },
      counter,
    );
    for (const [usageType, amount] of totalsByGroup(byUsageType)) {
      const category = workspacesCategoryOf(usageType);
      categories.set(category, (categories.get(category) ?? 0) + amount);
    }
    return { results, categories };
  } catch (error) {
    return {
      results,
      categories,
      error: errorEntry(SERVICE_LABELS.costExplorer, scope, error, 'WorkSpaces usage-type split: '),
    };
  }
}

/** get_euc_cost_summary: actual EUC spend by service, the WorkSpaces line split by usage type. */
export const getEucCostSummary = defineTool({
  name: 'get_euc_cost_summary',
  title: 'EUC spend summary (Cost Explorer)',
  description:
    'What did EUC cost (default: last 30 days)? Cost Explorer spend per service, WorkSpaces split Personal/Pools/Core. 1-2 requests per account at $0.01, cached 15 min.',
  tier: 1,
  iam: ['ce:GetCostAndUsage'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    inRange('lookbackDays', input.lookbackDays, 1, 365);
    const window = resolveWindow(input, ctx.now(), 30);
    const granularity = input.granularity ?? 'MONTHLY';
    const counter: RequestCounter = { requests: 0 };
    const read = await readAccounts(ctx, input, (scope, selection) =>
      accountSpend(
        ctx,
        scope,
        selection,
        window,
        { granularity, split: input.splitWorkspaces ?? true },
        counter,
      ),
    );
    const errors = [...read.errors];
    const serviceTotals = new Map<string, number>();
    const categories = new Map<string, number>();
    const byAccount: { account: string; total: number }[] = [];
    for (const { scope, value } of read.answered) {
      const totals = totalsByGroup(value.results, (keys) => isEucService(keys[0] ?? ''));
      addInto(serviceTotals, totals);
      addInto(categories, value.categories);
      if (value.error) errors.push(value.error);
      byAccount.push({
        account: scope.account ?? '',
        total: usd([...totals.values()].reduce((a, b) => a + b, 0)),
      });
    }
    const results = mergePeriods(read.answered.map(({ value }) => value.results));
    const byService = rankedAmounts(serviceTotals).map(({ key, amount }) => ({
      service: key,
      product: eucProductOf(key) ?? key,
      amount,
    }));
    const total = usd([...serviceTotals.values()].reduce((sum, amount) => sum + amount, 0));
    const workspacesBreakdown = rankedAmounts(categories).map(({ key, amount }) => ({
      category: key,
      amount,
    }));
    const currency = currencyOf(results);
    const top = byService
      .slice(0, 3)
      .map((row) => `${row.service} ${row.amount.toFixed(2)}`)
      .join(', ');
    const split = workspacesBreakdown.map((row) => `${row.category} ${row.amount.toFixed(2)}`).join(', ');
    const summary =
      `EUC spend ${window.start} to ${window.end} (end exclusive), ${coverageOf(read)}: ${total.toFixed(2)} ${currency}` +
      (top ? ` (${top})` : ' (no EUC spend found)') +
      (split ? `; WorkSpaces split: ${split}` : '') +
      `. ${counter.requests} Cost Explorer request(s).` +
      (errors.length > 0 ? ' Partial: see errors.' : '');
    return {
      summary,
      scope: coverageOf(read),
      start: window.start,
      end: window.end,
      granularity,
      currency,
      total,
      byService,
      workspacesBreakdown,
      ...(read.selection.multiAccount ? { byAccount } : {}),
      byPeriod: periodSeries(results, isEucService),
      costExplorerRequests: counter.requests,
      errors,
      notes: [
        'UnblendedCost of every record type: credits and refunds are included as negative amounts (Cost Explorer’s default); discounts from savings plans are not. Today’s spend is partial and Cost Explorer lags by up to a day.',
        'Services are EUC when their name contains "WorkSpaces" or "AppStream" (WorkSpaces Thin Client hardware excluded). Without regions the answer is account-wide; several accounts are each filtered to their own spend (LINKED_ACCOUNT) so none is counted twice.',
        ...(workspacesBreakdown.length > 0 ? [SPLIT_NOTE] : []),
      ],
    };
  },
});
