/**
 * The findings and idle entries this plugin raises from ListWorkspaceInstances and
 * GetWorkspaceInstance. The workspaces-instances API exposes no security setting (no encryption,
 * network or access field is returned by either call), so there is no security check here; its
 * findings are the provisioning failures an admin has to clean up.
 */
import type { GetWorkspaceInstanceResponse, WorkspaceInstance } from '@aws-sdk/client-workspaces-instances';
import {
  type CheckDescriptor,
  defineChecks,
  type Finding,
  type IdleResource,
} from '@workspaces-euc-mcp/host';
import { describeEc2Error } from './provisioning.js';

/** The checks this plugin's findings contributor raises, with stable ids. */
export const CORE_CHECKS = [
  {
    id: 'core-instances.allocation-failed',
    title: 'Managed instance failed to launch (ERROR_ALLOCATING)',
    severity: 'warning',
    why: 'The desktop it was created for does not exist: its user has nothing to connect to, and the failed record stays listed.',
    fix: 'Fix the cause the EC2 error names, then delete the failed instance (DeleteWorkspaceInstance) and create it again.',
  },
  {
    id: 'core-instances.release-failed',
    title: 'Managed instance failed to release its EC2 instance (ERROR_DEALLOCATING)',
    severity: 'warning',
    why: 'The deletion stopped half-way: the EC2 instance behind it may still exist, unmanaged, with its disks and charges.',
    fix: 'Fix the cause the EC2 error names (often termination protection), delete the instance again, and check in EC2 that the instance is terminated.',
  },
] as const satisfies readonly CheckDescriptor[];

type CoreCheckId = (typeof CORE_CHECKS)[number]['id'];

const { finding } = defineChecks(CORE_CHECKS);

function errorDetail(instance: GetWorkspaceInstanceResponse): string {
  const lines = [
    ...(instance.EC2InstanceErrors ?? []).map(describeEc2Error),
    ...(instance.WorkspaceInstanceErrors ?? []).map(
      (e) => `WorkSpaces ${e.ErrorCode ?? 'error'}: ${e.ErrorMessage ?? 'no message'}`,
    ),
  ];
  return lines.length > 0 ? lines.join(' | ') : 'GetWorkspaceInstance returned no error details.';
}

/** The finding for one failed instance, from GetWorkspaceInstance; none for other states. */
export function failureFinding(instance: GetWorkspaceInstanceResponse): Finding[] {
  const checkId: CoreCheckId | undefined =
    instance.ProvisionState === 'ERROR_ALLOCATING'
      ? 'core-instances.allocation-failed'
      : instance.ProvisionState === 'ERROR_DEALLOCATING'
        ? 'core-instances.release-failed'
        : undefined;
  if (!checkId) return [];
  const ec2 = instance.EC2ManagedInstance?.InstanceId;
  const still =
    checkId === 'core-instances.release-failed' && ec2 ? `EC2 instance ${ec2} was not terminated. ` : '';
  return [
    finding(
      checkId,
      instance.WorkspaceInstanceId ?? '',
      'Managed instance',
      `${still}${errorDetail(instance)}`,
    ),
  ];
}

/**
 * A released-but-not-terminated instance as idle spend. ERROR_DEALLOCATING with an EC2 instance id
 * means WorkSpaces let go of the desktop while EC2 kept the instance: nobody uses it, and EC2 bills
 * it (compute while it runs, its EBS volumes while they exist). How long it has been so is unknown:
 * the API returns no timestamps, so idleDays is null and the reason says why.
 */
export function releaseFailedIdle(instance: WorkspaceInstance): IdleResource[] {
  const ec2 = instance.EC2ManagedInstance?.InstanceId;
  if (instance.ProvisionState !== 'ERROR_DEALLOCATING' || !ec2) return [];
  return [
    {
      id: instance.WorkspaceInstanceId ?? '',
      resourceType: 'Managed instance',
      idleDays: null,
      usageSignal: 'none',
      reason: `Deletion failed (ERROR_DEALLOCATING): EC2 instance ${ec2} was not terminated, so it serves no desktop yet EC2 still bills it (compute while running, EBS while its volumes exist). Idle days unknown: the workspaces-instances API reports no timestamps. Fix the EC2 error (GetWorkspaceInstance shows it) and delete the instance again.`,
    },
  ];
}
