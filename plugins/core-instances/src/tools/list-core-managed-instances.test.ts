import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, EMPTY_REGION, INSTANCE, REGION, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import { listCoreManagedInstances } from './list-core-managed-instances.js';

type Output = ToolOutput<typeof listCoreManagedInstances>;
const TOOL = 'list_core_managed_instances';

describe('list_core_managed_instances', () => {
  it('counts every instance by state and lists the failed ones first, with EC2 type and tags', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Output>(host, TOOL, {});
    expect(result.total).toBe(8);
    expect(result.byState).toEqual({
      ERROR_DEALLOCATING: 1,
      ERROR_ALLOCATING: 2,
      ALLOCATING: 1,
      DEALLOCATING: 1,
      ALLOCATED: 2,
      DEALLOCATED: 1,
    });
    expect(result.byScope).toEqual({ [`${ACCOUNT}/${REGION}`]: 8, [`${ACCOUNT}/${EMPTY_REGION}`]: 0 });
    expect(result.rows.map((r) => r.workspaceInstanceId)).toEqual([
      INSTANCE.releaseFailed,
      INSTANCE.silentFailed,
      INSTANCE.vcpuFailed,
      INSTANCE.provisioning,
      INSTANCE.releasing,
      INSTANCE.inService,
      INSTANCE.inService2,
      INSTANCE.released,
    ]);
    expect(result.rows.find((r) => r.workspaceInstanceId === INSTANCE.inService)).toEqual({
      workspaceInstanceId: INSTANCE.inService,
      state: 'ALLOCATED',
      phase: 'in-service',
      ec2InstanceId: 'i-0aaaaaaaaaaaaaaa1',
      instanceType: 'm6i.large',
      account: ACCOUNT,
      region: REGION,
      tags: { Name: 'core-alice', CostCenter: 'CC-1001' },
    });
    // No EC2 instance behind a failed launch: no id, no type.
    expect(result.rows.find((r) => r.workspaceInstanceId === INSTANCE.vcpuFailed)).not.toHaveProperty(
      'instanceType',
    );
    expect(result.summary).toMatch(/^8 Core managed instance\(s\) in 2 of 2 scope\(s\).*3 failed/);
    expect(result.errors).toEqual([]);
  });

  it('filters by provision state on the AWS side', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Output>(host, TOOL, { states: ['ERROR_ALLOCATING'] });
    expect(result.rows.map((r) => r.workspaceInstanceId)).toEqual([
      INSTANCE.silentFailed,
      INSTANCE.vcpuFailed,
    ]);
    const lists = host.requests.filter((r) => r.action === 'workspaces-instances:ListWorkspaceInstances');
    expect(lists.map((r) => r.input.ProvisionStates)).toEqual([['ERROR_ALLOCATING'], ['ERROR_ALLOCATING']]);
  });

  it('pages with a cursor and reads type and tags only for the rows shown', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const first = await invokeOk<Output>(host, TOOL, { limit: 3 });
    expect(first.rows).toHaveLength(3);
    expect(host.simulator.countsByAction()['workspaces-instances:ListTagsForResource']).toBe(3);
    const second = await invokeOk<Output>(host, TOOL, { limit: 3, cursor: first.nextCursor });
    expect(second.rows.map((r) => r.workspaceInstanceId)).toEqual([
      INSTANCE.provisioning,
      INSTANCE.releasing,
      INSTANCE.inService,
    ]);
    const stale = await host.invoke(TOOL, { limit: 3, cursor: first.nextCursor, states: ['ALLOCATED'] });
    expect(stale.ok).toBe(false);
  });

  it('a failing region is reported in errors while the other answers', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [
          {
            service: 'workspaces-instances',
            operation: 'ListWorkspaceInstances',
            region: EMPTY_REGION,
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await invokeOk<Output>(host, TOOL, {});
    expect(result.total).toBe(8);
    expect(result.errors).toEqual([
      expect.objectContaining({
        region: EMPTY_REGION,
        code: 'AccessDeniedException',
        iamAction: 'workspaces-instances:ListWorkspaceInstances',
      }),
    ]);
    expect(result.summary).toContain('in 1 of 2 scope(s)');
  });

  it('denied EC2 leaves instance types out, says so once, and keeps the rows', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [{ service: 'ec2', operation: 'DescribeInstances', code: 'UnauthorizedOperation' }],
      },
    });
    const result = await invokeOk<Output>(host, TOOL, {});
    expect(result.rows).toHaveLength(8);
    expect(result.rows.some((r) => r.instanceType)).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({ service: 'Amazon EC2', region: REGION, iamAction: 'ec2:DescribeInstances' }),
    ]);
    expect(result.errors[0]?.message).toMatch(/^Instance types not shown: /);
  });

  it('answers 3,000 instances in two accounts within 20 KB, describing each of 25 rows once', async () => {
    const estate = generateEstate({
      seed: 9,
      desktops: 0,
      managedInstances: 3000,
      accounts: ['111122223333', '444455556666'],
    });
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Output>(host, TOOL, {});
    expect(result.total).toBe(3000);
    expect(result.rows).toHaveLength(25);
    expect(result.nextCursor).toBeDefined();
    expect(answerBytes(result)).toBeLessThanOrEqual(20_000);
    expect(host.simulator.countsByAction()['workspaces-instances:ListTagsForResource']).toBe(25);
    // Failed instances come first, so the page shows what needs attention.
    expect(result.rows[0]?.state).toBe('ERROR_DEALLOCATING');
  });

  it('costs the assistant at most 1 KB to know', () => {
    expect(toolSchemaBytes(listCoreManagedInstances)).toBeLessThanOrEqual(1024);
  });
});
