import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import { confirmOk, createTestHost, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { DATA_VOLUME, EMPTY_REGION, INSTANCE, REGION, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import { deleteCoreManagedInstance } from './delete-core-managed-instance.js';

const TOOL = 'delete_core_managed_instance';
const options = { plugins: [plugin], enableWrites: true, enableDestructive: true };
/** Actions that change something (everything but Describe*, Get*, List*). */
const mutating = (requests: readonly { action: string }[]) =>
  requests.map((r) => r.action).filter((action) => !/:(Describe|Get|List)/.test(action));

describe('delete_core_managed_instance', () => {
  it('the dry run shows each target and its volumes, skips what cannot be deleted, and sends no change', async () => {
    const host = await createTestHost({ ...options, estate: smallEstate() });
    const result = await invokeOk<WriteOutcome>(host, TOOL, {
      workspaceInstanceIds: [
        INSTANCE.inService,
        INSTANCE.vcpuFailed,
        INSTANCE.releaseFailed,
        INSTANCE.provisioning,
        INSTANCE.releasing,
        INSTANCE.released,
        'wsinst-nothere12',
      ],
    });
    expect(result).toMatchObject({ status: 'planned', dryRun: true, acknowledgementRequired: 'DELETE' });
    expect(result.counts).toMatchObject({ targets: 7, actionable: 3, skipped: 4 });
    const byId = new Map(result.targets.map((t) => [t.id, t]));
    expect(byId.get(INSTANCE.inService)?.detail).toEqual({
      account: '111122223333',
      region: REGION,
      ec2InstanceId: 'i-0aaaaaaaaaaaaaaa1',
      instanceType: 'm6i.large',
      ec2State: 'running',
      volumes:
        'vol-0aaaaaaaaaaaaaaa1 /dev/sda1 100 GiB gp3 encrypted, deleted with the instance; vol-0ddddddddddddddd1 xvdf 200 GiB gp3 unencrypted, KEPT (DeleteOnTermination=false)',
    });
    expect(byId.get(INSTANCE.vcpuFailed)?.detail?.volumes).toBe('none (no EC2 instance)');
    expect(byId.get(INSTANCE.provisioning)?.message).toContain('still launching');
    expect(byId.get(INSTANCE.releasing)?.message).toBe('already being deleted');
    expect(byId.get(INSTANCE.released)?.message).toContain('already deleted');
    expect(byId.get('wsinst-nothere12')?.message).toBe(
      `not found in 111122223333/${REGION}, 111122223333/${EMPTY_REGION}`,
    );
    expect(result.warnings).toContain(
      `${INSTANCE.inService}: 1 volume(s) (200 GiB) survive the deletion and stay billed as EBS: ${DATA_VOLUME.volumeId}. Keep them for their data, or delete them in EC2 afterwards.`,
    );
    expect(result.warnings.find((w) => w.startsWith(INSTANCE.releaseFailed))).toContain(
      'its last deletion failed (EC2 OperationNotPermitted',
    );
    expect(result.impact).toContain('PERMANENT and IRREVERSIBLE');
    expect(mutating(host.requests)).toEqual([]);
  });

  it('refuses a wrong acknowledgement and sends nothing', async () => {
    const host = await createTestHost({ ...options, estate: smallEstate() });
    const result = await confirmOk<WriteOutcome>(host, TOOL, {
      workspaceInstanceIds: [INSTANCE.inService],
      acknowledge: 'delete',
    });
    expect(result).toMatchObject({ status: 'refused', refusal: { gate: 'acknowledgement' } });
    expect(mutating(host.requests)).toEqual([]);
  });

  it('deletes with confirm and the phrase; the instance is then DEALLOCATING and a second plan skips it', async () => {
    const host = await createTestHost({ ...options, estate: smallEstate() });
    const input = { workspaceInstanceIds: [INSTANCE.inService, INSTANCE.vcpuFailed, INSTANCE.released] };
    const result = await confirmOk<WriteOutcome>(host, TOOL, {
      ...input,
      acknowledge: 'DELETE',
    });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 2, failed: 0, skipped: 1 } });
    const deletes = host.requests.filter((r) => r.action === 'workspaces-instances:DeleteWorkspaceInstance');
    expect(deletes.map((r) => [r.input.WorkspaceInstanceId, r.region])).toEqual([
      [INSTANCE.inService, REGION],
      [INSTANCE.vcpuFailed, REGION],
    ]);
    const states = host.simulator.estate.coreInstances.instances.filter((i) =>
      [INSTANCE.inService, INSTANCE.vcpuFailed].includes(i.workspaceInstanceId as never),
    );
    expect(states.map((i) => i.provisionState)).toEqual(['DEALLOCATING', 'DEALLOCATING']);
    const again = await invokeOk<WriteOutcome>(host, TOOL, input);
    expect(again.status).toBe('nothing-to-do');
    expect(again.targets.every((t) => t.status === 'skipped')).toBe(true);
  });

  it('a conflict from AWS fails that target only', async () => {
    const host = await createTestHost({
      ...options,
      estate: smallEstate(),
      simulator: {
        faults: [
          {
            service: 'workspaces-instances',
            operation: 'DeleteWorkspaceInstance',
            code: 'ConflictException',
            when: (input) => input.WorkspaceInstanceId === INSTANCE.inService,
          },
        ],
      },
    });
    const result = await confirmOk<WriteOutcome>(host, TOOL, {
      workspaceInstanceIds: [INSTANCE.inService, INSTANCE.inService2],
      acknowledge: 'DELETE',
    });
    expect(result.status).toBe('partially-applied');
    expect(result.targets.find((t) => t.id === INSTANCE.inService)).toMatchObject({
      status: 'failed',
      code: 'ConflictException',
    });
    expect(result.targets.find((t) => t.id === INSTANCE.inService2)?.status).toBe('ok');
  });

  it('costs the assistant at most 1 KB to know', () => {
    expect(toolSchemaBytes(deleteCoreManagedInstance)).toBeLessThanOrEqual(1024);
  });
});
