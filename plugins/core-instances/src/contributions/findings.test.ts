import { type CollectedFindings, generateEstate } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { INSTANCE, REGION, smallEstate } from '../__tests__/estate.js';
import { call, coreHost } from '../__tests__/host.js';

describe('core managed instances findings contributor', () => {
  it('raises a finding for each failed launch and release, with the EC2 error and what to do', async () => {
    const { host } = await coreHost(smallEstate());
    const result = await call<CollectedFindings>(host, 'collect_test_findings', {});
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
    const { host, simulator } = await coreHost(smallEstate());
    await call<CollectedFindings>(host, 'collect_test_findings', {});
    expect(simulator.countsByAction()).toEqual({
      'workspaces-instances:ListWorkspaceInstances': 2,
      'workspaces-instances:GetWorkspaceInstance': 3,
    });
  });

  it('an instance deleted between the list and its read is skipped, not an error', async () => {
    const { host } = await coreHost(smallEstate(), {
      faults: [
        {
          service: 'workspaces-instances',
          operation: 'GetWorkspaceInstance',
          code: 'ResourceNotFoundException',
          httpStatusCode: 404,
          times: 1,
        },
      ],
    });
    const result = await call<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.errors).toEqual([]);
    expect(result.findings).toHaveLength(2);
  });

  it('a denied detail read is the contributor’s error, naming the action', async () => {
    const { host } = await coreHost(smallEstate(), {
      faults: [
        { service: 'workspaces-instances', operation: 'GetWorkspaceInstance', code: 'AccessDeniedException' },
      ],
    });
    const result = await call<CollectedFindings>(host, 'collect_test_findings', {});
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
    const { host, simulator } = await coreHost(estate);
    const result = await call<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.findings.map((f) => f.resourceId).sort()).toEqual(failed);
    for (const f of result.findings)
      expect(f.detail).toMatch(/^(EC2 instance i-\w+ was not terminated\. )?EC2 \w+/);
    expect(simulator.countsByAction()['workspaces-instances:GetWorkspaceInstance']).toBe(failed.length);
  });
});
