import { type CollectedIdle, contributionProbe, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

const DAY_MS = 86_400_000;

describe('idle fleets', () => {
  it('lists the ALWAYS_ON fleet nobody streamed from for weeks, with the day its use ended', async () => {
    const host = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    const fleets = result.idle.filter((i) => i.resourceType === 'Fleet');
    // Its users (New York) last streamed on a Friday evening, which is the UTC day 2026-10-10;
    // that day ended 36.5 days before the estate's now, so it is idle 36 whole days.
    expect(fleets).toEqual([
      expect.objectContaining({
        id: 'engineering-cad-legacy',
        idleDays: 36,
        contributor: 'applications.idle-fleets',
      }),
    ]);
    expect(fleets[0]?.reason).toContain('4 stream.graphics.g4dn.xlarge instances running');
    expect(fleets[0]?.reason).toContain('no session for 36 days');
    // No honest price without a tier-1 pricing read, so none is given.
    expect(fleets[0]).not.toHaveProperty('monthlyCostUsd');
    // Every running ALWAYS_ON fleet's usage in one GetMetricData request.
    expect(host.simulator.countsByAction()['cloudwatch:GetMetricData']).toBe(1);
  });

  it('a fleet older than the window whose usage never rose above 0 is idle for at least the days read; one created inside them was never used', async () => {
    const estate = fleetEstate();
    const zero = new Set(['callcenter-crm', 'warehouse-scanning']);
    estate.metricOverride = (key) =>
      key.namespace === 'AWS/AppStream' &&
      key.metricName === 'InUseCapacity' &&
      zero.has(key.dimensions.Fleet ?? '')
        ? { resolutionSeconds: 60, sample: () => 0 }
        : undefined;
    const crm = estate.applications.fleets.find((f) => f.fleet.Name === 'callcenter-crm');
    if (!crm) throw new Error('estate');
    crm.fleet.CreatedTime = new Date(estate.settings.now.getTime() - 45 * DAY_MS);
    const host = await createTestHost({ ...withPlugin, estate });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    const byId = new Map(result.idle.map((i) => [i.id, i]));
    expect(byId.get('callcenter-crm')?.idleDays).toBeNull();
    expect(byId.get('callcenter-crm')?.reason).toContain('no session since it was created');
    expect(byId.get('warehouse-scanning')?.idleDays).toBe(60);
    expect(byId.get('warehouse-scanning')?.reason).toContain('no session in the 60 days read');
  });

  it('does not list fleets that are in use, not ALWAYS_ON, stopped, or younger than the window', async () => {
    const host = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    const listed = new Set(result.idle.map((i) => i.id));
    for (const name of [
      'callcenter-crm',
      'contractors-elastic',
      'analytics-ondemand',
      'training-lab',
      'claims-pilot',
      'helpdesk-shared',
    ])
      expect(listed.has(name), name).toBe(false);
  });
});

describe('running builders', () => {
  it('lists RUNNING image and app block builders with the AS2CO 2 h mark and no usage claim', async () => {
    const host = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    const builders = result.idle.filter((i) => i.resourceType !== 'Fleet');
    expect(builders.map((b) => `${b.resourceType} ${b.id}`).sort()).toEqual([
      'App block builder elastic-apps-packager',
      'Image builder callcenter-crm-builder',
      'Image builder training-lab-builder',
    ]);
    for (const builder of builders) {
      expect(builder.idleDays).toBeNull();
      expect(builder.reason).toContain('notifies at 2 h');
      expect(builder).not.toHaveProperty('monthlyCostUsd');
    }
  });

  it('a failing GetMetricData is an error for the idle fleets only; the builders are still listed', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: fleetEstate(),
      simulator: { faults: [{ service: 'cloudwatch', operation: 'GetMetricData', code: 'InternalFailure' }] },
    });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    expect(result.errors.map((e) => e.contributor)).toEqual(['applications.idle-fleets']);
    expect(result.idle.filter((i) => i.resourceType === 'Image builder')).toHaveLength(2);
  });
});
