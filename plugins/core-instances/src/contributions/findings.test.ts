import {
  type CollectedFindings,
  contributionProbe,
  createTestHost,
  generateEstate,
  invokeOk,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { INSTANCE, REGION, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

describe('core managed instances findings contributor', () => {
  it('raises a finding for each failed launch and release, with the EC2 error and what to do', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.checkId} ${f.resourceId} ${f.severity}`).sort()).toEqual([
      `core-instances.allocation-failed ${INSTANCE.silentFailed} warning`,
      `core-instances.allocation-failed ${INSTANCE.vcpuFailed} warning`,
      `core-instances.release-failed ${INSTANCE.releaseFailed} warning`,
    ]);
    const detail = (id: string) => String(result.findings.find((f) => f.resourceId === id)?.detail);
    expect(detail(INSTANCE.vcpuFailed)).toMatch(/^EC2 VcpuLimitExceeded \(Client\) → .*Service Quotas/);
    expect(detail(INSTANCE.vcpuFailed)).toContain('EC2: You have requested more vCPU capacity');
    expect(detail(INSTANCE.releaseFailed)).toContain('EC2 instance i-0bbbbbbbbbbbbbbbb was not terminated');
    expect(detail(INSTANCE.releaseFailed)).toContain('DisableApiTermination');
    expect(detail(INSTANCE.silentFailed)).toBe('GetWorkspaceInstance returned no error details.');
  });

  it('lists only the failed states, and reads details for those instances alone', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(host.simulator.countsByAction()).toEqual({
      'workspaces-instances:ListWorkspaceInstances': 2,
      'workspaces-instances:GetWorkspaceInstance': 3,
    });
  });

  it('an instance deleted between the list and its read is skipped, not an error', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: smallEstate(),
      simulator: {
        faults: [
          {
            service: 'workspaces-instances',
            operation: 'GetWorkspaceInstance',
            code: 'ResourceNotFoundException',
            httpStatusCode: 404,
            times: 1,
          },
        ],
      },
    });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.errors).toEqual([]);
    expect(result.findings).toHaveLength(2);
  });

  it('a denied detail read is the contributor’s error, naming the action', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: smallEstate(),
      simulator: {
        faults: [
          {
            service: 'workspaces-instances',
            operation: 'GetWorkspaceInstance',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        contributor: 'core-instances.provisioning',
        region: REGION,
        code: 'AccessDeniedException',
      }),
    ]);
    expect(result.errors[0]?.message).toContain('workspaces-instances:GetWorkspaceInstance');
  });

  it('in a generated estate, every failed instance is found and each names an EC2 error', async () => {
    const estate = generateEstate({ seed: 8, desktops: 0, managedInstances: 200, regions: ['us-east-1'] });
    const failed = estate.coreInstances.instances
      .filter((i) => i.provisionState === 'ERROR_ALLOCATING' || i.provisionState === 'ERROR_DEALLOCATING')
      .map((i) => i.workspaceInstanceId)
      .sort();
    expect(failed.length).toBeGreaterThan(2);
    const host = await createTestHost({ ...withPlugin, estate });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.findings.map((f) => f.resourceId).sort()).toEqual(failed);
    for (const f of result.findings)
      expect(f.detail).toMatch(/^(EC2 instance i-\w+ was not terminated\. )?EC2 \w+/);
    expect(host.simulator.countsByAction()['workspaces-instances:GetWorkspaceInstance']).toBe(failed.length);
  });
});
