/**
 * DescribeAlarms reads, memoised per scope for the whole client call, so the alarm tool, the
 * posture audit and the health report read the alarms of a region once.
 */
import type { CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { type Scope, scopeKey, type ToolContext } from '@workspaces-euc-mcp/host';
import { cloudWatchSdk } from '../sdk.js';
import { eucServiceOf } from './alarms.js';

/** DescribeAlarms returns at most 100 alarms a page (MaxRecords 1-100). */
const ALARMS_PER_PAGE = 100;

export interface ScopeAlarms {
  readonly metric: MetricAlarm[];
  readonly composite: CompositeAlarm[];
}

/** Every metric and composite alarm in ALARM in the scope (composites are only returned when asked for). */
export function alarmsInAlarm(ctx: ToolContext, scope: Scope): Promise<ScopeAlarms> {
  return ctx.memo(`audit:alarms-in-alarm:${scopeKey(ctx.aws, scope)}`, async () => {
    const { CloudWatchClient, paginateDescribeAlarms } = await cloudWatchSdk();
    const client = ctx.aws.client(CloudWatchClient, scope);
    const result: ScopeAlarms = { metric: [], composite: [] };
    for await (const page of paginateDescribeAlarms(
      { client, pageSize: ALARMS_PER_PAGE },
      { StateValue: 'ALARM', AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] },
    )) {
      ctx.signal.throwIfAborted();
      result.metric.push(...(page.MetricAlarms ?? []));
      result.composite.push(...(page.CompositeAlarms ?? []));
    }
    return result;
  });
}

/**
 * Whether any metric alarm in the scope watches an EUC namespace. A firing one answers at once
 * (from the shared ALARM read); otherwise every alarm is paged until one is found.
 */
export function anyEucAlarm(ctx: ToolContext, scope: Scope): Promise<boolean> {
  return ctx.memo(`audit:any-euc-alarm:${scopeKey(ctx.aws, scope)}`, async () => {
    const firing = await alarmsInAlarm(ctx, scope);
    if (firing.metric.some((a) => eucServiceOf(a) !== undefined)) return true;
    const { CloudWatchClient, paginateDescribeAlarms } = await cloudWatchSdk();
    const client = ctx.aws.client(CloudWatchClient, scope);
    for await (const page of paginateDescribeAlarms({ client, pageSize: ALARMS_PER_PAGE }, {})) {
      ctx.signal.throwIfAborted();
      if ((page.MetricAlarms ?? []).some((a) => eucServiceOf(a) !== undefined)) return true;
    }
    return false;
  });
}
