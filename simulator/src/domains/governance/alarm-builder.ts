/**
 * Building CloudWatch alarm records the way DescribeAlarms returns them: state reasons in
 * CloudWatch's wording, ARNs, the scaling policy ARNs Application Auto Scaling puts in actions.
 */
import type { CompositeAlarm, MetricAlarm, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { HOUR_MS, type Location } from '../../model.js';
import type { Rng } from '../../rng.js';
import type { SimAlarm } from './model.js';

export type State = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface Spec {
  readonly name: string;
  readonly description?: string;
  readonly state: State;
  readonly namespace?: string;
  readonly metricName?: string;
  readonly dimensions?: Readonly<Record<string, string>>;
  readonly statistic?: 'Average' | 'Sum' | 'Maximum' | 'Minimum';
  readonly period?: number;
  readonly evaluationPeriods: number;
  readonly threshold: number;
  readonly comparison: NonNullable<MetricAlarm['ComparisonOperator']>;
  readonly actions: readonly string[];
  readonly metrics?: readonly MetricDataQuery[];
  readonly treatMissingData?: string;
}

const SYMBOL: Readonly<Record<string, string>> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

function reason(spec: Spec, value: number, at: Date): string {
  const when = at.toISOString().slice(0, 16).replace('T', ' ');
  switch (spec.state) {
    case 'ALARM':
      return `Threshold Crossed: 1 datapoint [${value.toFixed(1)} (${when})] was ${SYMBOL[spec.comparison] ?? spec.comparison} the threshold (${spec.threshold.toFixed(1)}).`;
    case 'OK':
      return `Threshold Crossed: 1 datapoint [${value.toFixed(1)} (${when})] was not ${SYMBOL[spec.comparison] ?? spec.comparison} the threshold (${spec.threshold.toFixed(1)}).`;
    case 'INSUFFICIENT_DATA':
      return `Insufficient Data: ${spec.evaluationPeriods} datapoints were unknown.`;
  }
}

/**
 * The datapoint a state reason quotes: on the alarming side of the threshold for ALARM, on the
 * other side for OK, whichever way the comparison points (a LessThan alarm in ALARM quotes a
 * value below its threshold).
 */
export function crossingValue(spec: Pick<Spec, 'state' | 'threshold' | 'comparison'>): number {
  const above = spec.threshold * 1.3 + 1;
  const below = spec.threshold > 0 ? spec.threshold * 0.5 : spec.threshold - 1;
  const alarmsAbove = spec.comparison.startsWith('Greater');
  if (spec.state === 'ALARM') return alarmsAbove ? above : below;
  return alarmsAbove ? below : above;
}

export function metricAlarm(location: Location, spec: Spec, rng: Rng, nowMs: number): SimAlarm {
  const since = new Date(nowMs - rng.int(1, 72) * HOUR_MS - rng.int(0, 59) * 60_000);
  const crossed = crossingValue(spec);
  const alarm: MetricAlarm = {
    AlarmName: spec.name,
    AlarmArn: `arn:aws:cloudwatch:${location.region}:${location.account}:alarm:${spec.name}`,
    ...(spec.description ? { AlarmDescription: spec.description } : {}),
    AlarmConfigurationUpdatedTimestamp: new Date(nowMs - rng.int(10, 400) * 24 * HOUR_MS),
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [...spec.actions],
    InsufficientDataActions: [],
    StateValue: spec.state,
    StateReason: reason(spec, crossed, since),
    StateUpdatedTimestamp: since,
    StateTransitionedTimestamp: since,
    ...(spec.metrics
      ? { Metrics: spec.metrics.map((m) => structuredClone(m)) }
      : {
          MetricName: spec.metricName,
          Namespace: spec.namespace,
          Statistic: spec.statistic,
          Dimensions: Object.entries(spec.dimensions ?? {}).map(([Name, Value]) => ({ Name, Value })),
          Period: spec.period,
        }),
    EvaluationPeriods: spec.evaluationPeriods,
    DatapointsToAlarm: spec.evaluationPeriods,
    Threshold: spec.threshold,
    ComparisonOperator: spec.comparison,
    TreatMissingData: spec.treatMissingData ?? 'missing',
  };
  return { ...location, kind: 'metric', alarm };
}

export function uuid(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
}

/** The scaling policy ARN Application Auto Scaling puts in a scaling alarm's actions. */
export function scalingPolicyArn(location: Location, fleet: string, policy: string, rng: Rng): string {
  return `arn:aws:autoscaling:${location.region}:${location.account}:scalingPolicy:${uuid(rng)}:resource/appstream/fleet/${fleet}:policyName/${policy}`;
}

export function compositeAlarm(
  location: Location,
  children: readonly SimAlarm[],
  sns: string,
  now: number,
): SimAlarm {
  const names = children.map((c) => c.alarm.AlarmName ?? '');
  const firing = children.some((c) => c.alarm.StateValue === 'ALARM');
  const since = new Date(now - 2 * HOUR_MS);
  const alarm: CompositeAlarm = {
    AlarmName: 'euc-service-degraded',
    AlarmArn: `arn:aws:cloudwatch:${location.region}:${location.account}:alarm:euc-service-degraded`,
    AlarmDescription: 'Any WorkSpaces directory unhealthy, or connection failures above 20 %.',
    AlarmRule: names.map((n) => `ALARM("${n}")`).join(' OR '),
    ActionsEnabled: true,
    AlarmActions: [sns],
    OKActions: [],
    InsufficientDataActions: [],
    StateValue: firing ? 'ALARM' : 'OK',
    StateReason: firing
      ? `arn:aws:cloudwatch:${location.region}:${location.account}:alarm:${names[0]} transitioned to ALARM`
      : 'No child alarm in ALARM.',
    StateUpdatedTimestamp: since,
    StateTransitionedTimestamp: since,
    AlarmConfigurationUpdatedTimestamp: new Date(now - 90 * 24 * HOUR_MS),
  };
  return { ...location, kind: 'composite', alarm };
}
