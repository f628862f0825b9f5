import type { WorkspaceDirectory, WorkspacesIpGroup, WorkspacesPool } from '@aws-sdk/client-workspaces';
import { describe, expect, it } from 'vitest';
import { POOLS_CHECKS } from './checks.js';
import {
  endOfSupportFinding,
  poolAccessFindings,
  poolHealthFindings,
  rejectedSessionsFinding,
} from './judgement.js';

function pool(id: string, extra: Partial<WorkspacesPool> = {}, [desired, actual, active] = [10, 10, 2]) {
  return {
    PoolId: id,
    PoolName: id.replace('wspool-', ''),
    State: 'RUNNING',
    DirectoryId: 'wsd-aaaaaaaaa',
    CapacityStatus: {
      DesiredUserSessions: desired,
      ActualUserSessions: actual,
      ActiveUserSessions: active,
      AvailableUserSessions: actual - active,
    },
    TimeoutSettings: { IdleDisconnectTimeoutInSeconds: 900 },
    ...extra,
  } as WorkspacesPool;
}

const pairs = (findings: { checkId: string; resourceId: string; severity?: string }[]) =>
  findings.map((f) => `${f.checkId} ${f.resourceId}${f.severity ? ` ${f.severity}` : ''}`).sort();

describe('pool health findings', () => {
  it('files each error under its family and makes a pool with no capacity at all critical', () => {
    const findings = poolHealthFindings([
      pool('wspool-secret001', { Errors: [{ ErrorCode: 'DOMAIN_JOIN_ERROR_SECRET_INVALID' }] }, [10, 0, 0]),
      pool('wspool-eniquota1', { Errors: [{ ErrorCode: 'NETWORK_INTERFACE_LIMIT_EXCEEDED' }] }, [10, 6, 2]),
      pool('wspool-healthy01'),
    ]);
    expect(pairs(findings)).toEqual(
      [
        'pools.error-domain-join-secret wspool-secret001 critical',
        'pools.capacity-exhausted wspool-secret001',
        'pools.below-desired wspool-secret001 critical',
        'pools.error-network wspool-eniquota1',
        'pools.below-desired wspool-eniquota1',
      ].sort(),
    );
    expect(
      findings.find((f) => f.checkId === 'pools.below-desired' && f.resourceId === 'wspool-eniquota1')
        ?.detail,
    ).toBe('eniquota1: 6 of 10 desired sessions running (errors: NETWORK_INTERFACE_LIMIT_EXCEEDED).');
  });

  it('flags a full pool, an idle timeout of 0, and nothing on a deleting pool', () => {
    const findings = poolHealthFindings([
      pool('wspool-full00001', {}, [20, 20, 20]),
      pool('wspool-noidle001', { TimeoutSettings: { IdleDisconnectTimeoutInSeconds: 0 } }),
      pool('wspool-deleting1', { State: 'DELETING', TimeoutSettings: { IdleDisconnectTimeoutInSeconds: 0 } }),
    ]);
    expect(pairs(findings)).toEqual([
      'pools.capacity-exhausted wspool-full00001',
      'pools.no-idle-disconnect wspool-noidle001',
    ]);
    expect(findings[0]?.detail).toBe('full00001: 20 of 20 sessions in use.');
  });
});

describe('end of support finding', () => {
  it('one info finding per region with pools, naming them and the days left', () => {
    const pools = ['a', 'b', 'c', 'd'].map((n) => pool(`wspool-${n.repeat(9)}`));
    const [finding, ...rest] = endOfSupportFinding(pools, 'us-east-1', new Date('2026-06-17T12:00:00Z'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      checkId: 'pools.end-of-support',
      resourceId: 'us-east-1',
      resourceType: 'Region',
    });
    expect(finding?.detail).toMatch(
      /^4 pools here \(aaaaaaaaa, bbbbbbbbb, ccccccccc and 1 more\)\. AWS ends support/,
    );
    expect(finding?.detail).toContain('2027-12-31 (in 562 days)');
  });

  it('no pools, no notice', () => {
    expect(endOfSupportFinding([], 'eu-west-1', new Date())).toEqual([]);
  });
});

describe('rejected sessions finding', () => {
  it('gives the total and the worst hour', () => {
    const [finding] = rejectedSessionsFinding(
      pool('wspool-callctr01'),
      { total: 75, peak: 60, peakAt: new Date('2026-06-17T09:00:00Z') },
      24,
    );
    expect(finding?.detail).toBe(
      'callctr01: 75 session requests turned away in the last 24 h (worst hour from 09:00 UTC: 60).',
    );
  });
});

describe('pool access findings', () => {
  const directory = (id: string, ipGroupIds: string[], state: WorkspaceDirectory['State'] = 'REGISTERED') =>
    [id, { DirectoryId: id, State: state, ipGroupIds } as WorkspaceDirectory] as const;
  const groups = new Map<string, WorkspacesIpGroup>([
    ['wsipg-open', { groupId: 'wsipg-open', userRules: [{ ipRule: '::/0' }, { ipRule: '10.0.0.0/8' }] }],
    ['wsipg-corp', { groupId: 'wsipg-corp', userRules: [{ ipRule: '198.51.100.0/24' }] }],
  ]);

  it('flags a directory with no IP group and a group with a /0 rule, per pool', () => {
    const directories = new Map([
      directory('wsd-noipgroup', []),
      directory('wsd-openipgrp', ['wsipg-open', 'wsipg-corp']),
      directory('wsd-corponly1', ['wsipg-corp']),
    ]);
    const findings = poolAccessFindings(
      [
        pool('wspool-noip00001', { DirectoryId: 'wsd-noipgroup' }),
        pool('wspool-open00001', { DirectoryId: 'wsd-openipgrp' }),
        pool('wspool-corp00001', { DirectoryId: 'wsd-corponly1' }),
      ],
      directories,
      groups,
    );
    expect(pairs(findings)).toEqual([
      'pools.directory-without-ip-group wspool-noip00001',
      'pools.ip-group-open-to-internet wspool-open00001',
    ]);
    expect(findings[1]?.detail).toBe('open00001: directory wsd-openipgrp, IP group wsipg-open: ::/0.');
  });

  it('skips a directory WorkSpaces did not return or that is not registered', () => {
    const directories = new Map([directory('wsd-deregistr', [], 'DEREGISTERED')]);
    const findings = poolAccessFindings(
      [
        pool('wspool-gone00001', { DirectoryId: 'wsd-missing01' }),
        pool('wspool-dereg0001', { DirectoryId: 'wsd-deregistr' }),
      ],
      directories,
      groups,
    );
    expect(findings).toEqual([]);
  });
});

describe('check catalogue', () => {
  it('every check id is stable, namespaced and unique', () => {
    const ids = POOLS_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^pools\.[a-z-]+$/);
  });
});
