/**
 * CloudTrail LookupEvents sweeps. LookupEvents takes at most one lookup attribute, 50 events a
 * page, newest first, 90 days back, at 2 requests per second per account and Region. A sweep
 * pages until the window is covered or its request budget is spent, and says which: the oldest
 * event it reached is how far back the answer is complete.
 */
import type { Event, LookupAttributeKey } from '@aws-sdk/client-cloudtrail';
import type { RateLimiter, Scope, ToolContext } from '@workspaces-euc-mcp/host';
import { cloudTrailSdk } from '../sdk.js';

/** LookupEvents returns at most 50 events a request (API reference). */
export const EVENTS_PER_PAGE = 50;

/**
 * The LookupEvents pace: "The rate of lookup requests is limited to two per second, per account,
 * per Region. If this limit is exceeded, a throttling error occurs." (LookupEvents API reference).
 * Adaptive retries would recover, but every throttle wastes a request and delays a sweep, so
 * requests are spaced 500 ms apart instead. The limit holds for the account, not for one call, so
 * this is the host's named limiter: every tool call of the process, concurrent ones included,
 * shares it.
 */
function lookupEventsLimiter(ctx: ToolContext): RateLimiter {
  return ctx.rateLimit('cloudtrail:LookupEvents', { intervalMs: 500 });
}

/** One lookup: an optional single attribute filter. */
export interface Sweep {
  readonly attribute?: { readonly key: LookupAttributeKey; readonly value: string };
}

/** What one scope's sweeps read, and how much of the window that covers. */
export interface SweepResult {
  readonly events: Event[];
  readonly requests: number;
  /** Every sweep reached the start of the window. */
  readonly complete: boolean;
  /** The answer is complete from here to the window's end (the window start when complete). */
  readonly coveredFrom: Date;
}

/**
 * Runs `sweeps` one after the other in one scope within `budget` requests, each request paced.
 * De-duplicates events found by more than one sweep. Throws the first AWS error.
 */
export async function sweepTrail(
  ctx: ToolContext,
  scope: Scope,
  window: { readonly start: Date; readonly end: Date },
  sweeps: readonly Sweep[],
  budget: number,
): Promise<SweepResult> {
  const { CloudTrailClient, LookupEventsCommand } = await cloudTrailSdk();
  const client = ctx.aws.client(CloudTrailClient, scope);
  const limiter = lookupEventsLimiter(ctx);
  const events = new Map<string, Event>();
  let requests = 0;
  let complete = true;
  let coveredFrom = window.start.getTime();
  for (const sweep of sweeps) {
    let nextToken: string | undefined;
    let oldest = window.end.getTime();
    let finished = false;
    while (requests < budget) {
      await limiter.acquire(scope, ctx.signal);
      const page = await client.send(
        new LookupEventsCommand({
          StartTime: window.start,
          EndTime: window.end,
          MaxResults: EVENTS_PER_PAGE,
          ...(sweep.attribute
            ? {
                LookupAttributes: [
                  { AttributeKey: sweep.attribute.key, AttributeValue: sweep.attribute.value },
                ],
              }
            : {}),
          NextToken: nextToken,
        }),
        { abortSignal: ctx.signal },
      );
      requests += 1;
      for (const event of page.Events ?? []) {
        events.set(event.EventId ?? `${events.size}`, event);
        oldest = Math.min(oldest, event.EventTime?.getTime() ?? oldest);
      }
      nextToken = page.NextToken;
      if (!nextToken) {
        finished = true;
        break;
      }
    }
    if (!finished) {
      complete = false;
      // Events are newest first: everything after the oldest one read is complete.
      coveredFrom = Math.max(coveredFrom, oldest);
    }
  }
  return { events: [...events.values()], requests, complete, coveredFrom: new Date(coveredFrom) };
}
