import type { PlannedTarget, TargetResult, WritePlan, WriteTool } from '../plugin-api/types.js';
import type { HourlyCap } from './hourly-cap.js';
import type { WriteOutcome, WriteTarget } from './outcome.js';
import { type IssuedPlan, type PlanSigner, planIdProblemText } from './plan-id.js';

/** The gate inputs the host adds to every write tool's schema. */
export interface GateInput {
  readonly confirm?: boolean;
  readonly planId?: string;
  readonly acknowledge?: string;
}

/** The gates that can refuse a confirmed call. */
export type RefusingGate = 'plan' | 'bulk-cap' | 'hourly-cap' | 'acknowledgement' | 'approval';

/** What the gates decided for a planned write. */
export type GateDecision =
  | { readonly kind: 'nothing-to-do' }
  | { readonly kind: 'plan-only' }
  | { readonly kind: 'refused'; readonly gate: RefusingGate; readonly message: string }
  | { readonly kind: 'apply'; readonly targets: readonly PlannedTarget[] };

/** What the gates check a confirmed call against, besides the plan. */
export interface GateContext {
  readonly maxBulkTargets: number;
  readonly signer: PlanSigner;
  readonly hourly: HourlyCap;
  readonly now: Date;
}

/** Targets the plan did not mark as skipped: the ones a confirmed call would change. */
export function actionableTargets(plan: WritePlan): PlannedTarget[] {
  return plan.targets.filter((target) => target.skip === undefined);
}

function minutesUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
}

/**
 * The gates, in order: nothing actionable → nothing to do; no `confirm` → plan only; a planId that
 * does not sign this very plan (missing, expired, another tool, other targets or states) →
 * refused; more actionable targets than the cap → refused; for destructive tools, more than the
 * cap in the last hour → refused, and without the exact phrase (trimmed, case-sensitive) →
 * refused; otherwise apply. The caps are checked before the phrase so a typed phrase never
 * unlocks an oversized batch.
 */
export function decideGates(
  tool: Pick<WriteTool, 'name' | 'tier' | 'acknowledgement'>,
  plan: WritePlan,
  input: GateInput,
  gates: GateContext,
): GateDecision {
  const { maxBulkTargets, now } = gates;
  const actionable = actionableTargets(plan);
  if (actionable.length === 0) return { kind: 'nothing-to-do' };
  if (input.confirm !== true) return { kind: 'plan-only' };
  const check = gates.signer.verify(input.planId, tool.name, plan.targets, now);
  if (!check.ok)
    return {
      kind: 'refused',
      gate: 'plan',
      message: planIdProblemText(check.problem, input.planId, tool.name),
    };
  if (actionable.length > maxBulkTargets)
    return {
      kind: 'refused',
      gate: 'bulk-cap',
      message: `Refused: ${actionable.length} targets exceed the blast-radius cap of ${maxBulkTargets}. Nothing was changed. Split the request into batches of at most ${maxBulkTargets}, or raise --max-bulk-targets / limits.maxBulkTargets.`,
    };
  if (tool.tier === 3) {
    const hourly = gates.hourly.check(actionable.length, now);
    if (!hourly.ok)
      return {
        kind: 'refused',
        gate: 'hourly-cap',
        message: `Refused: ${hourly.used} destructive target(s) were changed in the last hour; ${actionable.length} more would pass the cap of ${maxBulkTargets} an hour. Nothing was changed. Room frees up at ${hourly.freesAt.toISOString()} (in ${minutesUntil(hourly.freesAt, now)} min).`,
      };
    if (input.acknowledge?.trim() !== tool.acknowledgement)
      return {
        kind: 'refused',
        gate: 'acknowledgement',
        message: `Refused: this is destructive and needs acknowledge="${tool.acknowledgement ?? ''}" exactly (case-sensitive). Nothing was changed.`,
      };
  }
  return { kind: 'apply', targets: actionable };
}

function plannedRow(target: PlannedTarget, status: WriteTarget['status']): WriteTarget {
  return {
    id: target.id,
    action: target.action,
    ...(target.current !== undefined ? { current: target.current } : {}),
    status: target.skip !== undefined ? 'skipped' : status,
    ...(target.skip !== undefined ? { message: target.skip } : {}),
    ...(target.detail !== undefined ? { detail: { ...target.detail } } : {}),
  };
}

/**
 * Merges apply results into the plan rows. A target with no result is failed: a tool that
 * forgets a target must not let it read as done.
 */
export function mergeResults(plan: WritePlan, results: readonly TargetResult[]): WriteTarget[] {
  const byId = new Map(results.map((result) => [result.id, result]));
  return plan.targets.map((target) => {
    if (target.skip !== undefined) return plannedRow(target, 'skipped');
    const result = byId.get(target.id);
    const row = plannedRow(target, result?.ok ? 'ok' : 'failed');
    if (!result)
      return {
        ...row,
        message: 'No result was reported for this target; treat it as not done and check it.',
      };
    return {
      ...row,
      ...(result.message !== undefined ? { message: result.message } : {}),
      ...(result.code !== undefined ? { code: result.code } : {}),
    };
  });
}

function countRows(rows: readonly WriteTarget[]): WriteOutcome['counts'] {
  const count = (status: WriteTarget['status']) => rows.filter((row) => row.status === status).length;
  return {
    targets: rows.length,
    actionable: rows.length - count('skipped'),
    skipped: count('skipped'),
    ok: count('ok'),
    failed: count('failed'),
  };
}

/** Builds the structured outcome of a gated write. */
export function buildOutcome(args: {
  readonly tool: Pick<WriteTool, 'name' | 'tier' | 'acknowledgement' | 'title'>;
  readonly plan: WritePlan;
  readonly decision: GateDecision;
  readonly maxBulkTargets: number;
  /** The planId of this plan, for an answer a confirmed call can follow (dry run, refusal). */
  readonly issued?: IssuedPlan;
  readonly results?: readonly TargetResult[];
}): WriteOutcome {
  const { tool, plan, decision, maxBulkTargets, issued } = args;
  const actionable = actionableTargets(plan).length;
  const base = {
    tool: tool.name,
    maxBulkTargets,
    withinBulkCap: actionable <= maxBulkTargets,
    warnings: [...(plan.warnings ?? [])],
    ...(plan.impact !== undefined ? { impact: plan.impact } : {}),
    ...(tool.tier === 3 && tool.acknowledgement ? { acknowledgementRequired: tool.acknowledgement } : {}),
    ...(issued ? { planId: issued.planId, planExpiresAt: issued.expiresAt.toISOString() } : {}),
  };
  const ack = tool.tier === 3 ? ` and acknowledge="${tool.acknowledgement ?? ''}"` : '';
  const next = `Review the plan, then call ${tool.name} again with the same input plus confirm=true, this planId${ack}.`;
  const skipped = plan.targets.length - actionable;
  const skippedText = skipped > 0 ? ` ${skipped} skipped (see each target's message).` : '';
  switch (decision.kind) {
    case 'nothing-to-do': {
      const targets = plan.targets.map((t) => plannedRow(t, 'planned'));
      return {
        ...base,
        status: 'nothing-to-do',
        dryRun: true,
        summary: `${tool.title}: nothing to do — no target can take this action now.${skippedText}`,
        counts: countRows(targets),
        targets,
      };
    }
    case 'plan-only': {
      const targets = plan.targets.map((t) => plannedRow(t, 'planned'));
      const cap = base.withinBulkCap
        ? ''
        : ` That is more than the blast-radius cap of ${maxBulkTargets}: a confirmed call would be refused; split it.`;
      return {
        ...base,
        status: 'planned',
        dryRun: true,
        summary: `Dry run: would ${tool.title.toLowerCase()} for ${actionable} target(s).${skippedText} Nothing was changed.${cap}`,
        counts: countRows(targets),
        targets,
        ...(issued ? { next } : {}),
      };
    }
    case 'refused': {
      const targets = plan.targets.map((t) => plannedRow(t, 'not-sent'));
      return {
        ...base,
        status: 'refused',
        dryRun: true,
        summary: decision.message,
        refusal: { gate: decision.gate, message: decision.message },
        counts: countRows(targets),
        targets,
        ...(issued && decision.gate === 'plan' ? { next } : {}),
      };
    }
    case 'apply': {
      const targets = mergeResults(plan, args.results ?? []);
      const counts = countRows(targets);
      const status = counts.failed === 0 ? 'applied' : counts.ok === 0 ? 'failed' : 'partially-applied';
      return {
        ...base,
        status,
        dryRun: false,
        summary: `${tool.title}: ${counts.ok} succeeded, ${counts.failed} failed.${skippedText}`,
        counts,
        targets,
      };
    }
  }
}
