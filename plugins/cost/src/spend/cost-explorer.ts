import type {
  CostExplorerClient,
  ForecastResult,
  GetCostAndUsageCommandInput,
  GetCostForecastCommandInput,
  ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { regionScope, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';
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
 * Where Cost Explorer answers for the target: its global endpoint, in the target's account. Its
 * answers are cached under this scope, so two accounts never share a bill.
 */
export function costExplorerScope(ctx: ToolContext): Scope {
  return regionScope(ctx.aws, COST_EXPLORER_REGION);
}

/** Reads one Cost Explorer answer through the host's cache: 15 minutes per request and account. */
async function cached<T>(
  ctx: ToolContext,
  key: string,
  fetch: (client: CostExplorerClient) => Promise<T>,
): Promise<T> {
  const scope = costExplorerScope(ctx);
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
  request: Omit<GetCostAndUsageCommandInput, 'NextPageToken'>,
  counter: RequestCounter,
): Promise<ResultByTime[]> {
  return cached(ctx, `GetCostAndUsage:${JSON.stringify(request)}`, async (client) => {
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
  request: GetCostForecastCommandInput,
  counter: RequestCounter,
): Promise<Forecast> {
  return cached(ctx, `GetCostForecast:${JSON.stringify(request)}`, async (client): Promise<Forecast> => {
    const { GetCostForecastCommand } = await costExplorerSdk();
    counter.requests += 1;
    const answer = await client.send(new GetCostForecastCommand(request), { abortSignal: ctx.signal });
    const total = Number(answer.Total?.Amount);
    return { ...(Number.isFinite(total) ? { total } : {}), byTime: answer.ForecastResultsByTime ?? [] };
  });
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
