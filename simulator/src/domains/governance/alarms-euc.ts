/**
 * The EUC alarms of a location: per directory (Unhealthy, ConnectionFailure), one per stopped
 * desktop, a metric-math failure rate; per fleet the target-tracking pair of its scaling policy
 * (AlarmHigh/AlarmLow, actions on the policy ARN), an InsufficientCapacityError alarm, a
 * step-scaling alarm with an ordinary name and a notification alarm that merely mentions
 * scaling; per portal SessionFailure. States follow the resources where the estate says.
 */
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { Rng } from '../../rng.js';
import { metricAlarm, type State, scalingPolicyArn, uuid } from './alarm-builder.js';
import type { SimAlarm } from './model.js';
import type { LocationResources } from './resources.js';

/** Fleets with invented scaling alarms or capacity alarms, per location. */
const MAX_SCALED_FLEETS = 8;
const MAX_PORTAL_ALARMS = 4;

export function fleetAlarms(
  location: LocationResources,
  index: number,
  sns: string,
  rng: Rng,
  now: number,
): SimAlarm[] {
  const fleets = location.fleets.length > 0 ? location.fleets : [`retired-fleet-${location.region}`];
  const alarms: SimAlarm[] = [];
  // Target tracking alarms: those of the estate's scaling policies, else invented ones.
  const policies =
    location.scalingPolicies.length > 0
      ? location.scalingPolicies
      : fleets.slice(0, MAX_SCALED_FLEETS).map((fleet) => ({
          fleet,
          policyArn: scalingPolicyArn(location, fleet, `${fleet}-target-tracking`, rng),
          alarmNames: [
            `TargetTracking-fleet/${fleet}-AlarmHigh-${uuid(rng)}`,
            `TargetTracking-fleet/${fleet}-AlarmLow-${uuid(rng)}`,
          ],
        }));
  policies.forEach((policy, p) => {
    for (const name of policy.alarmNames) {
      const high = !name.includes('AlarmLow');
      // Scale-in alarms sit in ALARM whenever a fleet is quieter than its target: normal, not news.
      const state: State = high ? (index === 0 && p === 0 ? 'ALARM' : 'OK') : p === 0 ? 'OK' : 'ALARM';
      alarms.push(
        metricAlarm(
          location,
          {
            name,
            description: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policy.policyArn}.`,
            state,
            namespace: 'AWS/AppStream',
            metricName: 'CapacityUtilization',
            dimensions: { Fleet: policy.fleet },
            statistic: 'Average',
            period: 60,
            evaluationPeriods: high ? 3 : 15,
            threshold: high ? 75 : 67.5,
            comparison: high ? 'GreaterThanThreshold' : 'LessThanThreshold',
            actions: [policy.policyArn],
          },
          rng,
          now,
        ),
      );
    }
  });
  fleets.slice(0, MAX_SCALED_FLEETS).forEach((fleet, f) => {
    alarms.push(
      metricAlarm(
        location,
        {
          name: `appstream-${fleet}-insufficient-capacity`,
          description: `Users of ${fleet} could not get a streaming instance.`,
          state: index === 0 && f === 0 ? 'ALARM' : 'OK',
          namespace: 'AWS/AppStream',
          metricName: 'InsufficientCapacityError',
          dimensions: { Fleet: fleet },
          statistic: 'Sum',
          period: 300,
          evaluationPeriods: 1,
          threshold: 1,
          comparison: 'GreaterThanOrEqualToThreshold',
          actions: [sns],
          treatMissingData: 'notBreaching',
        },
        rng,
        now,
      ),
    );
  });
  const first = fleets[0];
  if (first && index === 0) {
    // A step-scaling alarm named by its team: only its action says it drives scaling.
    alarms.push(
      metricAlarm(
        location,
        {
          name: `${first}-capacity-guard`,
          state: 'ALARM',
          namespace: 'AWS/AppStream',
          metricName: 'CapacityUtilization',
          dimensions: { Fleet: first },
          statistic: 'Maximum',
          period: 300,
          evaluationPeriods: 2,
          threshold: 90,
          comparison: 'GreaterThanThreshold',
          actions: [scalingPolicyArn(location, first, `${first}-step-out`, rng)],
        },
        rng,
        now,
      ),
      // A notification whose name mentions scaling but which scales nothing.
      metricAlarm(
        location,
        {
          name: `appstream-${first}-scale-out-failures`,
          description: 'Pages the on-call engineer when scale-out cannot find capacity.',
          state: 'ALARM',
          namespace: 'AWS/AppStream',
          metricName: 'PendingCapacity',
          dimensions: { Fleet: first },
          statistic: 'Maximum',
          period: 300,
          evaluationPeriods: 3,
          threshold: 5,
          comparison: 'GreaterThanThreshold',
          actions: [sns],
        },
        rng,
        now,
      ),
    );
  }
  return alarms;
}

export function workspacesAlarms(
  location: LocationResources,
  index: number,
  sns: string,
  rng: Rng,
  now: number,
): SimAlarm[] {
  const alarms: SimAlarm[] = [];
  const homes = [...new Set(location.desktops.map((d) => d.workspace.DirectoryId ?? ''))]
    .filter(Boolean)
    .sort();
  homes.slice(0, 3).forEach((directoryId, i) => {
    const unhealthy = location.desktops.some(
      (d) => d.workspace.DirectoryId === directoryId && d.workspace.State === 'UNHEALTHY',
    );
    const base = { namespace: 'AWS/WorkSpaces', dimensions: { DirectoryId: directoryId }, actions: [sns] };
    alarms.push(
      metricAlarm(
        location,
        {
          ...base,
          name: `workspaces-${directoryId}-unhealthy`,
          state: unhealthy ? 'ALARM' : 'OK',
          metricName: 'Unhealthy',
          statistic: 'Maximum',
          period: 300,
          evaluationPeriods: 2,
          threshold: 1,
          comparison: 'GreaterThanOrEqualToThreshold',
        },
        rng,
        now,
      ),
      metricAlarm(
        location,
        {
          ...base,
          name: `workspaces-${directoryId}-connection-failures`,
          state: index === 0 && i === 0 ? 'ALARM' : 'OK',
          metricName: 'ConnectionFailure',
          statistic: 'Sum',
          period: 3600,
          evaluationPeriods: 1,
          threshold: 10,
          comparison: 'GreaterThanOrEqualToThreshold',
          treatMissingData: 'notBreaching',
        },
        rng,
        now,
      ),
    );
  });
  const stopped = location.desktops.find((d) => d.workspace.State === 'STOPPED');
  if (stopped?.workspace.WorkspaceId)
    alarms.push(
      metricAlarm(
        location,
        {
          name: `workspace-${stopped.workspace.WorkspaceId}-cpu-high`,
          state: 'INSUFFICIENT_DATA',
          namespace: 'AWS/WorkSpaces',
          metricName: 'CPUUsage',
          dimensions: { WorkspaceId: stopped.workspace.WorkspaceId },
          statistic: 'Average',
          period: 300,
          evaluationPeriods: 3,
          threshold: 90,
          comparison: 'GreaterThanThreshold',
          actions: [sns],
        },
        rng,
        now,
      ),
    );
  const directoryId = homes[0];
  if (directoryId) {
    const stat = (id: string, metric: string): MetricDataQuery => ({
      Id: id,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/WorkSpaces',
          MetricName: metric,
          Dimensions: [{ Name: 'DirectoryId', Value: directoryId }],
        },
        Period: 3600,
        Stat: 'Sum',
      },
      ReturnData: false,
    });
    alarms.push(
      metricAlarm(
        location,
        {
          name: 'euc-connection-failure-rate',
          description: 'Share of WorkSpaces connection attempts that fail, per hour.',
          state: index === 0 ? 'ALARM' : 'OK',
          evaluationPeriods: 1,
          threshold: 20,
          comparison: 'GreaterThanThreshold',
          actions: [sns],
          metrics: [
            stat('failures', 'ConnectionFailure'),
            stat('attempts', 'ConnectionAttempt'),
            {
              Id: 'rate',
              Expression: '100 * failures / attempts',
              Label: 'Connection failure rate (%)',
              ReturnData: true,
            },
          ],
        },
        rng,
        now,
      ),
    );
  }
  return alarms;
}

export function portalAlarms(
  location: LocationResources,
  index: number,
  sns: string,
  rng: Rng,
  now: number,
): SimAlarm[] {
  return location.portals.slice(0, MAX_PORTAL_ALARMS).map((portal, p) =>
    metricAlarm(
      location,
      {
        name: `workspaces-web-${portal.id}-session-failures`,
        state: index === 0 && p === 0 ? 'ALARM' : 'OK',
        namespace: 'AWS/WorkSpacesWeb',
        metricName: 'SessionFailure',
        dimensions: { PortalId: portal.id },
        statistic: 'Sum',
        period: 300,
        evaluationPeriods: 1,
        threshold: 5,
        comparison: 'GreaterThanOrEqualToThreshold',
        actions: [sns],
        treatMissingData: 'notBreaching',
      },
      rng,
      now,
    ),
  );
}
