import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  type DescribeAlarmsCommandOutput,
  paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';

const estate = generateEstate({ seed: 5, desktops: 200 });

function cloudwatch(region = 'us-east-1') {
  const sim = createSimulator(estate);
  return { sim, client: simulatedClient(CloudWatchClient, sim, { region }) };
}

async function all(client: CloudWatchClient, input: ConstructorParameters<typeof DescribeAlarmsCommand>[0]) {
  const pages: DescribeAlarmsCommandOutput[] = [];
  for await (const page of paginateDescribeAlarms({ client, pageSize: input?.MaxRecords }, input ?? {}))
    pages.push(page);
  return {
    pages: pages.length,
    metric: pages.flatMap((p) => p.MetricAlarms ?? []),
    composite: pages.flatMap((p) => p.CompositeAlarms ?? []),
  };
}

describe('CloudWatch DescribeAlarms', () => {
  it('returns metric alarms only unless composite alarms are asked for', async () => {
    const { client } = cloudwatch();
    const plain = await client.send(new DescribeAlarmsCommand({ MaxRecords: 100 }));
    expect(plain.CompositeAlarms ?? []).toHaveLength(0);
    const both = await client.send(
      new DescribeAlarmsCommand({ MaxRecords: 100, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }),
    );
    expect(both.CompositeAlarms?.map((a) => a.AlarmName)).toEqual(['euc-service-degraded']);
  });

  it('pages by MaxRecords in name order, and filters by state', async () => {
    const { sim, client } = cloudwatch();
    const everything = await all(client, { MaxRecords: 5, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] });
    const total = estate.governance.alarms.filter((a) => a.region === 'us-east-1').length;
    expect(everything.metric.length + everything.composite.length).toBe(total);
    expect(everything.pages).toBe(Math.ceil(total / 5));
    expect(sim.countsByAction()['cloudwatch:DescribeAlarms']).toBe(everything.pages);
    const names = everything.metric.map((a) => a.AlarmName ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const firing = await all(client, {
      MaxRecords: 10,
      StateValue: 'ALARM',
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
    });
    expect(firing.metric.length).toBeGreaterThan(3);
    expect([...firing.metric, ...firing.composite].every((a) => a.StateValue === 'ALARM')).toBe(true);
    const insufficient = await all(client, { StateValue: 'INSUFFICIENT_DATA' });
    expect(insufficient.metric.every((a) => a.StateValue === 'INSUFFICIENT_DATA')).toBe(true);
  });

  it('refuses MaxRecords 101 and names together with a prefix', async () => {
    const { client } = cloudwatch();
    await expect(client.send(new DescribeAlarmsCommand({ MaxRecords: 101 }))).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await expect(
      client.send(new DescribeAlarmsCommand({ AlarmNames: ['a'], AlarmNamePrefix: 'a' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterCombination' });
  });

  it('has EUC alarms on the three EUC namespaces, scaling alarms acting on scaling policies, and noise', async () => {
    const { client } = cloudwatch();
    const { metric } = await all(client, { MaxRecords: 100 });
    const namespaces = new Set(metric.map((a) => a.Namespace));
    for (const ns of ['AWS/WorkSpaces', 'AWS/AppStream', 'AWS/WorkSpacesWeb', 'AWS/EC2', 'AWS/RDS'])
      expect(namespaces).toContain(ns);
    const scaling = metric.filter((a) =>
      (a.AlarmActions ?? []).some((arn) =>
        /^arn:aws:autoscaling:[^:]+:\d{12}:scalingPolicy:.+:resource\/appstream\/fleet\//.test(arn),
      ),
    );
    expect(scaling.some((a) => /^TargetTracking-fleet\/.+-AlarmHigh-/.test(a.AlarmName ?? ''))).toBe(true);
    expect(scaling.some((a) => a.AlarmName?.endsWith('-capacity-guard'))).toBe(true);
    const notifyOnly = metric.find((a) => a.AlarmName?.includes('scale-out-failures'));
    expect(notifyOnly?.AlarmActions?.every((arn) => arn.startsWith('arn:aws:sns:'))).toBe(true);
    const math = metric.find((a) => a.AlarmName === 'euc-connection-failure-rate');
    expect(math?.Namespace).toBeUndefined();
    expect(math?.Metrics?.map((m) => m.MetricStat?.Metric?.Namespace).filter(Boolean)).toEqual([
      'AWS/WorkSpaces',
      'AWS/WorkSpaces',
    ]);
  });

  it('fires the directory alarm where a desktop is UNHEALTHY, and lists a composite alarm’s children', async () => {
    const { client } = cloudwatch();
    const unhealthyDirs = new Set(
      estate.personal.desktops
        .filter((d) => d.region === 'us-east-1' && d.workspace.State === 'UNHEALTHY')
        .map((d) => d.workspace.DirectoryId),
    );
    const { metric } = await all(client, { AlarmNamePrefix: 'workspaces-d', MaxRecords: 100 });
    for (const alarm of metric.filter((a) => a.MetricName === 'Unhealthy')) {
      const directory = alarm.Dimensions?.[0]?.Value;
      expect(alarm.StateValue).toBe(unhealthyDirs.has(directory) ? 'ALARM' : 'OK');
    }
    const children = await client.send(
      new DescribeAlarmsCommand({ ChildrenOfAlarmName: 'euc-service-degraded' }),
    );
    expect(children.MetricAlarms?.map((a) => a.AlarmName)).toContain('euc-connection-failure-rate');
  });
});
