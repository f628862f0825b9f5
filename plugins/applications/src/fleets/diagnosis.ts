/**
 * The judgement of diagnose_application_fleet: state, every fleet error with its cause and fix,
 * capacity (in user sessions for multi-session fleets), failed scaling and refused sessions, as
 * findings with a severity; the worst severity is the fleet's status.
 */
import type { ScalingActivity } from '@aws-sdk/client-application-auto-scaling';
import type { Fleet } from '@aws-sdk/client-appstream';
import type { Severity } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { capacityVerdict, describeCapacity } from './capacity.js';
import { fleetErrorAdvice } from './error-advice.js';
import { failedScalingSince } from './scaling.js';

export const FleetFinding = Type.Object({
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]),
  title: Type.String(),
  detail: Type.Optional(Type.String()),
  fix: Type.Optional(Type.String()),
});
export type FleetFinding = Static<typeof FleetFinding>;

/** What the scaling activities say, over the window and over the six weeks AWS keeps. */
export interface ScalingSummary {
  readonly activities: number;
  readonly failedInWindow: number;
  readonly failedSixWeeks: number;
  readonly latestFailure?: { readonly at: string; readonly reason: string };
}

export function summarizeScaling(activities: readonly ScalingActivity[], since: Date): ScalingSummary {
  const sixWeeks = failedScalingSince(activities, new Date(0));
  const inWindow = failedScalingSince(activities, since);
  const [latest] = sixWeeks;
  return {
    activities: activities.length,
    failedInWindow: inWindow.reduce((sum, f) => sum + f.failures, 0),
    failedSixWeeks: sixWeeks.reduce((sum, f) => sum + f.failures, 0),
    ...(latest ? { latestFailure: { at: latest.latest.toISOString(), reason: latest.reason } } : {}),
  };
}

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

/** healthy / degraded / unhealthy from the worst finding. */
export function statusOf(findings: readonly FleetFinding[]): 'healthy' | 'degraded' | 'unhealthy' {
  const worst = Math.max(0, ...findings.map((f) => RANK[f.severity]));
  return worst === 2 ? 'unhealthy' : worst === 1 ? 'degraded' : 'healthy';
}

function stateFinding(fleet: Fleet): FleetFinding | undefined {
  switch (fleet.State) {
    case 'STOPPED':
      return {
        severity: 'warning',
        title: 'Fleet is STOPPED: nobody can stream from it',
        fix: 'Start it (start_application_fleet) if users need it.',
      };
    case 'STARTING':
    case 'STOPPING':
      return {
        severity: 'info',
        title: `Fleet is ${fleet.State}`,
        detail: 'A transition takes minutes; writes to the fleet are refused until it ends.',
      };
    case 'RUNNING':
    case undefined:
      return undefined;
  }
}

/** Every finding for the fleet; `insufficient` is the InsufficientCapacityError sum (null: unread). */
export function diagnoseFleet(input: {
  readonly fleet: Fleet;
  readonly scaling: ScalingSummary | undefined;
  readonly insufficient: number | null;
  readonly lookbackHours: number;
}): FleetFinding[] {
  const { fleet, scaling, insufficient, lookbackHours } = input;
  const findings: FleetFinding[] = [];
  const state = stateFinding(fleet);
  if (state) findings.push(state);
  for (const error of fleet.FleetErrors ?? []) {
    const code = error.ErrorCode ?? 'UNKNOWN';
    const advice = fleetErrorAdvice(code);
    findings.push({
      severity: 'critical',
      title: `Fleet error ${code}`,
      detail: `${error.ErrorMessage ? `${error.ErrorMessage} ` : ''}Cause: ${advice.cause}${advice.source === 'inferred' ? ' (inferred from the code; AWS publishes no fix)' : ''}`,
      fix: advice.fix,
    });
  }
  const verdict = capacityVerdict(fleet);
  if (verdict.kind === 'exhausted')
    findings.push({
      severity: 'critical',
      title: 'Capacity exhausted: the next user gets "no streaming resources available"',
      detail: describeCapacity(verdict.view),
      fix: 'Raise desired capacity (update_application_fleet_capacity) or the scaling policy maximum; check the instance quota if scale-outs fail.',
    });
  else if (verdict.kind === 'below-desired')
    findings.push({
      severity: 'warning',
      title: `Below desired capacity (${verdict.view.actual} of ${verdict.view.desired} ${verdict.view.unit})`,
      detail: describeCapacity(verdict.view),
      fix: 'The fleet errors above usually say why (subnet IPs, quotas, role); fix them and the fleet fills up.',
    });
  if (scaling && scaling.failedInWindow > 0)
    findings.push({
      severity: 'warning',
      title: `${scaling.failedInWindow} scaling activit${scaling.failedInWindow === 1 ? 'y' : 'ies'} failed in the last ${lookbackHours} h`,
      ...(scaling.latestFailure ? { detail: `Latest: ${scaling.latestFailure.reason}` } : {}),
      fix: 'A quota named in the reason is per instance type, account and region, summed over every fleet of that type: request an increase in Service Quotas.',
    });
  else if (scaling && scaling.failedSixWeeks > 0)
    findings.push({
      severity: 'info',
      title: `${scaling.failedSixWeeks} scaling activities failed in the last six weeks, none in the window`,
      ...(scaling.latestFailure ? { detail: `Latest: ${scaling.latestFailure.reason}` } : {}),
    });
  if (insufficient !== null && insufficient > 0)
    findings.push({
      severity: 'critical',
      title: `${insufficient} session request(s) refused for lack of capacity in the last ${lookbackHours} h (InsufficientCapacityError)`,
      fix: 'Raise capacity for the peak, or lower the scaling policy target utilization so it scales out earlier.',
    });
  return findings.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
}
