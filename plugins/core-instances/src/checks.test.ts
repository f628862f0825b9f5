import { describe, expect, it } from 'vitest';
import { CORE_CHECKS, failureFinding, releaseFailedIdle } from './checks.js';

describe('failure findings', () => {
  it('a failed launch is an allocation finding with the EC2 error and what to do', () => {
    expect(
      failureFinding({
        WorkspaceInstanceId: 'wsinst-failvcpu1',
        ProvisionState: 'ERROR_ALLOCATING',
        EC2InstanceErrors: [{ EC2ErrorCode: 'VcpuLimitExceeded', EC2ExceptionType: 'Client' }],
        WorkspaceInstanceErrors: [{ ErrorCode: 'LaunchFailed', ErrorMessage: 'Could not launch.' }],
      }),
    ).toEqual([
      {
        checkId: 'core-instances.allocation-failed',
        resourceId: 'wsinst-failvcpu1',
        resourceType: 'Managed instance',
        detail:
          'EC2 VcpuLimitExceeded (Client) → The account reached its On-Demand vCPU quota for this instance family: request a higher quota in Service Quotas or use a smaller type. | WorkSpaces LaunchFailed: Could not launch.',
      },
    ]);
  });

  it('a failed release names the EC2 instance that survived', () => {
    const [finding] = failureFinding({
      WorkspaceInstanceId: 'wsinst-failrel01',
      ProvisionState: 'ERROR_DEALLOCATING',
      EC2ManagedInstance: { InstanceId: 'i-0bbbbbbbbbbbbbbbb' },
      EC2InstanceErrors: [{ EC2ErrorCode: 'OperationNotPermitted' }],
    });
    expect(finding?.checkId).toBe('core-instances.release-failed');
    expect(finding?.detail).toMatch(
      /^EC2 instance i-0bbbbbbbbbbbbbbbb was not terminated\. EC2 OperationNotPermitted →/,
    );
  });

  it('says so when AWS gave no detail, and raises nothing for healthy states', () => {
    expect(
      failureFinding({ WorkspaceInstanceId: 'wsinst-x1234567', ProvisionState: 'ERROR_ALLOCATING' })[0]
        ?.detail,
    ).toBe('GetWorkspaceInstance returned no error details.');
    for (const state of ['ALLOCATED', 'ALLOCATING', 'DEALLOCATING', 'DEALLOCATED'] as const)
      expect(failureFinding({ WorkspaceInstanceId: 'wsinst-x1234567', ProvisionState: state })).toEqual([]);
  });

  it('every check id is stable, namespaced and unique', () => {
    const ids = CORE_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^core-instances\.[a-z-]+$/);
  });
});

describe('idle: released but not terminated', () => {
  it('an ERROR_DEALLOCATING instance that still has its EC2 instance is idle spend of unknown age', () => {
    const [idle] = releaseFailedIdle({
      WorkspaceInstanceId: 'wsinst-failrel01',
      ProvisionState: 'ERROR_DEALLOCATING',
      EC2ManagedInstance: { InstanceId: 'i-0bbbbbbbbbbbbbbbb' },
    });
    expect(idle).toMatchObject({ id: 'wsinst-failrel01', resourceType: 'Managed instance', idleDays: null });
    expect(idle?.reason).toContain('EC2 instance i-0bbbbbbbbbbbbbbbb was not terminated');
    expect(idle?.reason).toContain('Idle days unknown');
    expect(idle).not.toHaveProperty('monthlyCostUsd');
  });

  it('no EC2 instance left, or any other state, is not idle spend', () => {
    expect(
      releaseFailedIdle({ WorkspaceInstanceId: 'wsinst-a1234567', ProvisionState: 'ERROR_DEALLOCATING' }),
    ).toEqual([]);
    expect(
      releaseFailedIdle({
        WorkspaceInstanceId: 'wsinst-a1234567',
        ProvisionState: 'ALLOCATED',
        EC2ManagedInstance: { InstanceId: 'i-0aaaaaaaaaaaaaaa1' },
      }),
    ).toEqual([]);
  });
});
