/**
 * Application Auto Scaling for fleets: a scalable target and a target-tracking policy per
 * autoscaled fleet, and the scaling activities of the last six weeks (the retention AWS
 * documents: "You can look up scaling activities from the last six weeks"). Activities are the
 * moments the capacity model's desired capacity changes, so they agree with DesiredCapacity;
 * the exhausted fleet's mornings also carry the Failed attempts the instance quota refused.
 */
import type { ScalingActivity } from '@aws-sdk/client-application-auto-scaling';
import { DAY_MS, HOUR_MS } from '../../model.js';
import { SCALE_IN_HOUR, SCALE_OUT_HOUR } from './capacity.js';
import { uuidFrom } from './catalogue.js';
import type {
  SimAppFleet,
  SimAppInstanceQuota,
  SimAppScalableTarget,
  SimAppScalingActivity,
  SimAppScalingPolicy,
} from './model.js';

export const SCALING_RETENTION_MS = 42 * DAY_MS;
const DIMENSION = 'appstream:fleet:DesiredCapacity';

const resourceId = (fleet: SimAppFleet) => `fleet/${fleet.fleet.Name ?? ''}`;
const policyName = (fleet: SimAppFleet) => `${fleet.fleet.Name ?? ''}-target-tracking`;
const alarmName = (fleet: SimAppFleet, side: 'High' | 'Low') =>
  `TargetTracking-${resourceId(fleet)}-Alarm${side}-${uuidFrom(fleet.fleet.Arn ?? '', side)}`;

/** The scalable target and target-tracking policy of an autoscaled fleet. */
export function scalingSetup(fleet: SimAppFleet): {
  target: SimAppScalableTarget;
  policy: SimAppScalingPolicy;
} {
  const where = { account: fleet.account, region: fleet.region };
  const created = new Date(fleet.createdAt.getTime() + HOUR_MS);
  const alarm = (side: 'High' | 'Low') => ({
    AlarmName: alarmName(fleet, side),
    AlarmARN: `arn:aws:cloudwatch:${fleet.region}:${fleet.account}:alarm:${alarmName(fleet, side)}`,
  });
  return {
    target: {
      ...where,
      target: {
        ServiceNamespace: 'appstream',
        ResourceId: resourceId(fleet),
        ScalableDimension: DIMENSION,
        MinCapacity: fleet.plan.offHoursDesired,
        MaxCapacity: Math.max(30, fleet.plan.workHoursDesired * 2),
        RoleARN: `arn:aws:iam::${fleet.account}:role/aws-service-role/appstream.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_AppStreamFleet`,
        CreationTime: created,
        SuspendedState: {
          DynamicScalingInSuspended: false,
          DynamicScalingOutSuspended: false,
          ScheduledScalingSuspended: false,
        },
      },
    },
    policy: {
      ...where,
      policy: {
        PolicyARN: `arn:aws:autoscaling:${fleet.region}:${fleet.account}:scalingPolicy:${uuidFrom(fleet.fleet.Arn ?? '', 'policy')}:resource/appstream/${resourceId(fleet)}:policyName/${policyName(fleet)}`,
        PolicyName: policyName(fleet),
        ServiceNamespace: 'appstream',
        ResourceId: resourceId(fleet),
        ScalableDimension: DIMENSION,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 75,
          PredefinedMetricSpecification: { PredefinedMetricType: 'AppStreamAverageCapacityUtilization' },
          ScaleOutCooldown: 120,
          ScaleInCooldown: 360,
          DisableScaleIn: false,
        },
        Alarms: [alarm('High'), alarm('Low')],
        CreationTime: created,
      },
    },
  };
}

function activity(
  fleet: SimAppFleet,
  start: number,
  desired: number,
  side: 'High' | 'Low',
  failure?: string,
): SimAppScalingActivity {
  const id = uuidFrom(fleet.fleet.Arn ?? '', 'activity', start, desired);
  const base: ScalingActivity = {
    ActivityId: id,
    ServiceNamespace: 'appstream',
    ResourceId: resourceId(fleet),
    ScalableDimension: DIMENSION,
    Description: `Setting desired capacity to ${desired}.`,
    Cause: `monitor alarm ${alarmName(fleet, side)} in state ALARM triggered policy ${policyName(fleet)}`,
    StartTime: new Date(start),
    EndTime: new Date(start + (failure ? 2_000 : 40_000)),
    StatusCode: failure ? 'Failed' : 'Successful',
    StatusMessage:
      failure ??
      `Successfully set desired capacity to ${desired}. Change successfully fulfilled by appstream.`,
  };
  return { account: fleet.account, region: fleet.region, activity: base };
}

/**
 * Scaling activities of an autoscaled fleet in [now - 6 weeks, now], newest first. `quota` is
 * the instance quota of its type in its location, named in the failure message.
 */
export function scalingActivities(
  fleet: SimAppFleet,
  quota: SimAppInstanceQuota | undefined,
  now: Date,
): SimAppScalingActivity[] {
  if (!fleet.plan.autoscaled) return [];
  const nowMs = now.getTime();
  const from = Math.max(nowMs - SCALING_RETENTION_MS, fleet.createdAt.getTime());
  const until = Math.min(nowMs, fleet.stoppedAt?.getTime() ?? Number.POSITIVE_INFINITY);
  const offset = fleet.usage.utcOffsetHours * HOUR_MS;
  const out: SimAppScalingActivity[] = [];
  const firstDay = Math.floor((from + offset) / DAY_MS);
  const lastDay = Math.floor((until + offset) / DAY_MS);
  for (let day = firstDay; day <= lastDay; day++) {
    const localMidnight = day * DAY_MS - offset;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (fleet.usage.workdays === 'weekdays' && (weekday === 0 || weekday === 6)) continue;
    const events: [number, number, 'High' | 'Low', string?][] = [
      [localMidnight + SCALE_OUT_HOUR * HOUR_MS, fleet.plan.workHoursDesired, 'High'],
      [localMidnight + SCALE_IN_HOUR * HOUR_MS, fleet.plan.offHoursDesired, 'Low'],
    ];
    const refused = fleet.plan.refusedDesired;
    const grown = fleet.usage.growthAt?.getTime() ?? Number.POSITIVE_INFINITY;
    if (refused !== undefined)
      for (const minutes of [120, 140, 160]) {
        const at = localMidnight + SCALE_OUT_HOUR * HOUR_MS + minutes * 60_000;
        if (at < grown) continue;
        const limit = quota?.limit ?? fleet.plan.workHoursDesired;
        events.push([
          at,
          refused,
          'High',
          `Failed to set desired capacity to ${refused}. Reason: The requested capacity of fleet ${fleet.fleet.Name} exceeds the ${fleet.fleet.InstanceType} fleet instance quota of ${limit} for this account in ${fleet.region}; request a quota increase in Service Quotas (Service: AmazonAppStream; Status Code: 400; Error Code: LimitExceededException; Request ID: ${uuidFrom(fleet.fleet.Arn ?? '', at)}; Proxy: null).`,
        ]);
      }
    for (const [at, desired, side, failure] of events)
      if (at >= from && at < until) out.push(activity(fleet, at, desired, side, failure));
  }
  return out.sort((a, b) => (b.activity.StartTime?.getTime() ?? 0) - (a.activity.StartTime?.getTime() ?? 0));
}
