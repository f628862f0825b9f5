/**
 * Reading CloudWatch alarms for EUC: which alarms watch an EUC namespace (directly, or through
 * the MetricStat of a metric-math alarm, or for a composite through its children), and which
 * alarms drive Application Auto Scaling — known from their actions, which name a scaling policy,
 * not from their names. Pure functions over DescribeAlarms output.
 */
import type { CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Scope } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { clip } from '../answer.js';

/** The EUC CloudWatch namespaces and the product each belongs to. */
export const EUC_NAMESPACES: Readonly<Record<string, string>> = {
  'AWS/WorkSpaces': 'WorkSpaces (Personal, Pools, Core)',
  'AWS/AppStream': 'WorkSpaces Applications',
  'AWS/WorkSpacesWeb': 'WorkSpaces Secure Browser',
};

/** The namespaces an alarm's metrics come from: its own, or every MetricStat of its math. */
export function namespacesOf(alarm: MetricAlarm): string[] {
  if (alarm.Namespace) return [alarm.Namespace];
  return [
    ...new Set(
      (alarm.Metrics ?? []).flatMap((m) =>
        m.MetricStat?.Metric?.Namespace ? [m.MetricStat.Metric.Namespace] : [],
      ),
    ),
  ];
}

/** The EUC product an alarm watches, or undefined. */
export function eucServiceOf(alarm: MetricAlarm): string | undefined {
  const namespace = namespacesOf(alarm).find((n) => n in EUC_NAMESPACES);
  return namespace ? EUC_NAMESPACES[namespace] : undefined;
}

/**
 * An Application Auto Scaling (or EC2 Auto Scaling) policy ARN in an alarm action:
 * `arn:aws:autoscaling:<region>:<account>:scalingPolicy:<id>:resource/appstream/fleet/<name>:policyName/<policy>`.
 */
const SCALING_POLICY_ARN =
  /^arn:aws[a-z-]*:autoscaling:[^:]*:\d{12}:scalingPolicy:[^:]+:(resource\/.+|autoScalingGroupName\/.+):policyName\/(.+)$/;

export interface ScalingAction {
  /** What the policy scales, e.g. `appstream/fleet/sales` or `autoScalingGroupName/web`. */
  readonly resource: string;
  readonly policyName: string;
}

/** The scaling policy an alarm acts on, or undefined: an alarm scales only if its actions say so. */
export function scalingActionOf(alarm: {
  readonly AlarmActions?: readonly string[];
}): ScalingAction | undefined {
  for (const action of alarm.AlarmActions ?? []) {
    const match = SCALING_POLICY_ARN.exec(action);
    if (match) return { resource: (match[1] ?? '').replace(/^resource\//, ''), policyName: match[2] ?? '' };
  }
  return undefined;
}

/** The alarm names a composite alarm's rule refers to, e.g. `ALARM("a") OR ALARM(b)`. */
export function ruleChildren(rule: string | undefined): string[] {
  return [...(rule ?? '').matchAll(/\b(?:ALARM|OK|INSUFFICIENT_DATA)\(\s*"?([^")]+?)"?\s*\)/g)].map(
    (m) => m[1] ?? '',
  );
}

/** AWS state reasons repeat the threshold and datapoints; the start says why it fired. */
const REASON_CHARS = 120;

export const AlarmRowSchema = Type.Object({
  account: Type.Optional(Type.String()),
  region: Type.String(),
  name: Type.String(),
  type: Type.Union([Type.Literal('metric'), Type.Literal('metric-math'), Type.Literal('composite')]),
  service: Type.String(),
  namespace: Type.Optional(Type.String()),
  metricName: Type.Optional(Type.String()),
  dimensions: Type.Record(Type.String(), Type.String()),
  expression: Type.Optional(Type.String({ description: 'The metric-math expression an alarm evaluates.' })),
  children: Type.Optional(Type.Array(Type.String(), { description: 'Alarms a composite alarm combines.' })),
  stateReason: Type.Optional(Type.String()),
  stateSince: Type.Optional(Type.String()),
  actionsEnabled: Type.Boolean(),
  autoscaling: Type.Boolean({
    description: 'Its action is a scaling policy: ALARM is how scaling works, not an incident.',
  }),
  scalingPolicy: Type.Optional(Type.Object({ resource: Type.String(), policyName: Type.String() })),
});
export type AlarmRow = Static<typeof AlarmRowSchema>;

function metricRow(alarm: MetricAlarm, service: string, scope: Scope): AlarmRow {
  const math = !alarm.Namespace && (alarm.Metrics?.length ?? 0) > 0;
  const stat = math ? alarm.Metrics?.find((m) => m.MetricStat)?.MetricStat?.Metric : undefined;
  const scaling = scalingActionOf(alarm);
  const dimensions = alarm.Dimensions ?? stat?.Dimensions ?? [];
  const expression = alarm.Metrics?.find((m) => m.Expression)?.Expression;
  return {
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
    name: alarm.AlarmName ?? '',
    type: math ? 'metric-math' : 'metric',
    service,
    ...(namespacesOf(alarm)[0] ? { namespace: namespacesOf(alarm)[0] } : {}),
    ...((alarm.MetricName ?? stat?.MetricName) ? { metricName: alarm.MetricName ?? stat?.MetricName } : {}),
    dimensions: Object.fromEntries(dimensions.map((d) => [d.Name ?? '', d.Value ?? ''])),
    ...(expression ? { expression: clip(expression, 120) } : {}),
    ...(alarm.StateReason ? { stateReason: clip(alarm.StateReason, REASON_CHARS) } : {}),
    ...(alarm.StateUpdatedTimestamp ? { stateSince: alarm.StateUpdatedTimestamp.toISOString() } : {}),
    actionsEnabled: alarm.ActionsEnabled ?? false,
    autoscaling: scaling !== undefined,
    ...(scaling ? { scalingPolicy: { ...scaling } } : {}),
  };
}

/**
 * The EUC alarms among the alarms of one scope. A composite alarm is EUC when one of its
 * children is, among the alarms given (children in another state are not fetched, so a
 * composite whose EUC children are all quiet is not recognised).
 */
export function eucAlarms(
  metric: readonly MetricAlarm[],
  composite: readonly CompositeAlarm[],
  scope: Scope,
): AlarmRow[] {
  const rows: AlarmRow[] = [];
  const eucNames = new Map<string, string>();
  for (const alarm of metric) {
    const service = eucServiceOf(alarm);
    if (!service) continue;
    eucNames.set(alarm.AlarmName ?? '', service);
    rows.push(metricRow(alarm, service, scope));
  }
  for (const alarm of composite) {
    const children = ruleChildren(alarm.AlarmRule);
    const service = children.map((c) => eucNames.get(c)).find((s) => s !== undefined);
    if (!service) continue;
    const scaling = scalingActionOf(alarm);
    rows.push({
      ...(scope.account ? { account: scope.account } : {}),
      region: scope.region,
      name: alarm.AlarmName ?? '',
      type: 'composite',
      service,
      dimensions: {},
      children: children.slice(0, 10),
      ...(alarm.StateReason ? { stateReason: clip(alarm.StateReason, REASON_CHARS) } : {}),
      ...(alarm.StateUpdatedTimestamp ? { stateSince: alarm.StateUpdatedTimestamp.toISOString() } : {}),
      actionsEnabled: alarm.ActionsEnabled ?? false,
      autoscaling: scaling !== undefined,
      ...(scaling ? { scalingPolicy: { ...scaling } } : {}),
    });
  }
  return rows;
}

/** The AppStream fleet an alarm watches (its Fleet dimension) or scales (its policy's resource). */
function fleetOf(row: AlarmRow): string | undefined {
  return row.dimensions.Fleet ?? /(?:^|\/)fleet\/([^/]+)$/.exec(row.scalingPolicy?.resource ?? '')?.[1];
}

const fleetKey = (row: AlarmRow, fleet: string) => `${row.account ?? ''}|${row.region}|${fleet}`;

/**
 * The scaling alarms that are not scaling at work: they act on a fleet whose
 * InsufficientCapacityError alarm is firing too, so the fleet cannot get the instances scaling
 * asks for. Returned as row names by fleet, in the order given.
 */
export function scalingBlockedByCapacity(rows: readonly AlarmRow[]): Map<string, AlarmRow[]> {
  const starved = new Set<string>();
  for (const row of rows) {
    const fleet = fleetOf(row);
    if (!row.autoscaling && row.metricName === 'InsufficientCapacityError' && fleet)
      starved.add(fleetKey(row, fleet));
  }
  const blocked = new Map<string, AlarmRow[]>();
  for (const row of rows) {
    const fleet = fleetOf(row);
    if (!row.autoscaling || !fleet || !starved.has(fleetKey(row, fleet))) continue;
    blocked.set(fleet, [...(blocked.get(fleet) ?? []), row]);
  }
  return blocked;
}

/** Incidents first (not autoscaling), then the most recent transitions, then by name. */
export function rankAlarms(rows: readonly AlarmRow[]): AlarmRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(a.autoscaling) - Number(b.autoscaling) ||
      (b.stateSince ?? '').localeCompare(a.stateSince ?? '') ||
      a.name.localeCompare(b.name),
  );
}
