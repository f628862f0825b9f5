/**
 * The estate tells one story across its APIs (issue 15, point 8): running modes agree with
 * states, alarm reasons with their comparisons, metrics with power states, and the bill with the
 * inventory.
 */
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from './__tests__/client.js';
import { createDemoEnvironment } from './demo.js';
import { BUNDLE_FAMILIES } from './domains/billing/catalogue.js';
import { POWERED_ON_STATES, runningAt, sessionAt } from './domains/personal/usage.js';
import { generateEstate } from './estate.js';

const demo = createDemoEnvironment({ size: 600, seed: 42 });

describe('a consistent estate', () => {
  it('never puts an ALWAYS_ON desktop in STOPPED or STOPPING (an AlwaysOn desktop cannot stop)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      const desktops = generateEstate({ seed, desktops: 30 }).personal.desktops;
      const stopped = desktops.filter(
        (d) =>
          d.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON' &&
          (d.workspace.State === 'STOPPING' || d.workspace.State === 'STOPPED'),
      );
      expect(stopped.map((d) => `seed ${seed}: ${d.workspace.WorkspaceId}`)).toEqual([]);
    }
  });

  it('quotes, in every crossed alarm reason, a datapoint on the side of the threshold its state says', () => {
    const checked = demo.estate.governance.alarms.flatMap((sim) => {
      if (sim.kind !== 'metric') return [];
      const { StateValue, StateReason, ComparisonOperator, Threshold } = sim.alarm as {
        StateValue?: string;
        StateReason?: string;
        ComparisonOperator?: string;
        Threshold?: number;
      };
      const value = Number(/\[(-?[\d.]+) \(/.exec(StateReason ?? '')?.[1]);
      if (StateValue === 'INSUFFICIENT_DATA' || Number.isNaN(value) || Threshold === undefined) return [];
      const crosses =
        ComparisonOperator === 'GreaterThanThreshold'
          ? value > Threshold
          : ComparisonOperator === 'GreaterThanOrEqualToThreshold'
            ? value >= Threshold
            : ComparisonOperator === 'LessThanThreshold'
              ? value < Threshold
              : value <= Threshold;
      return [{ name: sim.alarm.AlarmName, reason: StateReason, ok: crosses === (StateValue === 'ALARM') }];
    });
    expect(checked.length).toBeGreaterThan(20);
    expect(checked.some((c) => /less than/.test(c.reason ?? ''))).toBe(true);
    expect(checked.filter((c) => !c.ok)).toEqual([]);
  });

  it('has every powered-on desktop running now, AutoStop ones included, and serves their UserConnected', async () => {
    const { estate, simulator } = demo;
    const now = estate.settings.now.getTime();
    const poweredOn = estate.personal.desktops.filter((d) => POWERED_ON_STATES.has(d.workspace.State ?? ''));
    const notRunning = poweredOn.filter((d) => !runningAt(d, now - 60_000));
    expect(notRunning.map((d) => `${d.workspace.WorkspaceId} ${d.workspace.State}`)).toEqual([]);
    // An AVAILABLE AutoStop desktop nobody is connected to still publishes UserConnected (0).
    const idle = poweredOn.find(
      (d) =>
        d.workspace.State === 'AVAILABLE' &&
        d.workspace.WorkspaceProperties?.RunningMode === 'AUTO_STOP' &&
        sessionAt(d, now) === undefined &&
        d.region === 'us-east-1',
    );
    expect(idle).toBeDefined();
    const cloudwatch = simulatedClient(CloudWatchClient, simulator, { region: 'us-east-1' });
    const answer = await cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 6 * 3_600_000),
        EndTime: new Date(now),
        MetricDataQueries: [
          {
            Id: 'connected',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/WorkSpaces',
                MetricName: 'UserConnected',
                Dimensions: [{ Name: 'WorkspaceId', Value: idle?.workspace.WorkspaceId }],
              },
              Period: 3_600,
              Stat: 'SampleCount',
            },
          },
        ],
      }),
    );
    expect(answer.MetricDataResults?.[0]?.Values?.length ?? 0).toBeGreaterThan(0);
  });

  it('bills AppStream only for instance types of fleets and image builders in the inventory', () => {
    const { estate } = demo;
    const inventory = new Set([
      ...estate.applications.fleets.map((f) => `${f.account}|${f.region}|${f.fleet.InstanceType}`),
      ...estate.applications.imageBuilders.map((b) => `${b.account}|${b.region}|${b.builder.InstanceType}`),
    ]);
    const billed = new Set(
      estate.billing.lines
        .filter((l) => l.service === 'Amazon AppStream')
        .flatMap((l) => {
          const type = /-(stream\.[a-z0-9.-]+?)-(?:fl|el|ib)(?:-[a-z0-9]+)?$/.exec(l.usageType)?.[1];
          return type ? [`${l.account}|${l.region}|${type}`] : [];
        }),
    );
    expect(billed.size).toBeGreaterThan(0);
    expect([...billed].filter((b) => !inventory.has(b))).toEqual([]);
  });

  it('bills Core managed instances only for instance types of launched instances in the inventory', () => {
    const { estate } = demo;
    const inventory = new Set(
      estate.coreInstances.instances
        .filter((i) => i.ec2InstanceId)
        .map((i) => `${i.account}|${i.region}|${i.instanceType}`),
    );
    const billed = new Set(
      estate.billing.lines
        .filter((l) => l.service === 'Amazon Elastic Compute Cloud - Compute')
        .flatMap((l) => {
          const type = /BoxUsage:(.+)$/.exec(l.usageType)?.[1];
          // m5.xlarge is also the non-EUC workload every location runs (a keyword look-alike).
          return type && type !== 'm5.xlarge' ? [`${l.account}|${l.region}|${type}`] : [];
        }),
    );
    expect(billed.size).toBeGreaterThan(0);
    expect([...billed].filter((b) => !inventory.has(b))).toEqual([]);
  });

  it('bills Secure Browser only for the instance types of portals in the inventory', () => {
    const { estate } = demo;
    const suffix: Record<string, string> = {
      'standard.regular': 'WEB-ST',
      'standard.large': 'WEB-ST-LARGE',
      'standard.xlarge': 'WEB-ST-XLARGE',
    };
    const inventory = new Set(
      estate.secureBrowser.portals.map(
        (p) => `${p.account}|${p.region}|${suffix[p.portal.instanceType ?? '']}`,
      ),
    );
    const billed = new Set(
      estate.billing.lines
        .filter((l) => l.service === 'Amazon WorkSpaces Web')
        .map((l) => `${l.account}|${l.region}|${/-(WEB-ST(?:-LARGE|-XLARGE)?)$/.exec(l.usageType)?.[1]}`),
    );
    expect(billed.size).toBeGreaterThan(0);
    expect([...billed].filter((b) => !inventory.has(b))).toEqual([]);
  });

  it('bills WorkSpaces Pools only for bundle families of pools in the inventory', () => {
    const { estate } = demo;
    const computeOf = new Map(
      estate.personal.bundles.map((b) => [b.bundle.BundleId, b.bundle.ComputeType?.Name]),
    );
    const inventory = new Set(
      estate.pools.pools.map((p) => {
        const family = BUNDLE_FAMILIES.find((f) => f.computeType === computeOf.get(p.pool.BundleId));
        return `${p.account}|${p.region}|${family?.usageNumber}`;
      }),
    );
    const billed = new Set(
      estate.billing.lines.flatMap((l) => {
        const number = /-AW-HWB?-(\d+)-Pools-Usage$/.exec(l.usageType)?.[1];
        return number ? [`${l.account}|${l.region}|${number}`] : [];
      }),
    );
    expect(billed.size).toBeGreaterThan(0);
    expect([...billed].filter((b) => !inventory.has(b))).toEqual([]);
  });
});
