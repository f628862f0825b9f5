import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PlannedTarget } from '../plugin-api/types.js';

/** How long a dry run's planId can be confirmed: long enough to read a plan, short enough to be current. */
export const PLAN_TTL_MS = 10 * 60_000;

const VERSION = 'p1';
/** Bytes kept of each HMAC: 72-bit tags name what changed; the 128-bit signature is what binds. */
const TAG_BYTES = 9;
const SIGNATURE_BYTES = 16;

/** Why a confirmed call's planId does not cover what the call would change now. */
export type PlanIdProblem =
  | 'missing'
  | 'malformed'
  | 'foreign'
  | 'other-tool'
  | 'expired'
  | 'targets-changed'
  | 'states-changed';

/** A planId checked against the plan the confirmed call just made. */
export type PlanIdCheck = { readonly ok: true } | { readonly ok: false; readonly problem: PlanIdProblem };

/** A planId and when it stops being accepted. */
export interface IssuedPlan {
  readonly planId: string;
  readonly expiresAt: Date;
}

/** Signs and verifies planIds with one key; every process and replica with the key agrees. */
export interface PlanSigner {
  issue(tool: string, targets: readonly PlannedTarget[], now: Date): IssuedPlan;
  verify(planId: string | undefined, tool: string, targets: readonly PlannedTarget[], now: Date): PlanIdCheck;
}

/** The target ids of a plan, order-free: the same desktops in another order are the same plan. */
function idsText(targets: readonly PlannedTarget[]): string {
  return targets
    .map((t) => t.id)
    .sort()
    .join('\n');
}

/**
 * What the plan said about each target: its state, the action and whether it is skipped. Skip
 * reasons and details are left out: they hold wording and ages ("7 d ago") that change by the
 * minute without the target changing.
 */
function statesText(targets: readonly PlannedTarget[]): string {
  return [...targets]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((t) => [t.id, t.current ?? '', t.action, t.skip === undefined ? 'act' : 'skip'].join('\t'))
    .join('\n');
}

/**
 * A stateless plan signer (see docs/decisions.md, "Write plans"). A planId is
 * `p1.<tool>.<expiry>.<ids tag>.<states tag>.<signature>`: the tags are HMACs of the plan's target
 * ids and of their states, the signature an HMAC of everything before it. Nothing is stored: the
 * confirmed call re-plans, and the planId verifies only if that plan is the one signed, so any
 * process holding the key (a second CLI run, another HTTP replica) can check it.
 */
export function createPlanSigner(key: () => Buffer): PlanSigner {
  const mac = (text: string, bytes: number) =>
    createHmac('sha256', key()).update(text).digest().subarray(0, bytes).toString('base64url');
  const idsTag = (tool: string, targets: readonly PlannedTarget[]) =>
    mac(`ids\0${tool}\0${idsText(targets)}`, TAG_BYTES);
  const statesTag = (tool: string, targets: readonly PlannedTarget[]) =>
    mac(`states\0${tool}\0${statesText(targets)}`, TAG_BYTES);
  const sign = (header: string) => mac(`plan\0${header}`, SIGNATURE_BYTES);
  return {
    issue(tool, targets, now) {
      const expiresAt = new Date(now.getTime() + PLAN_TTL_MS);
      const expiry = Math.ceil(expiresAt.getTime() / 1000).toString(36);
      const header = [VERSION, tool, expiry, idsTag(tool, targets), statesTag(tool, targets)].join('.');
      return { planId: `${header}.${sign(header)}`, expiresAt };
    },
    verify(planId, tool, targets, now) {
      if (planId === undefined || planId.trim() === '') return { ok: false, problem: 'missing' };
      const parts = planId.trim().split('.');
      const [version, planTool, expiry, ids, states, signature] = parts;
      if (parts.length !== 6 || version !== VERSION || !planTool || !expiry || !ids || !states || !signature)
        return { ok: false, problem: 'malformed' };
      const expected = Buffer.from(sign(parts.slice(0, 5).join('.')));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, problem: 'foreign' };
      if (planTool !== tool) return { ok: false, problem: 'other-tool' };
      if (Number.parseInt(expiry, 36) * 1000 <= now.getTime()) return { ok: false, problem: 'expired' };
      if (ids !== idsTag(tool, targets)) return { ok: false, problem: 'targets-changed' };
      if (states !== statesTag(tool, targets)) return { ok: false, problem: 'states-changed' };
      return { ok: true };
    },
  };
}

/** Words for a refused planId, naming what the caller does next. */
export function planIdProblemText(problem: PlanIdProblem, planId: string | undefined, tool: string): string {
  const tail = 'Nothing was changed. Review the fresh plan in this answer and confirm with its planId.';
  switch (problem) {
    case 'missing':
      return `Refused: a confirmed call needs the planId of a dry run of ${tool}. ${tail}`;
    case 'malformed':
      return `Refused: "${planId ?? ''}" is not a planId. ${tail}`;
    case 'foreign':
      return `Refused: this planId was not signed with this server's plan key (altered, or servers that do not share WORKSPACES_EUC_PLAN_KEY). ${tail}`;
    case 'other-tool':
      return `Refused: this planId is for ${planId?.split('.')[1] ?? 'another tool'}, not ${tool}. ${tail}`;
    case 'expired':
      return `Refused: the planId expired (plans are good for ${PLAN_TTL_MS / 60_000} minutes). ${tail}`;
    case 'targets-changed':
      return `Refused: the targets differ from the plan the planId was issued for. ${tail}`;
    case 'states-changed':
      return `Refused: a target's state or action changed since the plan was made. ${tail}`;
  }
}
