/**
 * The findings this plugin raises, with stable ids, and the pure judgement that raises them from
 * what DescribeWorkspacesPools, DescribeWorkspaceDirectories, DescribeIpGroups and CloudWatch say.
 */
import type { WorkspaceDirectory, WorkspacesIpGroup, WorkspacesPool } from '@aws-sdk/client-workspaces';
import type { CheckDescriptor, Finding, Severity } from '@workspaces-euc-mcp/host';
import { capacityOf, judgeCapacity, type Rejections } from './capacity.js';
import { endOfSupportNotice, POOLS_END_OF_SUPPORT } from './end-of-support.js';
import { describePoolError, type PoolErrorCategory, poolErrorHint } from './pool-errors.js';

const ERROR_WHY =
  'While a pool reports this error it cannot launch the sessions it was asked for; users beyond the running capacity are turned away.';

/** The checks, documented once; findings reference them by id. */
export const POOLS_CHECKS = [
  {
    id: 'pools.end-of-support',
    title: `WorkSpaces Pools reaches end of support on ${POOLS_END_OF_SUPPORT}`,
    severity: 'info',
    why: 'AWS ends support for WorkSpaces Pools on 2027-12-31; after that the Pools console and pool resources can no longer be accessed.',
    fix: "Plan the migration of these pools' users before 2027-12-31 (AWS's end-of-support page has the official guidance; WorkSpaces Applications multi-session fleets are the likely home, our inference).",
  },
  {
    id: 'pools.error-domain-join-secret',
    title: 'Pool cannot use its domain-join secret (Secrets Manager)',
    severity: 'warning',
    why: `${ERROR_WHY} Pools join Active Directory with a service account whose credentials live in a Secrets Manager secret; no instance joins while the secret is unusable.`,
    fix: "Repair the secret named in the directory's ActiveDirectoryConfig (permission, KMS key, state, keys or credentials, as the code says), then stop and start the pool.",
  },
  {
    id: 'pools.error-domain-join',
    title: 'Pool instances fail to join Active Directory',
    severity: 'warning',
    why: ERROR_WHY,
    fix: 'Fix the service account rights, credentials, OU or domain reachability the code names, then stop and start the pool.',
  },
  {
    id: 'pools.error-iam',
    title: 'Pool is missing an IAM role or permission',
    severity: 'warning',
    why: ERROR_WHY,
    fix: 'Repair workspaces_DefaultRole (AmazonWorkSpacesServiceAccess) or the missing role or Region setting the code names.',
  },
  {
    id: 'pools.error-network',
    title: 'Pool is blocked by its network (subnets, IPs, ENIs, gateway)',
    severity: 'warning',
    why: ERROR_WHY,
    fix: "Fix the directory's subnets, security groups, free IP addresses, ENI quota or internet gateway as the code names.",
  },
  {
    id: 'pools.error-configuration',
    title: 'Pool points at a bundle, image, directory or OU that is gone',
    severity: 'warning',
    why: ERROR_WHY,
    fix: 'Point the pool (UpdateWorkspacesPool) or its directory at resources that exist.',
  },
  {
    id: 'pools.error-service',
    title: 'Pool reports a service-side or lifecycle error',
    severity: 'warning',
    why: ERROR_WHY,
    fix: 'Stop and start the pool; if the error persists, contact AWS Support with the pool id.',
  },
  {
    id: 'pools.capacity-exhausted',
    title: 'Pool has no free session',
    severity: 'warning',
    why: 'Every running session is in use (Available 0): the next user who asks for a session is turned away.',
    fix: 'Raise the desired user sessions (UpdateWorkspacesPool Capacity) or shorten the disconnect and idle timeouts so sessions are released sooner.',
  },
  {
    id: 'pools.below-desired',
    title: 'Pool runs fewer sessions than desired',
    severity: 'warning',
    why: 'Actual capacity is below what was asked for, so fewer users can connect than planned.',
    fix: "Fix the pool's reported errors (subnet IPs, ENI quota, domain join); if it reports none, a scale-up may still be in progress.",
  },
  {
    id: 'pools.rejected-sessions',
    title: 'Pool turned session requests away (InsufficientCapacityError)',
    severity: 'warning',
    why: 'Users asked for a session and got none because the pool had no capacity left.',
    fix: 'Raise the desired user sessions for the busy hours, fix any error holding capacity below desired, and alarm on InsufficientCapacityError.',
  },
  {
    id: 'pools.directory-without-ip-group',
    title: 'Pool directory without an IP access group',
    severity: 'warning',
    why: "The pool's users can start sessions from any IP address once they authenticate.",
    fix: "Create an IP access group with your corporate ranges and associate it with the pool's directory.",
  },
  {
    id: 'pools.ip-group-open-to-internet',
    title: 'Pool directory IP access group admits every address',
    severity: 'warning',
    why: 'A /0 rule (e.g. 0.0.0.0/0) makes the IP access group no restriction at all.',
    fix: 'Replace the /0 rule with your corporate egress ranges.',
  },
  {
    id: 'pools.no-idle-disconnect',
    title: 'Pool never disconnects idle sessions',
    severity: 'info',
    why: 'With IdleDisconnectTimeoutInSeconds 0 an unattended session stays connected until the maximum session duration: the desktop stays open on that device and its capacity stays taken.',
    fix: 'Set an idle disconnect timeout (for example 900 seconds) with UpdateWorkspacesPool TimeoutSettings.',
  },
] as const satisfies readonly CheckDescriptor[];

export type PoolsCheckId = (typeof POOLS_CHECKS)[number]['id'];

const ERROR_CHECK: Readonly<Record<PoolErrorCategory, PoolsCheckId>> = {
  'domain-join-secret': 'pools.error-domain-join-secret',
  'domain-join': 'pools.error-domain-join',
  iam: 'pools.error-iam',
  network: 'pools.error-network',
  configuration: 'pools.error-configuration',
  service: 'pools.error-service',
};

function finding(checkId: PoolsCheckId, resourceId: string, detail: string, severity?: Severity): Finding {
  return { checkId, resourceId, resourceType: 'Pool', detail, ...(severity ? { severity } : {}) };
}

const label = (pool: WorkspacesPool) => pool.PoolName ?? pool.PoolId ?? '';

/** The end-of-support notice for one account/region, when it has pools. */
export function endOfSupportFinding(pools: readonly WorkspacesPool[], region: string, now: Date): Finding[] {
  if (pools.length === 0) return [];
  const names = pools.slice(0, 3).map(label).join(', ');
  const more = pools.length > 3 ? ` and ${pools.length - 3} more` : '';
  return [
    {
      checkId: 'pools.end-of-support',
      resourceId: region,
      resourceType: 'Region',
      detail: `${pools.length} pool${pools.length === 1 ? '' : 's'} here (${names}${more}). ${endOfSupportNotice(now)}`,
    },
  ];
}

/** Errors, capacity and timeouts of each pool: what DescribeWorkspacesPools alone shows. */
export function poolHealthFindings(pools: readonly WorkspacesPool[]): Finding[] {
  const findings: Finding[] = [];
  for (const pool of pools) {
    const id = pool.PoolId ?? '';
    if (pool.State === 'DELETING') continue;
    const verdict = judgeCapacity(pool);
    const { desired, actual, active } = capacityOf(pool);
    // A pool that can host nothing at all while users are expected is an outage, not a degradation.
    const outage: Severity | undefined = verdict.noCapacity ? 'critical' : undefined;
    for (const error of pool.Errors ?? []) {
      const category = poolErrorHint(error.ErrorCode).category;
      findings.push(
        finding(ERROR_CHECK[category], id, describePoolError(error.ErrorCode, error.ErrorMessage), outage),
      );
    }
    if (verdict.exhausted)
      findings.push(
        finding('pools.capacity-exhausted', id, `${label(pool)}: ${active} of ${actual} sessions in use.`),
      );
    if (verdict.belowDesired) {
      const codes = (pool.Errors ?? []).map((e) => e.ErrorCode).join(', ');
      findings.push(
        finding(
          'pools.below-desired',
          id,
          `${label(pool)}: ${actual} of ${desired} desired sessions running${codes ? ` (errors: ${codes})` : ''}.`,
          outage,
        ),
      );
    }
    if (pool.TimeoutSettings?.IdleDisconnectTimeoutInSeconds === 0)
      findings.push(
        finding('pools.no-idle-disconnect', id, `${label(pool)}: IdleDisconnectTimeoutInSeconds 0.`),
      );
  }
  return findings;
}

/** The rejected-session finding of one pool over the window read. */
export function rejectedSessionsFinding(
  pool: WorkspacesPool,
  rejections: Rejections | undefined,
  windowHours: number,
): Finding[] {
  if (!rejections) return [];
  const hour = rejections.peakAt.toISOString().slice(11, 16);
  return [
    finding(
      'pools.rejected-sessions',
      pool.PoolId ?? '',
      `${label(pool)}: ${rejections.total} session requests turned away in the last ${windowHours} h (worst hour from ${hour} UTC: ${rejections.peak}).`,
    ),
  ];
}

/** True for a rule that admits every address (0.0.0.0/0, ::/0). */
export function isOpenToInternet(cidr: string): boolean {
  return cidr.trim().endsWith('/0');
}

/**
 * IP access checks of each pool's directory. A directory WorkSpaces did not return, or one not
 * REGISTERED, is skipped: the pool then reports DIRECTORY_NOT_FOUND, a finding of its own.
 */
export function poolAccessFindings(
  pools: readonly WorkspacesPool[],
  directories: ReadonlyMap<string, WorkspaceDirectory>,
  groups: ReadonlyMap<string, WorkspacesIpGroup>,
): Finding[] {
  const findings: Finding[] = [];
  for (const pool of pools) {
    if (pool.State === 'DELETING') continue;
    const directory = pool.DirectoryId ? directories.get(pool.DirectoryId) : undefined;
    if (directory?.State !== 'REGISTERED') continue;
    const id = pool.PoolId ?? '';
    const groupIds = directory.ipGroupIds ?? [];
    if (groupIds.length === 0)
      findings.push(
        finding(
          'pools.directory-without-ip-group',
          id,
          `${label(pool)}: directory ${directory.DirectoryId}.`,
        ),
      );
    for (const groupId of groupIds) {
      const open = (groups.get(groupId)?.userRules ?? []).flatMap((r) =>
        r.ipRule && isOpenToInternet(r.ipRule) ? [r.ipRule] : [],
      );
      if (open.length > 0)
        findings.push(
          finding(
            'pools.ip-group-open-to-internet',
            id,
            `${label(pool)}: directory ${directory.DirectoryId}, IP group ${groupId}: ${open.join(', ')}.`,
          ),
        );
    }
  }
  return findings;
}
