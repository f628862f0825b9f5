import type { ImageBuilderState } from '@aws-sdk/client-appstream';
import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  confirmOk,
  createTestHost,
  generateEstate,
  invokeOk,
  type SentRequest,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import plugin from '../index.js';
import { stopImageBuilder } from './stop-image-builder.js';

const TOOL = 'stop_image_builder';
const HOUR_MS = 3_600_000;
const stops = (requests: readonly SentRequest[]) =>
  requests.filter((r) => r.action === 'appstream:StopImageBuilder');

function builderNames(estate: ReturnType<typeof fleetEstate>) {
  const named = (state: ImageBuilderState) =>
    estate.applications.imageBuilders
      .filter((b) => b.builder.State === state)
      .map((b) => b.builder.Name ?? '');
  return {
    running: named('RUNNING'),
    stopped: named('STOPPED'),
    failed: named('FAILED'),
    updating: named('UPDATING_AGENT'),
  };
}

describe('stop_image_builder', () => {
  it('without confirm plans each RUNNING builder with its hours, skips the rest with the reason, and stops nothing', async () => {
    expect(toolSchemaBytes(stopImageBuilder)).toBeLessThanOrEqual(650);
    const estate = fleetEstate();
    const names = builderNames(estate);
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const builders = [
      ...names.running,
      names.stopped[0],
      names.failed[0],
      names.updating[0],
      'no-such-builder',
    ];
    const result = await invokeOk<WriteOutcome>(host, TOOL, { builders });
    expect(result).toMatchObject({
      status: 'planned',
      dryRun: true,
      counts: { actionable: names.running.length, skipped: 4 },
    });
    const byId = new Map(result.targets.map((t) => [t.id, t]));
    const first = estate.applications.imageBuilders.find((b) => b.builder.Name === names.running[0])?.builder;
    expect(byId.get(names.running[0] ?? '')).toMatchObject({
      status: 'planned',
      current: 'RUNNING',
      detail: {
        region: 'us-east-1',
        instanceType: first?.InstanceType,
        hoursRunningAtMost: Math.floor(
          (estate.settings.now.getTime() - (first?.CreatedTime?.getTime() ?? 0)) / HOUR_MS,
        ),
      },
    });
    expect(byId.get(names.stopped[0] ?? '')?.message).toBe('already STOPPED: nothing to stop.');
    expect(byId.get(names.failed[0] ?? '')?.message).toContain(
      'FAILED: only a RUNNING image builder can be stopped',
    );
    expect(byId.get(names.updating[0] ?? '')?.message).toContain('wait until it is RUNNING');
    expect(byId.get('no-such-builder')?.message).toMatch(/^missing: not found in /);
    expect(stops(host.requests)).toEqual([]);
  });

  it('with confirm stops each RUNNING builder with one StopImageBuilder; a second plan finds nothing to do', async () => {
    const estate = fleetEstate();
    const { running } = builderNames(estate);
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const result = await confirmOk<WriteOutcome>(host, TOOL, { builders: running });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: running.length, failed: 0 } });
    expect(stops(host.requests).map((r) => r.input)).toEqual(
      expect.arrayContaining(running.map((Name) => ({ Name }))),
    );
    const states = estate.applications.imageBuilders
      .filter((b) => running.includes(b.builder.Name ?? ''))
      .map((b) => b.builder.State);
    expect(new Set(states)).toEqual(new Set(['STOPPED']));
    const again = await invokeOk<WriteOutcome>(host, TOOL, { builders: running });
    expect(again.status).toBe('nothing-to-do');
  });

  it('a builder that fails to stop fails alone with the AWS error code', async () => {
    const estate = fleetEstate();
    const { running } = builderNames(estate);
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      enableWrites: true,
      simulator: {
        faults: [
          {
            service: 'appstream',
            operation: 'StopImageBuilder',
            code: 'ConcurrentModificationException',
            when: (input) => input.Name === running[1],
          },
        ],
      },
    });
    const result = await confirmOk<WriteOutcome>(host, TOOL, { builders: running });
    expect(result).toMatchObject({ status: 'partially-applied', counts: { ok: 1, failed: 1 } });
    expect(result.targets.find((t) => t.id === running[1])).toMatchObject({
      status: 'failed',
      code: 'ConcurrentModificationException',
    });
  });

  it('a builder in every state: only RUNNING is stoppable', async () => {
    const estate = fleetEstate();
    const builders = estate.applications.imageBuilders;
    const template = builders[0];
    if (!template) throw new Error('no image builder');
    const states: ImageBuilderState[] = [
      'DELETING',
      'FAILED',
      'PENDING',
      'PENDING_IMAGE_IMPORT',
      'PENDING_QUALIFICATION',
      'PENDING_SYNCING_APPS',
      'REBOOTING',
      'RUNNING',
      'SNAPSHOTTING',
      'STOPPED',
      'STOPPING',
      'SYNCING_APPS',
      'UPDATING',
      'UPDATING_AGENT',
    ];
    builders.splice(
      0,
      builders.length,
      ...states.map((state) => ({
        ...template,
        builder: { ...template.builder, Name: `b-${state}`, State: state },
      })),
    );
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const result = await invokeOk<WriteOutcome>(host, TOOL, { builders: states.map((s) => `b-${s}`) });
    expect(result.targets.filter((t) => t.status === 'planned').map((t) => t.id)).toEqual(['b-RUNNING']);
    expect(result.counts).toMatchObject({ actionable: 1, skipped: states.length - 1 });
  });

  it('a name held in two regions is ambiguous; its ARN is not', async () => {
    const estate = generateEstate({ seed: 7, desktops: 10, regions: ['us-east-1', 'eu-west-1'], fleets: 9 });
    const east = estate.applications.imageBuilders.find(
      (b) => b.region === 'us-east-1' && b.builder.State === 'RUNNING',
    );
    const west = estate.applications.imageBuilders.find(
      (b) => b.region === 'eu-west-1' && b.builder.State === 'RUNNING',
    );
    if (!east || !west) throw new Error('no running builders');
    west.builder.Name = east.builder.Name;
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const byName = await invokeOk<WriteOutcome>(host, TOOL, { builders: [east.builder.Name] });
    expect(byName.targets[0]?.message).toMatch(/^ambiguous: in .*us-east-1.*eu-west-1/);
    const byArn = await invokeOk<WriteOutcome>(host, TOOL, {
      builders: [east.builder.Arn],
      regions: ['eu-west-1'],
    });
    expect(byArn.targets[0]).toMatchObject({ status: 'planned', detail: { region: 'us-east-1' } });
  });

  it('is not registered without --enable-writes', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: fleetEstate() });
    const result = await host.invoke(TOOL, { builders: ['x'] });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('Unknown tool stop_image_builder');
  });

  it('at 10,000 desktops a plan for the most builders one call takes fits the answer budget', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 42, desktops: 10_000 });
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const builders = estate.applications.imageBuilders.slice(0, 25).map((b) => b.builder.Name ?? '');
    expect(builders).toHaveLength(25);
    const plan = await invokeOk<WriteOutcome>(host, TOOL, { builders });
    expect(plan.status).toBe('planned');
    expect(answerBytes(plan)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });
});
