/**
 * What each `WorkspacesPoolErrorCode` (40 values, @aws-sdk/client-workspaces 3.1048.0) means and
 * what an admin can do about it. AWS publishes no cause or fix text for Pools error codes. The
 * Active Directory codes are shared with WorkSpaces Applications (AppStream 2.0) fleets, whose
 * "Troubleshooting notification codes" page does explain them; those hints follow that guidance,
 * adapted to Pools (which keep the service-account credentials in a Secrets Manager secret, not in
 * a Directory Config). Every other hint is ours, inferred from the code name, and says so.
 */
import type { WorkspacesPoolErrorCode } from '@aws-sdk/client-workspaces';

/** The family of a pool error; each family is one findings check. */
export type PoolErrorCategory =
  | 'domain-join-secret'
  | 'domain-join'
  | 'iam'
  | 'network'
  | 'configuration'
  | 'service';

/** Where a hint comes from. */
export type HintBasis = 'appstream-guidance' | 'inferred';

/** The explanation of one error code. */
export interface PoolErrorHint {
  readonly category: PoolErrorCategory;
  readonly cause: string;
  readonly fix: string;
  readonly basis: HintBasis;
}

const inferred = (category: PoolErrorCategory, cause: string, fix: string): PoolErrorHint => ({
  category,
  cause,
  fix,
  basis: 'inferred',
});
const appstream = (category: PoolErrorCategory, cause: string, fix: string): PoolErrorHint => ({
  category,
  cause,
  fix,
  basis: 'appstream-guidance',
});

const SECRET = "the directory's domain-join secret (ActiveDirectoryConfig.ServiceAccountSecretArn)";
const SERVICE_ROLE_FIX =
  'Attach AmazonWorkSpacesServiceAccess to workspaces_DefaultRole (it grants this action), or add the action.';

/** Every code the SDK knows; the Record type makes a new SDK code a compile error until it is explained. */
export const POOL_ERROR_HINTS: Readonly<Record<WorkspacesPoolErrorCode, PoolErrorHint>> = {
  DOMAIN_JOIN_ERROR_SECRET_ACTION_PERMISSION_IS_MISSING: inferred(
    'domain-join-secret',
    `WorkSpaces may not read ${SECRET}.`,
    'Allow WorkSpaces secretsmanager:GetSecretValue on the secret (its resource policy or the service role), then stop and start the pool.',
  ),
  DOMAIN_JOIN_ERROR_SECRET_DECRYPTION_FAILURE: inferred(
    'domain-join-secret',
    `The KMS key of ${SECRET} cannot be used: disabled, pending deletion, or its key policy denies WorkSpaces.`,
    'Enable the key and allow WorkSpaces kms:Decrypt in its key policy, or re-encrypt the secret with a usable key.',
  ),
  DOMAIN_JOIN_ERROR_SECRET_STATE_INVALID: inferred(
    'domain-join-secret',
    `${SECRET} is not usable, typically because it is scheduled for deletion.`,
    'Restore the secret (RestoreSecret) or point the directory at a valid secret.',
  ),
  DOMAIN_JOIN_ERROR_SECRET_NOT_FOUND: inferred(
    'domain-join-secret',
    `${SECRET} does not exist (deleted, or a wrong ARN or Region).`,
    "Create the secret with the service account's credentials and set its ARN in the directory's ActiveDirectoryConfig.",
  ),
  DOMAIN_JOIN_ERROR_SECRET_VALUE_KEY_NOT_FOUND: inferred(
    'domain-join-secret',
    `${SECRET} lacks the user name or password key the domain join reads.`,
    'Store the service account user name and password under the key names the WorkSpaces Pools admin guide gives.',
  ),
  DOMAIN_JOIN_ERROR_SECRET_INVALID: inferred(
    'domain-join-secret',
    `The content of ${SECRET} is malformed, or the domain rejects the credentials in it.`,
    'Check the service account in Active Directory and put its current user name and password in the secret.',
  ),
  DOMAIN_JOIN_ERROR_ACCESS_DENIED: appstream(
    'domain-join',
    'The service account may not create or join computer objects in the OU.',
    'Delegate create/delete computer-object rights on the OU to the service account.',
  ),
  DOMAIN_JOIN_ERROR_DS_MACHINE_ACCOUNT_QUOTA_EXCEEDED: appstream(
    'domain-join',
    'The service account reached its computer-join quota or cannot reuse existing computer objects.',
    'Delegate computer-object rights on the OU to the service account (delegated joins are not counted against the quota).',
  ),
  DOMAIN_JOIN_ERROR_LOGON_FAILURE: appstream(
    'domain-join',
    'The service account user name or password is wrong.',
    'Put the correct credentials in the domain-join secret, then stop and start the pool.',
  ),
  DOMAIN_JOIN_NERR_PASSWORD_EXPIRED: appstream(
    'domain-join',
    "The service account's password has expired.",
    'Reset the password in Active Directory, update the domain-join secret, then stop and start the pool.',
  ),
  DOMAIN_JOIN_ERROR_FILE_NOT_FOUND: appstream(
    'domain-join',
    'The OU distinguished name is wrong or the OU does not exist.',
    "Set the directory's default OU to an existing OU distinguished name (it starts with OU=).",
  ),
  DOMAIN_JOIN_ERROR_INVALID_PARAMETER: appstream(
    'domain-join',
    'A domain-join parameter is invalid, most often the OU distinguished name.',
    "Set the directory's default OU to a valid OU distinguished name (it starts with OU=).",
  ),
  DOMAIN_JOIN_ERROR_MORE_DATA: appstream(
    'domain-join',
    'The domain join could not use the OU distinguished name it was given.',
    "Check the directory's default OU distinguished name (it starts with OU=).",
  ),
  DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN: appstream(
    'domain-join',
    "Pool instances cannot reach the domain controllers or resolve the domain's DNS name.",
    "Check DNS, routes and security groups from the directory's subnets to the domain controllers.",
  ),
  DOMAIN_JOIN_NERR_WORKSTATION_NOT_STARTED: appstream(
    'domain-join',
    'The Windows Workstation service is disabled in the image.',
    'Enable the Workstation service in the custom image, rebuild the bundle and update the pool.',
  ),
  DOMAIN_JOIN_INTERNAL_SERVICE_ERROR: appstream(
    'domain-join',
    'The join failed inside the service: missing rights, a computer object moved out of the OU, or an OU name with spaces.',
    'Check the rights on the OU, move the computer object back, or use an OU without spaces; then restart the pool.',
  ),
  DOMAIN_JOIN_ERROR_NOT_SUPPORTED: appstream(
    'domain-join',
    'The domain refused the join as unsupported.',
    'Contact AWS Support with the pool id.',
  ),
  DOMAIN_JOIN_NERR_INVALID_WORKGROUP_NAME: appstream(
    'domain-join',
    'The domain join was given an invalid workgroup (NetBIOS) name.',
    'Contact AWS Support with the pool id.',
  ),
  IAM_SERVICE_ROLE_IS_MISSING: inferred(
    'iam',
    'The workspaces_DefaultRole IAM role does not exist.',
    'Re-create workspaces_DefaultRole with AmazonWorkSpacesServiceAccess and AmazonWorkSpacesSelfServiceAccess attached.',
  ),
  IAM_SERVICE_ROLE_MISSING_ENI_CREATE_ACTION: inferred(
    'iam',
    'workspaces_DefaultRole may not call ec2:CreateNetworkInterface.',
    SERVICE_ROLE_FIX,
  ),
  IAM_SERVICE_ROLE_MISSING_ENI_DELETE_ACTION: inferred(
    'iam',
    'workspaces_DefaultRole may not call ec2:DeleteNetworkInterface.',
    SERVICE_ROLE_FIX,
  ),
  IAM_SERVICE_ROLE_MISSING_ENI_DESCRIBE_ACTION: inferred(
    'iam',
    'workspaces_DefaultRole may not call ec2:DescribeNetworkInterfaces.',
    SERVICE_ROLE_FIX,
  ),
  IAM_SERVICE_ROLE_MISSING_DESCRIBE_SUBNET_ACTION: inferred(
    'iam',
    'workspaces_DefaultRole may not call ec2:DescribeSubnets.',
    SERVICE_ROLE_FIX,
  ),
  IAM_SERVICE_ROLE_MISSING_DESCRIBE_SECURITY_GROUPS_ACTION: inferred(
    'iam',
    'workspaces_DefaultRole may not call ec2:DescribeSecurityGroups.',
    SERVICE_ROLE_FIX,
  ),
  MACHINE_ROLE_IS_MISSING: inferred(
    'iam',
    'The IAM role the pool instances assume does not exist.',
    'Re-create the instance role the pool was set up with; if none was configured, contact AWS Support.',
  ),
  STS_DISABLED_IN_REGION: inferred(
    'iam',
    'The AWS STS regional endpoint is deactivated for this Region, so roles cannot be assumed here.',
    'Activate STS for this Region in the IAM account settings.',
  ),
  INSUFFICIENT_PERMISSIONS_ERROR: inferred(
    'iam',
    'WorkSpaces was denied a permission it needs; the code does not say which.',
    'Look for the denied call in CloudTrail; check workspaces_DefaultRole, SCPs and permission boundaries.',
  ),
  NETWORK_INTERFACE_LIMIT_EXCEEDED: inferred(
    'network',
    'The account reached its network-interface quota in this Region.',
    'Request a higher "Network interfaces per Region" quota (Amazon VPC) or delete unused ENIs.',
  ),
  SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES: inferred(
    'network',
    "The directory's subnets lack free IP addresses for the desired sessions.",
    'Free addresses or register the directory with larger subnets; ec2:DescribeSubnets shows the free count.',
  ),
  SUBNET_NOT_FOUND: inferred(
    'network',
    "A subnet of the pool's directory no longer exists.",
    'Register the directory with existing subnets.',
  ),
  INVALID_SUBNET_CONFIGURATION: inferred(
    'network',
    "The directory's subnets cannot be used (e.g. unsupported Availability Zones or another VPC).",
    'Use subnets of the directory VPC in Availability Zones WorkSpaces supports.',
  ),
  SECURITY_GROUPS_NOT_FOUND: inferred(
    'network',
    "A security group set for the pool's directory no longer exists.",
    'Set an existing security group on the directory.',
  ),
  IGW_NOT_ATTACHED: inferred(
    'network',
    'Internet access is on but the VPC has no internet gateway.',
    "Attach an internet gateway (or route through NAT) or turn off the directory's internet access.",
  ),
  BUNDLE_NOT_FOUND: inferred(
    'configuration',
    "The pool's bundle no longer exists.",
    'Point the pool at an available Windows Server bundle (UpdateWorkspacesPool BundleId).',
  ),
  IMAGE_NOT_FOUND: inferred(
    'configuration',
    "The image behind the pool's bundle was deleted or is no longer shared.",
    'Re-create the custom bundle from an available image, or choose another bundle.',
  ),
  DIRECTORY_NOT_FOUND: inferred(
    'configuration',
    "The pool's directory was deregistered or deleted.",
    'Register a directory for Pools and set it on the pool (UpdateWorkspacesPool DirectoryId).',
  ),
  DEFAULT_OU_IS_MISSING: inferred(
    'configuration',
    'The directory names no default OU for computer objects, or the OU is gone.',
    "Set an existing OU as the directory's default OU (WorkSpace creation properties).",
  ),
  INTERNAL_SERVICE_ERROR: inferred(
    'service',
    'An error inside WorkSpaces.',
    'Stop and start the pool; if it persists, contact AWS Support with the pool id.',
  ),
  WORKSPACES_POOL_INSTANCE_PROVISIONING_FAILURE: inferred(
    'service',
    'Pool instances failed to launch.',
    'Check the WorkSpaces quotas and the Pools capacity for the bundle in this Region, then retry; else AWS Support.',
  ),
  WORKSPACES_POOL_STOPPED: inferred(
    'service',
    'The pool is stopped, so it has no capacity.',
    'Start the pool if users need it.',
  ),
};

/** The explanation of a code the SDK does not know yet (a newer service release). */
const UNKNOWN_HINT: PoolErrorHint = inferred(
  'service',
  'An error code this server does not recognise.',
  'Read the error message; if it is unclear, contact AWS Support with the pool id.',
);

/** The hint for any code string the API returns. */
export function poolErrorHint(code: string | undefined): PoolErrorHint {
  return (code && (POOL_ERROR_HINTS as Readonly<Record<string, PoolErrorHint>>)[code]) || UNKNOWN_HINT;
}

/** How a hint is labelled in a finding, so no inferred advice passes for AWS's. */
export function basisLabel(basis: HintBasis): string {
  switch (basis) {
    case 'appstream-guidance':
      return "after AWS's AppStream 2.0 guidance for the same code";
    case 'inferred':
      return 'inferred from the code name; AWS publishes no fix text';
  }
}

/** One line for a finding: code, fix, where the fix comes from, cause, then AWS's own message. */
export function describePoolError(code: string | undefined, message: string | undefined): string {
  const hint = poolErrorHint(code);
  const aws = message ? ` AWS: ${message}` : '';
  return `${code ?? 'UNKNOWN'} → ${hint.fix} (${basisLabel(hint.basis)}). Cause: ${hint.cause}${aws}`;
}
