import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand,
  DescribeScalingPoliciesCommand,
  paginateDescribeScalingActivities,
  type ScalingActivity,
} from '@aws-sdk/client-application-auto-scaling';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';
import { DAY_MS } from '../../model.js';

const estate = generateEstate({ seed: 42, desktops: 40, fleets: 9 });
const NOW = estate.settings.now.getTime();

function setup() {
  const sim = createSimulator(estate);
  return { sim, client: simulatedClient(ApplicationAutoScalingClient, sim, { region: 'us-east-1' }) };
}

const exhausted = estate.applications.fleets.find((f) => f.scenario === 'exhausted');
const resourceId = `fleet/${exhausted?.fleet.Name}`;

describe('simulated Application Auto Scaling for fleets', () => {
  it('pages six weeks of activities, newest first, with the quota failures of the last days', async () => {
    const { sim, client } = setup();
    const activities: ScalingActivity[] = [];
    for await (const page of paginateDescribeScalingActivities(
      { client },
      { ServiceNamespace: 'appstream', ResourceId: resourceId },
    ))
      activities.push(...(page.ScalingActivities ?? []));
    expect(activities.length).toBeGreaterThan(50);
    expect(sim.countsByAction()['application-autoscaling:DescribeScalingActivities']).toBe(
      Math.ceil(activities.length / 50),
    );
    const times = activities.map((a) => a.StartTime?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(NOW - Math.min(...times)).toBeGreaterThan(28 * DAY_MS);
    expect(NOW - Math.min(...times)).toBeLessThanOrEqual(42 * DAY_MS);

    const failed = activities.filter((a) => a.StatusCode === 'Failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const a of failed) {
      expect(a.StatusMessage).toContain('LimitExceededException');
      expect(a.StatusMessage).toContain('stream.compute.large');
      expect(NOW - (a.StartTime?.getTime() ?? 0)).toBeLessThan(11 * DAY_MS);
    }
    // Older activities all succeeded: a tool must filter by time to see that this is recent.
    expect(
      activities
        .filter((a) => NOW - (a.StartTime?.getTime() ?? 0) > 14 * DAY_MS)
        .every((a) => a.StatusCode === 'Successful'),
    ).toBe(true);
  });

  it('refuses MaxResults above 50, a dimension without a resource, no namespace, and a bad token', async () => {
    const { client } = setup();
    await expect(
      client.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: 'appstream', MaxResults: 51 })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      client.send(
        new DescribeScalingActivitiesCommand({
          ServiceNamespace: 'appstream',
          ScalableDimension: 'appstream:fleet:DesiredCapacity',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(client.send(new DescribeScalingActivitiesCommand({} as never))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(
      client.send(
        new DescribeScalingActivitiesCommand({ ServiceNamespace: 'appstream', NextToken: 'bogus' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
  });

  it('describes the target-tracking policy (MaxResults 1-10) and a target whose maximum is above the refused capacity', async () => {
    const { client } = setup();
    await expect(
      client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'appstream', MaxResults: 11 })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    const policies = await client.send(
      new DescribeScalingPoliciesCommand({ ServiceNamespace: 'appstream', ResourceId: resourceId }),
    );
    expect(policies.ScalingPolicies?.[0]).toMatchObject({
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: { PredefinedMetricType: 'AppStreamAverageCapacityUtilization' },
      },
    });
    const targets = await client.send(
      new DescribeScalableTargetsCommand({ ServiceNamespace: 'appstream', ResourceIds: [resourceId] }),
    );
    expect(targets.ScalableTargets?.[0]?.MaxCapacity ?? 0).toBeGreaterThan(22);
  });

  it('has nothing for other namespaces', async () => {
    const { client } = setup();
    const out = await client.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: 'ecs' }));
    expect(out.ScalingActivities).toEqual([]);
  });
});
