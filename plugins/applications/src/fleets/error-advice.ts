import type { FleetErrorCode } from '@aws-sdk/client-appstream';

/** What a fleet error code means and what to do about it. */
export interface FleetErrorAdvice {
  readonly cause: string;
  readonly fix: string;
  /**
   * `aws`: from AWS's "Troubleshooting Notification Codes" page (the AD codes). `inferred`: AWS
   * publishes no fix text for the code, so the hint is ours, read from the code's name.
   */
  readonly source: 'aws' | 'inferred';
}

const roleMissingAction = (action: string): FleetErrorAdvice => ({
  cause: `The AppStream service role (AmazonAppStreamServiceAccess) lacks ${action}.`,
  fix: `Restore the AWS managed policy on the AmazonAppStreamServiceAccess role (it grants ${action}), then restart the fleet.`,
  source: 'inferred',
});

const support: FleetErrorAdvice = {
  cause: 'A domain-join failure AWS does not explain further.',
  fix: 'Contact AWS Support with the fleet name and the error message.',
  source: 'aws',
};

const badOu: FleetErrorAdvice = {
  cause: 'The organizational unit in the Directory Config is wrong or unreadable.',
  fix: 'Check the OU distinguished name in the Directory Config (it must start with "OU=") and that it exists.',
  source: 'aws',
};

/**
 * Cause → fix for every FleetErrorCode of SDK 3.1112.0 (31 values), after the table in
 * euc-admin-anchors §6.1. A Record over the SDK union, so a new code fails to compile here.
 */
export const FLEET_ERROR_ADVICE: Readonly<Record<FleetErrorCode, FleetErrorAdvice>> = {
  IAM_SERVICE_ROLE_IS_MISSING: {
    cause: 'The AppStream service role (AmazonAppStreamServiceAccess) was deleted.',
    fix: 'Recreate the AmazonAppStreamServiceAccess role (the console recreates it when you create a fleet), then restart the fleet.',
    source: 'inferred',
  },
  IAM_SERVICE_ROLE_MISSING_ENI_DESCRIBE_ACTION: roleMissingAction('ec2:DescribeNetworkInterfaces'),
  IAM_SERVICE_ROLE_MISSING_ENI_CREATE_ACTION: roleMissingAction('ec2:CreateNetworkInterface'),
  IAM_SERVICE_ROLE_MISSING_ENI_DELETE_ACTION: roleMissingAction('ec2:DeleteNetworkInterface'),
  IAM_SERVICE_ROLE_MISSING_DESCRIBE_SUBNET_ACTION: roleMissingAction('ec2:DescribeSubnets'),
  IAM_SERVICE_ROLE_MISSING_DESCRIBE_SECURITY_GROUPS_ACTION: roleMissingAction('ec2:DescribeSecurityGroups'),
  MACHINE_ROLE_IS_MISSING: {
    cause: "The IAM role the fleet's instances assume no longer exists.",
    fix: 'Recreate the role or point the fleet at an existing one (UpdateFleet IamRoleArn).',
    source: 'inferred',
  },
  STS_DISABLED_IN_REGION: {
    cause: 'AWS STS is deactivated for this region, so instances cannot get role credentials.',
    fix: 'Activate STS for the region (IAM console → Account settings → STS endpoints).',
    source: 'inferred',
  },
  NETWORK_INTERFACE_LIMIT_EXCEEDED: {
    cause: 'The account reached its elastic network interface quota in the region; each instance needs one.',
    fix: 'Request a higher "Network interfaces per Region" quota in Service Quotas, or delete unused ENIs.',
    source: 'inferred',
  },
  SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES: {
    cause: "The fleet's subnets have no free IP addresses left for new streaming instances.",
    fix: 'Add subnets with free addresses to the fleet (or free addresses in the current ones), then let it scale.',
    source: 'inferred',
  },
  SUBNET_NOT_FOUND: {
    cause: 'A subnet in the fleet configuration was deleted.',
    fix: 'Update the fleet VPC configuration to existing subnets.',
    source: 'inferred',
  },
  INVALID_SUBNET_CONFIGURATION: {
    cause:
      'The subnet configuration is invalid for this fleet (e.g. subnets in unsupported AZs or another VPC).',
    fix: 'Choose subnets of one VPC in availability zones that support the instance type.',
    source: 'inferred',
  },
  SECURITY_GROUPS_NOT_FOUND: {
    cause: 'A security group in the fleet configuration was deleted.',
    fix: 'Update the fleet VPC configuration to existing security groups.',
    source: 'inferred',
  },
  IGW_NOT_ATTACHED: {
    cause: 'Default internet access is on but the VPC has no internet gateway.',
    fix: 'Attach an internet gateway to the VPC, or turn default internet access off and route through a NAT gateway.',
    source: 'inferred',
  },
  IMAGE_NOT_FOUND: {
    cause: "The fleet's image was deleted or is no longer shared with this account.",
    fix: 'Point the fleet at an available image (UpdateFleet ImageName); instances cannot be replaced until then.',
    source: 'inferred',
  },
  FLEET_STOPPED: {
    cause: 'The fleet is stopped.',
    fix: 'Start the fleet if users need it.',
    source: 'inferred',
  },
  FLEET_INSTANCE_PROVISIONING_FAILURE: {
    cause: 'AppStream could not launch streaming instances.',
    fix: 'Check the instance-type quota and the free IPs in the subnets; otherwise contact AWS Support.',
    source: 'inferred',
  },
  INTERNAL_SERVICE_ERROR: {
    cause:
      'An AppStream internal error; on domain-joined fleets, "user name or password is incorrect" means the computer object was deleted or disabled.',
    fix: 'For the domain case, re-enable or reset the computer object and restart the fleet; otherwise contact AWS Support.',
    source: 'aws',
  },
  VALIDATION_ERROR: {
    cause: 'The fleet configuration failed validation.',
    fix: 'Read the error message for the field at fault and correct it with UpdateFleet.',
    source: 'inferred',
  },
  DOMAIN_JOIN_ERROR_ACCESS_DENIED: {
    cause: 'The Directory Config service account cannot create computer objects in the OU.',
    fix: 'Grant the service account "Create computer objects" (and delete) on the OU.',
    source: 'aws',
  },
  DOMAIN_JOIN_ERROR_DS_MACHINE_ACCOUNT_QUOTA_EXCEEDED: {
    cause: 'The Directory Config service account reached its quota of computer accounts it may create.',
    fix: 'Grant the service account rights to create computer objects in the OU (not just the default 10 joins).',
    source: 'aws',
  },
  DOMAIN_JOIN_ERROR_LOGON_FAILURE: {
    cause: 'The Directory Config service account credentials are wrong.',
    fix: 'Update the credentials in the Directory Config, then re-create the fleet.',
    source: 'aws',
  },
  DOMAIN_JOIN_NERR_PASSWORD_EXPIRED: {
    cause: 'The Directory Config service account password expired.',
    fix: 'Reset the password, update the Directory Config, then re-create the fleet.',
    source: 'aws',
  },
  DOMAIN_JOIN_ERROR_FILE_NOT_FOUND: badOu,
  DOMAIN_JOIN_ERROR_INVALID_PARAMETER: badOu,
  DOMAIN_JOIN_ERROR_MORE_DATA: badOu,
  DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN: {
    cause: 'The instances cannot reach a domain controller.',
    fix: 'Check DNS and routing from the fleet subnets and security groups to the domain controllers.',
    source: 'aws',
  },
  DOMAIN_JOIN_NERR_WORKSTATION_NOT_STARTED: {
    cause: 'The Workstation service is disabled in the image.',
    fix: 'Enable the Workstation service on an image builder and create a new image.',
    source: 'aws',
  },
  DOMAIN_JOIN_INTERNAL_SERVICE_ERROR: {
    cause:
      'Missing permissions, the computer object was moved out of the OU, or the OU name contains spaces ("account already exists").',
    fix: 'Check the service account rights and the OU; for an OU with spaces, stop the fleet, change the OU, then start it.',
    source: 'aws',
  },
  DOMAIN_JOIN_ERROR_NOT_SUPPORTED: support,
  DOMAIN_JOIN_NERR_INVALID_WORKGROUP_NAME: support,
};

function isKnownCode(code: string): code is FleetErrorCode {
  return Object.hasOwn(FLEET_ERROR_ADVICE, code);
}

/** The advice for a fleet error code, or a generic one for a code newer than this table. */
export function fleetErrorAdvice(code: string): FleetErrorAdvice {
  if (isKnownCode(code)) return FLEET_ERROR_ADVICE[code];
  return {
    cause: `A fleet error code this server does not know (${code}).`,
    fix: 'Read the error message; if it is not actionable, contact AWS Support.',
    source: 'inferred',
  };
}

/** One line for a finding: the code, AWS's message, then cause → fix, marked when inferred. */
export function describeFleetError(code: string, message: string | undefined): string {
  const advice = fleetErrorAdvice(code);
  const hint =
    advice.source === 'inferred' ? ' (hint inferred from the code name; AWS publishes no fix)' : '';
  return `${code}${message ? `: ${message}` : ''} Cause: ${advice.cause} Fix: ${advice.fix}${hint}`;
}
