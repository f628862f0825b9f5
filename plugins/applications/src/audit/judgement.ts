/**
 * The judgement behind the findings: plain data in (what the appstream API and CloudWatch
 * returned), findings out. The contributors in `contributions/` only fetch and call these.
 */
import type {
  Fleet,
  Image,
  Stack,
  UsageReportSubscription,
  User,
  UserStackAssociation,
} from '@aws-sdk/client-appstream';
import type { Finding, MetricSeries } from '@workspaces-euc-mcp/host';
import { capacityVerdict, describeCapacity } from '../fleets/capacity.js';
import { describeFleetError } from '../fleets/error-advice.js';
import type { FailedScaling } from '../fleets/scaling.js';
import { imageStaleness } from '../images/staleness.js';
import { exfiltrationExposure } from '../stacks/exfiltration.js';
import { finding } from './checks.js';

const HOUR_MS = 3_600_000;
/** "Recently" for refusals and failed scale-outs: the last week, long enough to span a work week. */
export const RECENT_DAYS = 7;

/** Fleet errors, capacity, and default internet access, from DescribeFleets alone. */
export function fleetFindings(fleets: readonly Fleet[]): Finding[] {
  const found: Finding[] = [];
  for (const fleet of fleets) {
    const name = fleet.Name ?? '';
    // Users are affected now only while the fleet runs; a stopped fleet's error blocks its next start.
    const live = fleet.State === 'RUNNING' || fleet.State === 'STARTING';
    for (const error of fleet.FleetErrors ?? []) {
      const code = error.ErrorCode ?? 'UNKNOWN';
      const severity = code === 'FLEET_STOPPED' ? 'info' : live ? 'critical' : 'warning';
      found.push(
        finding(
          'applications.fleet-error',
          name,
          'Fleet',
          `${fleet.State ?? 'UNKNOWN'} fleet: ${describeFleetError(code, error.ErrorMessage)}`,
          severity,
        ),
      );
    }
    const verdict = capacityVerdict(fleet);
    if (verdict.kind === 'exhausted')
      found.push(finding('applications.capacity-exhausted', name, 'Fleet', describeCapacity(verdict.view)));
    if (verdict.kind === 'below-desired')
      found.push(finding('applications.below-desired', name, 'Fleet', describeCapacity(verdict.view)));
    if (fleet.EnableDefaultInternetAccess)
      found.push(
        finding(
          'applications.default-internet-access',
          name,
          'Fleet',
          `${fleet.FleetType ?? 'UNKNOWN'} fleet in subnets ${(fleet.VpcConfig?.SubnetIds ?? []).join(', ') || 'unknown'}`,
        ),
      );
  }
  return found;
}

/** Refused session requests of one fleet from an hourly Sum series. */
export interface Refusals {
  readonly total: number;
  readonly lastDay: number;
  readonly hours: number;
}

export function refusalsOf(series: MetricSeries | undefined, now: Date): Refusals {
  let total = 0;
  let lastDay = 0;
  let hours = 0;
  series?.timestamps.forEach((t, i) => {
    const value = series.values[i] ?? 0;
    if (value <= 0) return;
    total += value;
    hours += 1;
    if (t.getTime() >= now.getTime() - 24 * HOUR_MS) lastDay += value;
  });
  return { total, lastDay, hours };
}

/** InsufficientCapacityError refusals and failed scale-outs in the recent window. */
export function capacitySignalFindings(
  refusals: ReadonlyMap<string, Refusals>,
  failedScaling: readonly FailedScaling[],
): Finding[] {
  const found: Finding[] = [];
  for (const [name, r] of [...refusals.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (r.total <= 0) continue;
    found.push(
      finding(
        'applications.insufficient-capacity-errors',
        name,
        'Fleet',
        `${r.total} session requests refused in ${RECENT_DAYS} days, in ${r.hours} hours (${r.lastDay} in the last 24 h).`,
        r.lastDay > 0 ? 'critical' : 'warning',
      ),
    );
  }
  for (const failed of failedScaling)
    found.push(
      finding(
        'applications.failed-scaling',
        failed.fleetName,
        'Fleet',
        `${failed.failures} failed scaling activities in ${RECENT_DAYS} days; latest ${failed.latest.toISOString()}: ${failed.reason}`,
      ),
    );
  return found;
}

/** Outward data channels and stack errors. */
export function stackFindings(stacks: readonly Stack[]): Finding[] {
  const found: Finding[] = [];
  for (const stack of stacks) {
    const name = stack.Name ?? '';
    const exposure = exfiltrationExposure(stack);
    if (exposure.severity)
      found.push(
        finding('applications.stack-exfiltration', name, 'Stack', exposure.detail, exposure.severity),
      );
    for (const error of stack.StackErrors ?? [])
      found.push(
        finding(
          'applications.stack-error',
          name,
          'Stack',
          `${error.ErrorCode ?? 'UNKNOWN'}${error.ErrorMessage ? `: ${error.ErrorMessage}` : ''}`,
        ),
      );
  }
  return found;
}

/**
 * User-pool entitlements that cannot work. AppStream returns UserStackAssociationError only in
 * the answer to BatchAssociateUserStack and keeps no record of it, so the readable equivalent is
 * checked: an entitlement to a user no longer in the pool (warning) or disabled (info).
 */
export function entitlementFindings(
  users: readonly User[],
  entitlements: readonly UserStackAssociation[],
): Finding[] {
  const byName = new Map(users.map((u) => [u.UserName ?? '', u]));
  const found: Finding[] = [];
  for (const e of entitlements) {
    if (e.AuthenticationType !== 'USERPOOL') continue;
    const user = byName.get(e.UserName ?? '');
    const id = `${e.StackName ?? ''}/${e.UserName ?? ''}`;
    if (!user)
      found.push(
        finding(
          'applications.entitlement-broken',
          id,
          'User-stack association',
          `Stack ${e.StackName}: user ${e.UserName} is not in the user pool (USER_NAME_NOT_FOUND).`,
        ),
      );
    else if (user.Enabled === false)
      found.push(
        finding(
          'applications.entitlement-broken',
          id,
          'User-stack association',
          `Stack ${e.StackName}: user ${e.UserName} is disabled.`,
          'info',
        ),
      );
  }
  return found;
}

/** Old images and old agents; warning when a fleet streams the image, info otherwise. */
export function imageFindings(images: readonly Image[], fleets: readonly Fleet[], now: Date): Finding[] {
  const inUse = new Set(fleets.flatMap((f) => [f.ImageName, f.ImageArn]).filter((v) => v !== undefined));
  const found: Finding[] = [];
  for (const image of images) {
    const name = image.Name ?? '';
    const used = inUse.has(name) || (image.Arn !== undefined && inUse.has(image.Arn));
    const severity = used ? undefined : 'info';
    const usage = used ? 'Streamed by a fleet.' : 'No fleet streams it.';
    const stale = imageStaleness(image, now);
    if (stale.ageDays !== undefined)
      found.push(
        finding(
          'applications.image-old',
          name,
          'Image',
          `Created ${stale.ageDays} days ago. ${usage}`,
          severity,
        ),
      );
    if (stale.oldAgent !== undefined)
      found.push(
        finding(
          'applications.image-old-agent',
          name,
          'Image',
          `Agent ${stale.oldAgent} is not the latest. ${usage}`,
          severity,
        ),
      );
  }
  return found;
}

/** Usage-report subscription errors, or "not enabled" for the region. */
export function usageReportFindings(
  subscriptions: readonly UsageReportSubscription[],
  region: string,
): Finding[] {
  if (subscriptions.length === 0)
    return [
      finding(
        'applications.usage-reports-off',
        region,
        'Region',
        `No usage-report subscription in ${region}.`,
      ),
    ];
  return subscriptions.flatMap((s) =>
    (s.SubscriptionErrors ?? []).map((error) =>
      finding(
        'applications.usage-report-errors',
        s.S3BucketName ?? region,
        'Usage report subscription',
        `${error.ErrorCode ?? 'UNKNOWN'}: ${error.ErrorMessage ?? ''}${
          s.LastGeneratedReportDate
            ? ` Last report: ${s.LastGeneratedReportDate.toISOString().slice(0, 10)}.`
            : ''
        }`,
      ),
    ),
  );
}
