import { describe, expect, it } from 'vitest';
import type { PlannedTarget } from '../plugin-api/types.js';
import { createPlanSigner, PLAN_TTL_MS } from './plan-id.js';

const KEY = Buffer.from('plan-id-test-key-0123456789abcdef');
const signer = createPlanSigner(() => KEY);
const now = new Date('2026-06-17T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const targets: PlannedTarget[] = [
  { id: 'ws-b', action: 'terminate', current: 'STOPPED' },
  { id: 'ws-a', action: 'terminate', current: 'AVAILABLE' },
  { id: 'ws-c', action: 'terminate', current: 'SUSPENDED', skip: 'cannot terminate in SUSPENDED' },
];

describe('planIds', () => {
  it('verify the same plan, whatever the target order and however the skip reasons are worded', () => {
    const { planId, expiresAt } = signer.issue('terminate_workspaces', targets, now);
    expect(expiresAt).toEqual(later(PLAN_TTL_MS));
    const reordered = [targets[2], targets[0], targets[1]].map((t) =>
      t?.skip ? { ...t, skip: 'reworded' } : t,
    ) as PlannedTarget[];
    expect(signer.verify(planId, 'terminate_workspaces', reordered, later(PLAN_TTL_MS - 1000))).toEqual({
      ok: true,
    });
  });

  it('name what changed: tool, expiry, targets, states, skip, a foreign key, a malformed or missing id', () => {
    const { planId } = signer.issue('terminate_workspaces', targets, now);
    const check = (id: string | undefined, tool: string, planned: PlannedTarget[], at = now) =>
      signer.verify(id, tool, planned, at);
    expect(check(undefined, 'terminate_workspaces', targets)).toEqual({ ok: false, problem: 'missing' });
    expect(check('not-a-plan', 'terminate_workspaces', targets)).toEqual({ ok: false, problem: 'malformed' });
    expect(check(planId, 'rebuild_workspaces', targets)).toEqual({ ok: false, problem: 'other-tool' });
    expect(check(planId, 'terminate_workspaces', targets, later(PLAN_TTL_MS))).toEqual({
      ok: false,
      problem: 'expired',
    });
    expect(check(planId, 'terminate_workspaces', targets.slice(1))).toEqual({
      ok: false,
      problem: 'targets-changed',
    });
    const stateChanged = targets.map((t) => (t.id === 'ws-b' ? { ...t, current: 'AVAILABLE' } : t));
    expect(check(planId, 'terminate_workspaces', stateChanged)).toEqual({
      ok: false,
      problem: 'states-changed',
    });
    const unskipped = targets.map(({ skip: _skip, ...t }) => t);
    expect(check(planId, 'terminate_workspaces', unskipped)).toEqual({
      ok: false,
      problem: 'states-changed',
    });
    const other = createPlanSigner(() => Buffer.from('another-key-0123456789abcdef-0123'));
    expect(other.verify(planId, 'terminate_workspaces', targets, now)).toEqual({
      ok: false,
      problem: 'foreign',
    });
    // An id edited to name another tool no longer carries a valid signature.
    const retargeted = planId.replace('terminate_workspaces', 'rebuild_workspaces');
    expect(check(retargeted, 'rebuild_workspaces', targets)).toEqual({ ok: false, problem: 'foreign' });
    const extended = planId.replace(
      /^p1\.terminate_workspaces\.[0-9a-z]+/,
      'p1.terminate_workspaces.zzzzzzzz',
    );
    expect(check(extended, 'terminate_workspaces', targets)).toEqual({ ok: false, problem: 'foreign' });
  });
});
