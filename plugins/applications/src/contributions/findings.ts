import { type FindingsContributor, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import { checksOf } from '../audit/checks.js';
import {
  capacitySignalFindings,
  entitlementFindings,
  fleetFindings,
  imageFindings,
  RECENT_DAYS,
  type Refusals,
  refusalsOf,
  stackFindings,
  usageReportFindings,
} from '../audit/judgement.js';
import {
  listFleets,
  listPrivateImages,
  listScalingActivitiesSince,
  listStackEntitlements,
  listStacks,
  listUsageReportSubscriptions,
  listUserPoolUsers,
} from '../aws/appstream.js';
import { fleetSeries } from '../aws/metrics.js';
import { failedScalingSince } from '../fleets/scaling.js';
import { DAY_MS } from '../fleets/usage.js';

/*
 * Five contributors rather than one, so a denied or failing read (CloudWatch, the user pool,
 * Application Auto Scaling) costs only the checks that need it and is reported on its own.
 */

const HOUR_MS = 3_600_000;

/** Fleet errors (cause → fix), capacity exhausted or short, default internet access. */
export const fleetFindingsContributor: FindingsContributor = {
  id: 'applications.fleet-health',
  service: SERVICE_LABELS.applications,
  iam: ['appstream:DescribeFleets'],
  checks: checksOf([
    'applications.fleet-error',
    'applications.capacity-exhausted',
    'applications.below-desired',
    'applications.default-internet-access',
  ]),
  async collect(ctx, scope) {
    return fleetFindings(await listFleets(ctx, scope));
  },
};

/**
 * Refused sessions (InsufficientCapacityError, hourly Sum over the last week, every fleet in the
 * fewest GetMetricData requests) and failed scale-outs (one namespace-wide, paginated
 * DescribeScalingActivities scan, filtered to the same week and stopped once past it).
 */
export const capacitySignalsContributor: FindingsContributor = {
  id: 'applications.capacity-signals',
  service: SERVICE_LABELS.applications,
  iam: [
    'appstream:DescribeFleets',
    'cloudwatch:GetMetricData',
    'application-autoscaling:DescribeScalingActivities',
  ],
  checks: checksOf(['applications.insufficient-capacity-errors', 'applications.failed-scaling']),
  async collect(ctx, scope) {
    const now = ctx.now();
    const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
    const fleets = await listFleets(ctx, scope);
    const window = {
      start: new Date(Math.floor(since.getTime() / HOUR_MS) * HOUR_MS),
      end: now,
      periodSeconds: 3600,
    };
    const [series, activities] = await Promise.all([
      fleetSeries(
        ctx,
        scope,
        fleets.map((f) => ({
          fleetName: f.Name ?? '',
          metricName: 'InsufficientCapacityError',
          stat: 'Sum',
        })),
        window,
      ),
      listScalingActivitiesSince(ctx, scope, since),
    ]);
    const refusals = new Map<string, Refusals>(
      fleets.map((f) => [f.Name ?? '', refusalsOf(series.get(f.Name ?? ''), now)]),
    );
    const known = new Set(fleets.map((f) => f.Name));
    const failed = failedScalingSince(activities, since).filter((f) => known.has(f.fleetName));
    return capacitySignalFindings(refusals, failed);
  },
};

/** Outward data channels and errors of stacks, and user-pool entitlements that cannot work. */
export const stackFindingsContributor: FindingsContributor = {
  id: 'applications.stacks',
  service: SERVICE_LABELS.applications,
  iam: ['appstream:DescribeStacks', 'appstream:DescribeUsers', 'appstream:DescribeUserStackAssociations'],
  checks: checksOf([
    'applications.stack-exfiltration',
    'applications.stack-error',
    'applications.entitlement-broken',
  ]),
  async collect(ctx, scope) {
    const stacks = await listStacks(ctx, scope);
    const names = stacks.flatMap((s) => (s.Name ? [s.Name] : []));
    const [users, entitlements] = await Promise.all([
      listUserPoolUsers(ctx, scope),
      listStackEntitlements(ctx, scope, names),
    ]);
    return [...stackFindings(stacks), ...entitlementFindings(users, entitlements)];
  },
};

/** The account's own images: over a year old, or on an old agent. */
export const imageFindingsContributor: FindingsContributor = {
  id: 'applications.images',
  service: SERVICE_LABELS.applications,
  iam: ['appstream:DescribeImages', 'appstream:DescribeFleets'],
  checks: checksOf(['applications.image-old', 'applications.image-old-agent']),
  async collect(ctx, scope) {
    const [images, fleets] = await Promise.all([listPrivateImages(ctx, scope), listFleets(ctx, scope)]);
    return imageFindings(images, fleets, ctx.now());
  },
};

/**
 * Usage-report subscription errors, and regions where usage reports are off. "Off" is only said
 * of a region that has fleets: a region without AppStream needs no reports.
 */
export const usageReportFindingsContributor: FindingsContributor = {
  id: 'applications.usage-reports',
  service: SERVICE_LABELS.applications,
  iam: ['appstream:DescribeUsageReportSubscriptions', 'appstream:DescribeFleets'],
  checks: checksOf(['applications.usage-report-errors', 'applications.usage-reports-off']),
  async collect(ctx, scope) {
    const [subscriptions, fleets] = await Promise.all([
      listUsageReportSubscriptions(ctx, scope),
      listFleets(ctx, scope),
    ]);
    if (subscriptions.length === 0 && fleets.length === 0) return [];
    return usageReportFindings(subscriptions, scope.region);
  },
};

/** Every findings contributor of this plugin. */
export const applicationsFindings = [
  fleetFindingsContributor,
  capacitySignalsContributor,
  stackFindingsContributor,
  imageFindingsContributor,
  usageReportFindingsContributor,
] as const;
