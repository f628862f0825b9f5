/**
 * Who appears in the simulated CloudTrail: people signing in through IAM Identity Center
 * (assumed `AWSReservedSSO_*` roles, whose LookupEvents `Username` is the session name), an
 * automation role, a CI IAM user with long-term keys, the Application Auto Scaling service-linked
 * role, a contractor whose calls are denied, and (rarely) the root user. Shapes follow the
 * CloudTrail userIdentity element reference.
 */
import type { Rng } from '../../rng.js';

export type ActorId =
  | 'admin'
  | 'helpdesk'
  | 'secops'
  | 'optimizer'
  | 'ci'
  | 'autoscaling'
  | 'contractor'
  | 'monitoring'
  | 'root';

/** One principal as it appears in an event. */
export interface Actor {
  readonly id: ActorId;
  /** LookupEvents `Username`: the IAM user name, the role session name, or `root`. */
  readonly username: string;
  readonly accessKeyId: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  /** The userIdentity element of the record. */
  readonly identity: Record<string, unknown>;
  /** The ARN used in AccessDenied messages. */
  readonly arn: string;
}

const CONSOLE = 'AWS Internal';
const CLI = 'aws-cli/2.27.49 md/awscrt#0.26.1 ua/2.1 os/linux#6.8 md/arch#x86_64 lang/python#3.13.4';
const BOTO =
  'Boto3/1.38.36 md/Botocore#1.38.36 ua/2.1 os/linux#5.10 md/arch#x86_64 lang/python#3.12.11 exec-env/AWS_Lambda_python3.12';
const TERRAFORM =
  'APN/1.0 HashiCorp/1.0 Terraform/1.12.2 (+https://www.terraform.io) terraform-provider-aws/6.2.0';

function ssoRole(account: string, permissionSet: string, suffix: string) {
  const roleName = `AWSReservedSSO_${permissionSet}_${suffix}`;
  return {
    roleName,
    roleArn: `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/${roleName}`,
  };
}

function assumed(
  account: string,
  roleName: string,
  roleArn: string,
  session: string,
  principal: string,
  accessKeyId: string,
  extra: Record<string, unknown> = {},
): { identity: Record<string, unknown>; arn: string } {
  const arn = `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`;
  return {
    arn,
    identity: {
      type: 'AssumedRole',
      principalId: `${principal}:${session}`,
      arn,
      accountId: account,
      accessKeyId,
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: principal,
          arn: roleArn,
          accountId: account,
          userName: roleName,
        },
        attributes: { creationDate: '2026-11-01T08:00:00Z', mfaAuthenticated: 'false' },
      },
      ...extra,
    },
  };
}

/** The cast of one account: ids are stable per account so events of one person agree. */
export function actorsFor(account: string, rng: Rng): Readonly<Record<ActorId, Actor>> {
  const key = (prefix: 'ASIA' | 'AKIA') => `${prefix}${rng.alnum(16)}`;
  const principal = () => `AROA${rng.alnum(17)}`;
  const person = (id: ActorId, permissionSet: string, session: string, ip: string): Actor => {
    const role = ssoRole(account, permissionSet, rng.hex(16));
    const accessKeyId = key('ASIA');
    const { identity, arn } = assumed(
      account,
      role.roleName,
      role.roleArn,
      session,
      principal(),
      accessKeyId,
    );
    return { id, username: session, accessKeyId, sourceIPAddress: ip, userAgent: CONSOLE, identity, arn };
  };
  const role = (
    id: ActorId,
    roleName: string,
    session: string,
    ip: string,
    agent: string,
    extra: Record<string, unknown> = {},
    path = '',
  ): Actor => {
    const accessKeyId = key('ASIA');
    const roleArn = `arn:aws:iam::${account}:role/${path}${roleName}`;
    const made = assumed(account, roleName, roleArn, session, principal(), accessKeyId, extra);
    return { id, username: session, accessKeyId, sourceIPAddress: ip, userAgent: agent, ...made };
  };
  const user = (id: ActorId, userName: string, ip: string, agent: string): Actor => {
    const accessKeyId = key('AKIA');
    const arn = `arn:aws:iam::${account}:user/${userName}`;
    return {
      id,
      username: userName,
      accessKeyId,
      sourceIPAddress: ip,
      userAgent: agent,
      arn,
      identity: {
        type: 'IAMUser',
        principalId: `AIDA${rng.alnum(17)}`,
        arn,
        accountId: account,
        accessKeyId,
        userName,
      },
    };
  };
  return {
    admin: person('admin', 'EUCAdministrators', 'alice.ops@example.com', '198.51.100.24'),
    helpdesk: person('helpdesk', 'EUCHelpdesk', 'bob.helpdesk@example.com', '198.51.100.77'),
    secops: person('secops', 'SecurityAudit', 'carol.secops@example.com', '203.0.113.40'),
    optimizer: role('optimizer', 'WorkSpacesCostOptimizer-Lambda', 'wco-optimizer', '34.201.12.8', BOTO),
    ci: user('ci', 'terraform-ci', '192.0.2.15', TERRAFORM),
    autoscaling: role(
      'autoscaling',
      'AWSServiceRoleForApplicationAutoScaling_AppStreamFleet',
      'ApplicationAutoScaling',
      'application-autoscaling.amazonaws.com',
      'application-autoscaling.amazonaws.com',
      { invokedBy: 'application-autoscaling.amazonaws.com' },
      'aws-service-role/appstream.application-autoscaling.amazonaws.com/',
    ),
    contractor: user('contractor', 'contractor-jdoe', '203.0.113.199', CLI),
    monitoring: role('monitoring', 'EUCMonitoringReadOnly', 'euc-inventory-poller', '34.230.5.60', BOTO),
    root: {
      id: 'root',
      username: 'root',
      accessKeyId: key('ASIA'),
      sourceIPAddress: '198.51.100.250',
      userAgent: CONSOLE,
      arn: `arn:aws:iam::${account}:root`,
      identity: {
        type: 'Root',
        principalId: account,
        arn: `arn:aws:iam::${account}:root`,
        accountId: account,
      },
    },
  };
}
