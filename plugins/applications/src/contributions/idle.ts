import type { Fleet } from '@aws-sdk/client-appstream';
import {
  type IdleContributor,
  type IdleResource,
  SERVICE_LABELS,
  wholeDaysWindow,
} from '@workspaces-euc-mcp/host';
import { listAppBlockBuilders, listFleets, listImageBuilders } from '../aws/appstream.js';
import { fleetSeries } from '../aws/metrics.js';
import { sessionModelOf } from '../fleets/capacity.js';
import { judgeUsage, lookbackDays, type UsageVerdict } from '../fleets/usage.js';
import { builderReason, runningBuilders } from '../images/builders.js';

/**
 * An ALWAYS_ON fleet bills every running instance-hour whether anyone streams or not; ON_DEMAND
 * and Elastic fleets bill (almost) only while streaming, and a stopped fleet not at all. So only
 * RUNNING ALWAYS_ON fleets with running instances can waste money while idle.
 */
function billsWhileIdle(fleet: Fleet): boolean {
  return (
    fleet.FleetType === 'ALWAYS_ON' &&
    fleet.State === 'RUNNING' &&
    (fleet.ComputeCapacityStatus?.Running ?? 0) > 0
  );
}

/** Multi-session fleets count use in user sessions; the others in instances in use. */
function usageMetric(fleet: Fleet): string {
  return sessionModelOf(fleet) === 'multi' ? 'ActiveUserSessionCapacity' : 'InUseCapacity';
}

function fleetReason(
  fleet: Fleet,
  verdict: Extract<UsageVerdict, { kind: 'idle' }>,
  lookback: number,
): string {
  const running = `${fleet.ComputeCapacityStatus?.Running ?? 0} ${fleet.InstanceType ?? ''} instances running`;
  const metric = usageMetric(fleet);
  const since =
    verdict.idleDays === null
      ? `no session since it was created (${metric} 0 every day of the ${lookback} days read)`
      : verdict.atLeast
        ? `no session in the ${lookback} days read (${metric} 0 every day)`
        : `no session for ${verdict.idleDays} days (${metric} daily maximum 0 since)`;
  return (
    `ALWAYS_ON fleet with ${running} and ${since}. ALWAYS_ON instances bill every running hour whether or ` +
    'not anyone streams: stop the fleet, lower its desired capacity, or make it ON_DEMAND. No cost estimate: ' +
    'pricing reads are tier 1; get_euc_service_prices prices the instance type.'
  );
}

/**
 * Idle ALWAYS_ON fleets: no instance (or user session) in use for `idleDays`, from the daily
 * maximum of InUseCapacity (ActiveUserSessionCapacity for multi-session fleets), all fleets of a
 * scope in one batched GetMetricData. Fleets created inside the window are too new to judge.
 */
export const idleFleets: IdleContributor = {
  id: 'applications.idle-fleets',
  service: SERVICE_LABELS.applications,
  iam: ['appstream:DescribeFleets', 'cloudwatch:GetMetricData'],
  async collect(ctx, scope, options) {
    const now = ctx.now();
    const candidates = (await listFleets(ctx, scope)).filter(billsWhileIdle);
    const lookback = lookbackDays(options.idleDays);
    const series = await fleetSeries(
      ctx,
      scope,
      candidates.map((f) => ({ fleetName: f.Name ?? '', metricName: usageMetric(f), stat: 'Maximum' })),
      wholeDaysWindow(now, lookback),
    );
    const idle: IdleResource[] = [];
    for (const fleet of candidates) {
      const usage = series.get(fleet.Name ?? '') ?? { timestamps: [], values: [] };
      const verdict = judgeUsage({
        usage,
        now,
        createdAt: fleet.CreatedTime,
        idleDays: options.idleDays,
        lookbackDays: lookback,
      });
      if (verdict.kind !== 'idle') continue;
      idle.push({
        id: fleet.Name ?? '',
        resourceType: 'Fleet',
        reason: fleetReason(fleet, verdict, lookback),
        idleDays: verdict.idleDays,
      });
    }
    return idle;
  },
};

/**
 * Image builders and app block builders left RUNNING (AS2CO's point: running builders cost
 * money). idleDays is null: the API has no usage signal for builders, so "never used" cannot be
 * told from "in use now"; the reason says so.
 */
export const runningBuildersIdle: IdleContributor = {
  id: 'applications.running-builders',
  service: SERVICE_LABELS.applications,
  iam: ['appstream:DescribeImageBuilders', 'appstream:DescribeAppBlockBuilders'],
  async collect(ctx, scope) {
    const [imageBuilders, appBlockBuilders] = await Promise.all([
      listImageBuilders(ctx, scope),
      listAppBlockBuilders(ctx, scope),
    ]);
    return runningBuilders(imageBuilders, appBlockBuilders, ctx.now()).map((builder) => ({
      id: builder.name,
      resourceType: builder.kind,
      reason: builderReason(builder),
      idleDays: null,
      // AppStream records no builder start or use: only its age is known (the reason says so).
      usageSignal: 'none' as const,
    }));
  },
};

/** Every idle contributor of this plugin. */
export const applicationsIdle = [idleFleets, runningBuildersIdle] as const;
