import type {
  CostExplorerClient,
  Expression,
  ForecastResult,
  GetCostAndUsageCommandInput,
  GetCostForecastCommandInput,
  ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { type Scope, type ScopeSelection, selectScopes, type ToolContext } from '@workspaces-euc-mcp/host';
import { costExplorerSdk } from '../shared/sdk.js';

/** Cost Explorer is a global API served from us-east-1. */
const COST_EXPLORER_REGION = 'us-east-1';
/** The metric every cost tool reads: list-price charges, credits and refunds included as negative lines. */
export const COST_METRIC = 'UnblendedCost';
/** Cost Explorer refreshes a few times a day and bills $0.01 per request: keep answers 15 minutes. */
const CE_TTL_MS = 15 * 60_000;

/** Counts the Cost Explorer requests one tool call actually sent (cached answers cost nothing). */
export interface RequestCounter {
  requests: number;
}

/** A forecast answer. */
export interface Forecast {
  readonly total?: number;
  readonly byTime: readonly ForecastResult[];
}

/**
 * Where Cost Explorer answers for one account: its global endpoint, with that account's
 * credentials. Answers are cached under this scope, so two accounts never share a bill.
 */
export function costExplorerScope(account: string | undefined): Scope {
  return { region: COST_EXPLORER_REGION, ...(account ? { account } : {}) };
}

/** Which accounts' Cost Explorer to ask, and how to filter each request. */
export interface CostSelection {
  /** One Cost Explorer scope per selected account (Cost Explorer is global: never per region). */
  readonly scopes: readonly Scope[];
  /** The `regions` input: a REGION filter on every request; absent = account-wide. */
  readonly regions?: readonly string[];
  /** Several accounts are summed: each request is filtered to its own account (LINKED_ACCOUNT). */
  readonly multiAccount: boolean;
}

/**
 * The accounts the input selects (checked like every scope input). Without `regions` a request
 * covers the account's whole bill, global services included; with it, a REGION filter narrows
 * the same single request, so regions cost no extra billed call.
 */
export function selectCostScopes(ctx: ToolContext, selection: ScopeSelection): CostSelection {
  const accounts = new Map<string, Scope>();
  for (const scope of selectScopes(ctx.aws, selection))
    if (!accounts.has(scope.account ?? ''))
      accounts.set(scope.account ?? '', costExplorerScope(scope.account));
  // ["all"] regions is every region: no filter at all.
  const regions = selection.regions?.includes('all') ? undefined : selection.regions;
  return {
    scopes: [...accounts.values()],
    ...(regions ? { regions } : {}),
    multiAccount: accounts.size > 1,
  };
}

/**
 * The request's `Filter`: `base` narrowed to the selection: the REGION filter, and when several accounts are summed, the
 * account itself, because a payer account's answer includes its linked accounts and adding a
 * linked account's own answer to it would count that spend twice.
 */
export function costFilter(
  base: Expression | undefined,
  selection: CostSelection,
  scope: Scope,
): { Filter?: Expression } {
  const parts: Expression[] = [
    ...(base ? [base] : []),
    ...(selection.regions
      ? [{ Dimensions: { Key: 'REGION' as const, Values: [...selection.regions] } }]
      : []),
    ...(selection.multiAccount && scope.account
      ? [{ Dimensions: { Key: 'LINKED_ACCOUNT' as const, Values: [scope.account] } }]
      : []),
  ];
  // Cost Explorer refuses an empty expression, and And needs two or more.
  const [only] = parts;
  if (only === undefined) return {};
  return { Filter: parts.length === 1 ? only : { And: parts } };
}

/** Reads one Cost Explorer answer through the host's cache: 15 minutes per request and account. */
async function cached<T>(
  ctx: ToolContext,
  scope: Scope,
  key: string,
  fetch: (client: CostExplorerClient) => Promise<T>,
): Promise<T> {
  const { value } = await ctx.cache.get(key, { ttlMs: CE_TTL_MS, scope }, async () => {
    const { CostExplorerClient } = await costExplorerSdk();
    return fetch(ctx.aws.client(CostExplorerClient, scope));
  });
  return value;
}

/**
 * GetCostAndUsage with every page merged into one result per period. The same request is sent
 * once however many callers ask at the same time, and reused for 15 minutes.
 */
export async function getCostAndUsage(
  ctx: ToolContext,
  scope: Scope,
  request: Omit<GetCostAndUsageCommandInput, 'NextPageToken'>,
  counter: RequestCounter,
): Promise<ResultByTime[]> {
  return cached(ctx, scope, `GetCostAndUsage:${JSON.stringify(request)}`, async (client) => {
    const { GetCostAndUsageCommand } = await costExplorerSdk();
    const byStart = new Map<string, ResultByTime>();
    let token: string | undefined;
    do {
      counter.requests += 1;
      const page = await client.send(new GetCostAndUsageCommand({ ...request, NextPageToken: token }), {
        abortSignal: ctx.signal,
      });
      // Later pages continue the groups of the same periods.
      for (const result of page.ResultsByTime ?? []) {
        const start = result.TimePeriod?.Start ?? '';
        const existing = byStart.get(start);
        if (existing) existing.Groups = [...(existing.Groups ?? []), ...(result.Groups ?? [])];
        else byStart.set(start, { ...result, Groups: [...(result.Groups ?? [])] });
      }
      token = page.NextPageToken;
    } while (token);
    return [...byStart.values()].sort((a, b) =>
      (a.TimePeriod?.Start ?? '').localeCompare(b.TimePeriod?.Start ?? ''),
    );
  });
}

/** GetCostForecast, shared and cached like GetCostAndUsage. */
export async function getCostForecast(
  ctx: ToolContext,
  scope: Scope,
  request: GetCostForecastCommandInput,
  counter: RequestCounter,
): Promise<Forecast> {
  return cached(
    ctx,
    scope,
    `GetCostForecast:${JSON.stringify(request)}`,
    async (client): Promise<Forecast> => {
      const { GetCostForecastCommand } = await costExplorerSdk();
      counter.requests += 1;
      const answer = await client.send(new GetCostForecastCommand(request), { abortSignal: ctx.signal });
      const total = Number(answer.Total?.Amount);
      return { ...(Number.isFinite(total) ? { total } : {}), byTime: answer.ForecastResultsByTime ?? [] };
    },
  );
}

/** `YYYY-MM-DD` of a UTC instant. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` day moved by `days`. */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** Whole days from `start` to `end` (end exclusive). */
export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}
