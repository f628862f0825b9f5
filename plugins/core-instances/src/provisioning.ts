/**
 * WorkSpaces Core managed instances: what a ProvisionState means for the admin, and what to do
 * about the EC2 errors GetWorkspaceInstance reports. The EC2 error codes and their meanings are
 * EC2's (EC2 API reference, "Error codes for the Amazon EC2 API"); the advice is ours.
 */
import type { EC2InstanceError, ProvisionStateEnum } from '@aws-sdk/client-workspaces-instances';

/** Where an instance is in its life, in words an admin reads. */
export type Phase =
  | 'in-service'
  | 'provisioning'
  | 'releasing'
  | 'released'
  | 'allocation-failed'
  | 'release-failed'
  | 'unknown';

export function phaseOf(state: ProvisionStateEnum | undefined): Phase {
  switch (state) {
    case 'ALLOCATED':
      return 'in-service';
    case 'ALLOCATING':
      return 'provisioning';
    case 'DEALLOCATING':
      return 'releasing';
    case 'DEALLOCATED':
      return 'released';
    case 'ERROR_ALLOCATING':
      return 'allocation-failed';
    case 'ERROR_DEALLOCATING':
      return 'release-failed';
    case undefined:
      return 'unknown';
  }
}

/** The failed states, which only GetWorkspaceInstance explains (its error lists). */
export const FAILED_STATES: readonly ProvisionStateEnum[] = ['ERROR_ALLOCATING', 'ERROR_DEALLOCATING'];

const EC2_ADVICE: Readonly<Record<string, string>> = {
  InsufficientInstanceCapacity:
    'EC2 has no spare capacity of this type in that Availability Zone: retry later, or use a subnet in another zone or another instance type.',
  VcpuLimitExceeded:
    'The account reached its On-Demand vCPU quota for this instance family: request a higher quota in Service Quotas or use a smaller type.',
  InstanceLimitExceeded:
    'The account reached its instance quota for this type: request a higher quota in Service Quotas.',
  InsufficientFreeAddressesInSubnet:
    'The subnet has no free IP address: free addresses or use another subnet.',
  'InvalidSubnetID.NotFound': 'The subnet no longer exists: create the instance in an existing subnet.',
  Unsupported: 'The instance type is not offered in that Availability Zone: use another zone or type.',
  UnauthorizedOperation:
    'The identity that launched it may not call an EC2 action: check its IAM policies, SCPs and permission boundaries.',
  OperationNotPermitted:
    'EC2 refused to terminate the instance, typically because termination protection is on: turn off DisableApiTermination, then delete again.',
};

/** What to do about one EC2 error; a code without advice points at EC2's error reference. */
export function ec2Advice(error: EC2InstanceError): string {
  const code = error.EC2ErrorCode ?? '';
  return EC2_ADVICE[code] ?? `See "${code || 'unknown'}" in the EC2 API error code reference.`;
}

/** One line per EC2 error: code and type, advice, then EC2's own message. */
export function describeEc2Error(error: EC2InstanceError): string {
  const type = error.EC2ExceptionType ? ` (${error.EC2ExceptionType})` : '';
  const message = error.EC2ErrorMessage ? ` EC2: ${error.EC2ErrorMessage}` : '';
  return `EC2 ${error.EC2ErrorCode ?? 'error'}${type} → ${ec2Advice(error)}${message}`;
}

/**
 * How urgently an admin should look at an instance in each state, for list order: failures to
 * clean up first, then work in progress, then the instances in service, then the released ones.
 */
export function attentionRank(state: ProvisionStateEnum | undefined): number {
  switch (state) {
    case 'ERROR_DEALLOCATING':
      return 0;
    case 'ERROR_ALLOCATING':
      return 1;
    case 'ALLOCATING':
      return 2;
    case 'DEALLOCATING':
      return 3;
    case 'ALLOCATED':
      return 4;
    case 'DEALLOCATED':
      return 5;
    case undefined:
      return 6;
  }
}

/**
 * What EC2 says against what WorkSpaces says, when they disagree. The workspaces-instances API
 * keeps listing an instance ALLOCATED with its EC2 id even when the EC2 instance was stopped or
 * terminated outside WorkSpaces; only EC2 can tell (`ec2State` undefined: EC2 does not know the id).
 */
export function ec2Disagreement(
  state: ProvisionStateEnum | undefined,
  ec2InstanceId: string | undefined,
  ec2State: string | undefined,
): string | undefined {
  if (state !== 'ALLOCATED' || !ec2InstanceId) return undefined;
  if (ec2State === undefined)
    return `EC2 does not know ${ec2InstanceId}, yet WorkSpaces lists the instance ALLOCATED: it was probably terminated outside WorkSpaces. The desktop cannot work; delete the managed instance.`;
  if (ec2State === 'running' || ec2State === 'pending') return undefined;
  return `EC2 reports ${ec2InstanceId} ${ec2State} while WorkSpaces lists it ALLOCATED: the user cannot connect until it runs again${ec2State === 'stopped' ? ' (start it in EC2)' : ''}.`;
}
