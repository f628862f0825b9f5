import type { Finding } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_CHECKS,
  callerCheck,
  groupFindings,
  notAudited,
  type ScopedFinding,
  severityCounts,
} from './posture.js';

const check = { id: 'x.unencrypted', title: 'Unencrypted', severity: 'warning' as const, why: 'w', fix: 'f' };
const item = (finding: Finding, region = 'us-east-1'): ScopedFinding => ({
  finding,
  scope: { region },
  service: 'WorkSpaces Personal',
  ...(finding.checkId === check.id ? { check } : {}),
});

describe('posture grouping', () => {
  it('gives one row per check with its count and only the first resources', () => {
    const items = Array.from({ length: 40 }, (_, i) =>
      item({ checkId: check.id, resourceId: `ws-${String(i).padStart(3, '0')}` }),
    );
    const [row] = groupFindings(items, 5);
    expect(row).toMatchObject({
      checkId: 'x.unencrypted',
      count: 40,
      severity: 'warning',
      why: 'w',
      fix: 'f',
    });
    expect(row?.resources.map((r) => r.resourceId)).toEqual([
      'ws-000',
      'ws-001',
      'ws-002',
      'ws-003',
      'ws-004',
    ]);
  });

  it('ranks critical checks first, lists critical resources first, and takes the worst severity', () => {
    const rows = groupFindings(
      [
        item({ checkId: check.id, resourceId: 'a' }),
        item({ checkId: check.id, resourceId: 'b', severity: 'critical' }),
        item({ checkId: 'undocumented', resourceId: 'c', severity: 'info' }),
      ],
      1,
    );
    expect(rows.map((r) => [r.checkId, r.severity, r.resources[0]?.resourceId])).toEqual([
      ['x.unencrypted', 'critical', 'b'],
      ['undocumented', 'info', 'c'],
    ]);
    expect(rows[1]?.why).toMatch(/Not documented/);
  });

  it('counts findings by severity', () => {
    const counts = severityCounts([
      item({ checkId: check.id, resourceId: 'a' }),
      item({ checkId: 'y', resourceId: 'b', severity: 'critical' }),
    ]);
    expect(counts).toEqual({ critical: 1, warning: 1, info: 0 });
  });

  it('names the EUC products no loaded plugin audits', () => {
    expect(notAudited(['WorkSpaces Personal'])).toEqual([
      'WorkSpaces Pools',
      'WorkSpaces Applications',
      'WorkSpaces Secure Browser',
      'WorkSpaces Core Managed Instances',
    ]);
    expect(
      notAudited([
        'WorkSpaces Personal',
        'WorkSpaces Pools',
        'WorkSpaces Applications',
        'WorkSpaces Secure Browser',
        'WorkSpaces Core Managed Instances',
      ]),
    ).toEqual([]);
  });

  it('flags a root caller as critical and an IAM user as long-term keys, not an assumed role', () => {
    expect(callerCheck('arn:aws:iam::111122223333:root')).toBe('audit.caller-is-root');
    expect(callerCheck('arn:aws:iam::111122223333:user/ci')).toBe('audit.caller-long-term-keys');
    expect(callerCheck('arn:aws:sts::111122223333:assumed-role/EucAdmin/s')).toBeUndefined();
    expect(AUDIT_CHECKS.find((c) => c.id === 'audit.caller-is-root')?.severity).toBe('critical');
  });
});
