/**
 * CloudWatch alarms per location: operational alarms on AWS/WorkSpaces (per directory, one per
 * desktop), AWS/AppStream (per fleet) and AWS/WorkSpacesWeb (per portal); the target-tracking
 * alarm pair Application Auto Scaling creates for each scaled fleet (`TargetTracking-<resource>-
 * AlarmHigh|AlarmLow-<uuid>`, actions on the scaling policy ARN); a step-scaling alarm with an
 * ordinary name; a notification alarm whose name merely mentions scaling; a metric-math alarm; a
 * composite alarm; and EC2/RDS/Billing alarms as the rest of the account. States follow the
 * resources where the estate says (an UNHEALTHY desktop in a directory fires its alarm).
 */
import type { GenerationContext } from '../../model.js';
import type { Rng } from '../../rng.js';
import { compositeAlarm, metricAlarm } from './alarm-builder.js';
import { fleetAlarms, portalAlarms, workspacesAlarms } from './alarms-euc.js';
import type { SimAlarm } from './model.js';
import type { LocationResources } from './resources.js';

function otherAlarms(location: LocationResources, sns: string, rng: Rng, now: number): SimAlarm[] {
  const instance = `i-${rng.hex(17)}`;
  const alarms = [
    metricAlarm(
      location,
      {
        name: 'ec2-bastion-cpu-high',
        state: 'ALARM',
        namespace: 'AWS/EC2',
        metricName: 'CPUUtilization',
        dimensions: { InstanceId: instance },
        statistic: 'Average',
        period: 300,
        evaluationPeriods: 2,
        threshold: 80,
        comparison: 'GreaterThanThreshold',
        actions: [sns],
      },
      rng,
      now,
    ),
    metricAlarm(
      location,
      {
        name: 'rds-profiles-db-free-storage',
        state: 'OK',
        namespace: 'AWS/RDS',
        metricName: 'FreeStorageSpace',
        dimensions: { DBInstanceIdentifier: 'profiles-db' },
        statistic: 'Minimum',
        period: 300,
        evaluationPeriods: 1,
        threshold: 10_000_000_000,
        comparison: 'LessThanThreshold',
        actions: [sns],
      },
      rng,
      now,
    ),
    metricAlarm(
      location,
      {
        name: 'ec2-nat-traffic-spike',
        state: 'ALARM',
        evaluationPeriods: 1,
        threshold: 5_000_000_000,
        comparison: 'GreaterThanThreshold',
        actions: [sns],
        metrics: [
          {
            Id: 'inbound',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/EC2',
                MetricName: 'NetworkIn',
                Dimensions: [{ Name: 'InstanceId', Value: instance }],
              },
              Period: 300,
              Stat: 'Sum',
            },
            ReturnData: false,
          },
          {
            Id: 'outbound',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/EC2',
                MetricName: 'NetworkOut',
                Dimensions: [{ Name: 'InstanceId', Value: instance }],
              },
              Period: 300,
              Stat: 'Sum',
            },
            ReturnData: false,
          },
          { Id: 'total', Expression: 'inbound + outbound', ReturnData: true },
        ],
      },
      rng,
      now,
    ),
  ];
  if (location.region === 'us-east-1')
    alarms.push(
      metricAlarm(
        location,
        {
          name: 'billing-estimated-charges',
          state: 'INSUFFICIENT_DATA',
          namespace: 'AWS/Billing',
          metricName: 'EstimatedCharges',
          dimensions: { Currency: 'USD' },
          statistic: 'Maximum',
          period: 21_600,
          evaluationPeriods: 1,
          threshold: 20_000,
          comparison: 'GreaterThanThreshold',
          actions: [sns],
        },
        rng,
        now,
      ),
    );
  return alarms;
}

/** Every alarm of every location. */
export function generateAlarms(ctx: GenerationContext, locations: readonly LocationResources[]): SimAlarm[] {
  const now = ctx.settings.now.getTime();
  return locations.flatMap((location, index) => {
    const rng = ctx.rng.fork(`alarms:${location.account}:${location.region}`);
    const sns = `arn:aws:sns:${location.region}:${location.account}:euc-ops-alerts`;
    const workspaces = workspacesAlarms(location, index, sns, rng, now);
    const children = workspaces.filter(
      (a) => a.alarm.AlarmName?.endsWith('-unhealthy') || a.alarm.AlarmName === 'euc-connection-failure-rate',
    );
    return [
      ...workspaces,
      ...fleetAlarms(location, index, sns, rng, now),
      ...portalAlarms(location, index, sns, rng, now),
      ...otherAlarms(location, sns, rng, now),
      ...(children.length > 0 ? [compositeAlarm(location, children, sns, now)] : []),
    ];
  });
}
