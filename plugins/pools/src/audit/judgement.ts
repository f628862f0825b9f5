/**
 * The pure judgement behind the findings: what DescribeWorkspacesPools, DescribeWorkspaceDirectories,
 * DescribeIpGroups and CloudWatch say in, findings out. The contributors in `contributions/` only
 * fetch and call these.
 */
import type { WorkspaceDirectory, WorkspacesIpGroup, WorkspacesPool } from '@aws-sdk/client-workspaces';
import type { Finding, Severity } from '@workspaces-euc-mcp/host';
import { capacityOf, judgeCapacity, type Rejections } from '../capacity.js';
import { endOfSupportNotice } from '../end-of-support.js';
import { finding, type PoolsCheckId } from './checks.js';
import { describePoolError, type PoolErrorCategory, poolErrorHint } from './pool-errors.js';

const ERROR_CHECK: Readonly<Record<PoolErrorCategory, PoolsCheckId>> = {
  'domain-join-secret': 'pools.error-domain-join-secret',
  'domain-join': 'pools.error-domain-join',
  iam: 'pools.error-iam',
  network: 'pools.error-network',
  configuration: 'pools.error-configuration',
  service: 'pools.error-service',
};

const label = (pool: WorkspacesPool) => pool.PoolName ?? pool.PoolId ?? '';

/** The end-of-support notice for one account/region, when it has pools. */
export function endOfSupportFinding(pools: readonly WorkspacesPool[], region: string, now: Date): Finding[] {
  if (pools.length === 0) return [];
  const names = pools.slice(0, 3).map(label).join(', ');
  const more = pools.length > 3 ? ` and ${pools.length - 3} more` : '';
  return [
    finding(
      'pools.end-of-support',
      region,
      'Region',
      `${pools.length} pool${pools.length === 1 ? '' : 's'} here (${names}${more}). ${endOfSupportNotice(now)}`,
    ),
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
        finding(
          ERROR_CHECK[category],
          id,
          'Pool',
          describePoolError(error.ErrorCode, error.ErrorMessage),
          outage,
        ),
      );
    }
    if (verdict.exhausted)
      findings.push(
        finding(
          'pools.capacity-exhausted',
          id,
          'Pool',
          `${label(pool)}: ${active} of ${actual} sessions in use.`,
        ),
      );
    if (verdict.belowDesired) {
      const codes = (pool.Errors ?? []).map((e) => e.ErrorCode).join(', ');
      findings.push(
        finding(
          'pools.below-desired',
          id,
          'Pool',
          `${label(pool)}: ${actual} of ${desired} desired sessions running${codes ? ` (errors: ${codes})` : ''}.`,
          outage,
        ),
      );
    }
    if (pool.TimeoutSettings?.IdleDisconnectTimeoutInSeconds === 0)
      findings.push(
        finding('pools.no-idle-disconnect', id, 'Pool', `${label(pool)}: IdleDisconnectTimeoutInSeconds 0.`),
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
      'Pool',
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
          'Pool',
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
            'Pool',
            `${label(pool)}: directory ${directory.DirectoryId}, IP group ${groupId}: ${open.join(', ')}.`,
          ),
        );
    }
  }
  return findings;
}
