import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { eucAlarms, rankAlarms, ruleChildren, scalingActionOf } from './alarms.js';

const scope = { region: 'us-east-1' };
const policy =
  'arn:aws:autoscaling:us-east-1:111122223333:scalingPolicy:0d1c7a2e-1111-2222-3333-444455556666:resource/appstream/fleet/sales:policyName/sales-tt';
const sns = 'arn:aws:sns:us-east-1:111122223333:ops';

describe('EUC alarm recognition', () => {
  it('knows a scaling alarm by the policy in its actions, whatever its name', () => {
    expect(scalingActionOf({ AlarmActions: [sns, policy] })).toEqual({
      resource: 'appstream/fleet/sales',
      policyName: 'sales-tt',
    });
    // Named like scaling, acting like a pager: not a scaling alarm.
    expect(scalingActionOf({ AlarmActions: [sns] })).toBeUndefined();
  });

  it('finds EUC metric-math alarms by the namespaces of their MetricStat queries', () => {
    const math: MetricAlarm = {
      AlarmName: 'failure-rate',
      Metrics: [
        {
          Id: 'f',
          MetricStat: {
            Metric: { Namespace: 'AWS/WorkSpaces', MetricName: 'ConnectionFailure' },
            Period: 3600,
            Stat: 'Sum',
          },
        },
        { Id: 'r', Expression: '100 * f / 2' },
      ],
    };
    const ec2Math: MetricAlarm = {
      AlarmName: 'nat',
      Metrics: [
        {
          Id: 'n',
          MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: 'NetworkIn' }, Period: 300, Stat: 'Sum' },
        },
      ],
    };
    const rows = eucAlarms([math, ec2Math], [], scope);
    expect(rows).toEqual([
      expect.objectContaining({
        name: 'failure-rate',
        type: 'metric-math',
        expression: '100 * f / 2',
        namespace: 'AWS/WorkSpaces',
      }),
    ]);
  });

  it('counts a composite as EUC through its children, and reads quoted and bare names', () => {
    expect(ruleChildren('ALARM("a b") OR (ALARM(c) AND NOT OK("d"))')).toEqual(['a b', 'c', 'd']);
    const child: MetricAlarm = {
      AlarmName: 'ws-unhealthy',
      Namespace: 'AWS/WorkSpaces',
      MetricName: 'Unhealthy',
    };
    const rows = eucAlarms([child], [{ AlarmName: 'degraded', AlarmRule: 'ALARM("ws-unhealthy")' }], scope);
    expect(rows.map((r) => [r.name, r.type])).toEqual([
      ['ws-unhealthy', 'metric'],
      ['degraded', 'composite'],
    ]);
    expect(eucAlarms([], [{ AlarmName: 'other', AlarmRule: 'ALARM("ec2")' }], scope)).toEqual([]);
  });

  it('lists incidents before scaling alarms, newest first', () => {
    const row = (name: string, autoscaling: boolean, since: string) => ({
      region: 'r',
      name,
      type: 'metric' as const,
      service: 's',
      dimensions: {},
      actionsEnabled: true,
      autoscaling,
      stateSince: since,
    });
    const ranked = rankAlarms([
      row('scale', true, '2026-11-16'),
      row('old', false, '2026-11-01'),
      row('new', false, '2026-11-15'),
    ]);
    expect(ranked.map((r) => r.name)).toEqual(['new', 'old', 'scale']);
  });
});
