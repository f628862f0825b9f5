import { defineTool, ErrorEntry, errorEntry, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { usd } from '../shared/numbers.js';
import {
  COST_METRIC,
  costExplorerScope,
  getCostAndUsage,
  type RequestCounter,
} from '../spend/cost-explorer.js';
import { DateInput, resolveWindow } from '../spend/cost-window.js';
import { currencyOf, periodSeries, rankedAmounts, totalsByGroup } from '../spend/spend.js';
import { eucProductOf, isEucService, SPLIT_NOTE, workspacesCategoryOf } from '../spend/usage-types.js';

const Input = Type.Object(
  {
    lookbackDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 365,
        default: 30,
        description: 'Days up to and including today; ignored when startDate and endDate are given.',
      }),
    ),
    startDate: DateInput('First day (YYYY-MM-DD, inclusive); give with endDate, e.g. a calendar month.'),
    endDate: DateInput('Day after the last (YYYY-MM-DD, exclusive): March is 2025-03-01 to 2025-04-01.'),
    granularity: Type.Optional(
      Type.Union([Type.Literal('MONTHLY'), Type.Literal('DAILY')], {
        default: 'MONTHLY',
        description: 'Buckets of the byPeriod series.',
      }),
    ),
    splitWorkspaces: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          'Split the "Amazon WorkSpaces" line into Personal / Pools / Core (one more Cost Explorer request).',
      }),
    ),
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
  errors: Type.Array(ErrorEntry),
  notes: Type.Array(Type.String()),
});

/** get_euc_cost_summary: actual EUC spend by service, the WorkSpaces line split by usage type. */
export const getEucCostSummary = defineTool({
  name: 'get_euc_cost_summary',
  title: 'EUC spend summary (Cost Explorer)',
  description:
    'Actual EUC spend (Cost Explorer UnblendedCost) for a window: every WorkSpaces-family and AppStream/WorkSpaces Applications service line, found by keyword so renamed services are not missed, the "Amazon WorkSpaces" line split into Personal / Pools / Core by usage type, and a by-period series (MONTHLY or DAILY). Account-wide (a payer account sees its linked accounts). Use it for "what did we spend"; use compare_euc_costs for "why did it change" and get_euc_cost_forecast for the month ahead. Cost: 1 Cost Explorer request, +1 for the split (each billed $0.01, plus extra pages); the same request is reused for 15 minutes.',
  tier: 1,
  iam: ['ce:GetCostAndUsage'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const window = resolveWindow(input, ctx.now(), 30);
    const granularity = input.granularity ?? 'MONTHLY';
    const counter: RequestCounter = { requests: 0 };
    const errors: ErrorEntry[] = [];
    const byServiceResults = await getCostAndUsage(
      ctx,
      {
        TimePeriod: { Start: window.start, End: window.end },
        Granularity: granularity,
        Metrics: [COST_METRIC],
        GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
      },
      counter,
    );
    const serviceTotals = totalsByGroup(byServiceResults, (keys) => isEucService(keys[0] ?? ''));
    const byService = rankedAmounts(serviceTotals).map(({ key, amount }) => ({
      service: key,
      product: eucProductOf(key) ?? key,
      amount,
    }));
    const total = usd([...serviceTotals.values()].reduce((sum, amount) => sum + amount, 0));
    const workspacesLines = byService
      .filter((row) => row.product === 'WorkSpaces (Personal/Pools/Core)')
      .map((row) => row.service);

    let workspacesBreakdown: { category: string; amount: number }[] = [];
    if ((input.splitWorkspaces ?? true) && workspacesLines.length > 0) {
      try {
        const byUsageType = await getCostAndUsage(
          ctx,
          {
            TimePeriod: { Start: window.start, End: window.end },
            Granularity: 'MONTHLY',
            Metrics: [COST_METRIC],
            Filter: { Dimensions: { Key: 'SERVICE', Values: workspacesLines } },
            GroupBy: [{ Type: 'DIMENSION', Key: 'USAGE_TYPE' }],
          },
          counter,
        );
        const categories = new Map<string, number>();
        for (const [usageType, amount] of totalsByGroup(byUsageType)) {
          const category = workspacesCategoryOf(usageType);
          categories.set(category, (categories.get(category) ?? 0) + amount);
        }
        workspacesBreakdown = rankedAmounts(categories).map(({ key, amount }) => ({ category: key, amount }));
      } catch (error) {
        errors.push(
          errorEntry(
            SERVICE_LABELS.costExplorer,
            costExplorerScope(ctx),
            error,
            'WorkSpaces usage-type split: ',
          ),
        );
      }
    }

    const currency = currencyOf(byServiceResults);
    const top = byService
      .slice(0, 3)
      .map((row) => `${row.service} ${row.amount.toFixed(2)}`)
      .join(', ');
    const split = workspacesBreakdown.map((row) => `${row.category} ${row.amount.toFixed(2)}`).join(', ');
    const summary =
      `EUC spend ${window.start} to ${window.end} (end exclusive): ${total.toFixed(2)} ${currency}` +
      (top ? ` (${top})` : ' (no EUC spend found)') +
      (split ? `; WorkSpaces split: ${split}` : '') +
      `. ${counter.requests} Cost Explorer request(s).` +
      (errors.length > 0 ? ' Partial: see errors.' : '');
    return {
      summary,
      scope: 'account-wide (every linked account when run in the payer account)',
      start: window.start,
      end: window.end,
      granularity,
      currency,
      total,
      byService,
      workspacesBreakdown,
      byPeriod: periodSeries(byServiceResults, isEucService),
      costExplorerRequests: counter.requests,
      errors,
      notes: [
        'UnblendedCost of every record type: credits and refunds are included as negative amounts (Cost Explorer’s default); discounts from savings plans are not. Today’s spend is partial and Cost Explorer lags by up to a day.',
        'Services are EUC when their name contains "WorkSpaces" or "AppStream" (WorkSpaces Thin Client hardware excluded).',
        ...(workspacesBreakdown.length > 0 ? [SPLIT_NOTE] : []),
      ],
    };
  },
});
