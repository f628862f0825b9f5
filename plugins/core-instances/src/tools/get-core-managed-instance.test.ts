import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { answerBytes, createTestHost, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, DATA_VOLUME, EMPTY_REGION, INSTANCE, REGION, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import { getCoreManagedInstance } from './get-core-managed-instance.js';

type Output = ToolOutput<typeof getCoreManagedInstance>;
const TOOL = 'get_core_managed_instance';

describe('get_core_managed_instance', () => {
  it('shows the EC2 instance, every volume with its fate on deletion, and the tags', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Output>(host, TOOL, { workspaceInstanceId: INSTANCE.inService });
    expect(result).toMatchObject({
      account: ACCOUNT,
      region: REGION,
      state: 'ALLOCATED',
      phase: 'in-service',
      billingMode: 'HOURLY',
      ec2: { instanceId: 'i-0aaaaaaaaaaaaaaa1', instanceType: 'm6i.large', state: 'running' },
      tags: { Name: 'core-alice', CostCenter: 'CC-1001' },
      findings: [],
      errors: [],
    });
    expect(result.volumes).toEqual([
      {
        volumeId: 'vol-0aaaaaaaaaaaaaaa1',
        device: '/dev/sda1',
        deleteOnTermination: true,
        sizeGiB: 100,
        volumeType: 'gp3',
        encrypted: true,
      },
      {
        volumeId: DATA_VOLUME.volumeId,
        device: 'xvdf',
        deleteOnTermination: false,
        sizeGiB: 200,
        volumeType: 'gp3',
        encrypted: false,
      },
    ]);
    expect(result.notes).toEqual([
      `${DATA_VOLUME.volumeId} would outlive a deletion (DeleteOnTermination=false) and stay billed as EBS.`,
    ]);
    expect(answerBytes(result)).toBeLessThan(4000);
  });

  it("explains a failed launch with EC2's error and the fix, and has no EC2 instance to read", async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Output>(host, TOOL, { workspaceInstanceId: INSTANCE.vcpuFailed });
    expect(result.phase).toBe('allocation-failed');
    expect(result.findings).toEqual([
      expect.objectContaining({
        checkId: 'core-instances.allocation-failed',
        detail: expect.stringContaining('EC2 VcpuLimitExceeded (Client) → '),
        fix: expect.stringContaining('DeleteWorkspaceInstance'),
      }),
    ]);
    expect(result).not.toHaveProperty('ec2');
    expect(result.volumes).toEqual([]);
    expect(host.requests.some((r) => r.action.startsWith('ec2:'))).toBe(false);
  });

  it('an unknown id is a clear error naming the input and every region searched', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await host.invoke(TOOL, { workspaceInstanceId: 'wsinst-nothere12' });
    expect(result.ok).toBe(false);
    expect(result.text).toContain(
      `workspaceInstanceId: wsinst-nothere12 is not a Core managed instance in ${ACCOUNT}/${REGION}, ${ACCOUNT}/${EMPTY_REGION}.`,
    );
  });

  it('finds the instance although another region fails, and says where it could not look when absent', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [
          {
            service: 'workspaces-instances',
            operation: 'GetWorkspaceInstance',
            region: EMPTY_REGION,
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const found = await invokeOk<Output>(host, TOOL, { workspaceInstanceId: INSTANCE.releaseFailed });
    expect(found.findings[0]?.checkId).toBe('core-instances.release-failed');
    const missing = await host.invoke(TOOL, { workspaceInstanceId: 'wsinst-nothere12' });
    expect(missing.text).toContain(`in ${ACCOUNT}/${REGION}. Could not search ${ACCOUNT}/${EMPTY_REGION}`);
  });

  it('narrows the search to the regions asked for', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await host.invoke(TOOL, {
      workspaceInstanceId: INSTANCE.inService,
      regions: [EMPTY_REGION],
    });
    expect(result.ok).toBe(false);
    expect(host.requests.every((r) => r.region === EMPTY_REGION)).toBe(true);
  });

  it('denied EC2 reads become errors; the WorkSpaces answer stands', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [{ service: 'ec2', operation: 'DescribeVolumes', code: 'UnauthorizedOperation' }],
      },
    });
    const result = await invokeOk<Output>(host, TOOL, { workspaceInstanceId: INSTANCE.inService });
    expect(result.ec2?.instanceType).toBe('m6i.large');
    expect(result.volumes[0]).not.toHaveProperty('sizeGiB');
    expect(result.errors).toEqual([expect.objectContaining({ iamAction: 'ec2:DescribeVolumes' })]);
  });

  it('costs the assistant at most 1 KB to know', () => {
    expect(toolSchemaBytes(getCoreManagedInstance)).toBeLessThanOrEqual(1024);
  });
});
