import type { FailedWorkspaceChangeRequest, Workspace } from '@aws-sdk/client-workspaces';
import {
  chunk,
  mapBounded,
  type PlannedTarget,
  type Scope,
  type ScopeSelection,
  summarizeError,
  type TargetResult,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { locateWorkspaces, searchedText, unsearched } from '../aws/locate.js';
import { groupByScope, placeOf, scopeOfTarget } from '../aws/scopes.js';
import { actionLegality, isWorkspaceState, type WorkspaceAction } from '../desktops/states.js';
import { checkWorkspaceIds, Ids } from '../schemas.js';

/** Start/Stop/Reboot/TerminateWorkspaces take at most 25 requests per call (API reference). */
export const MAX_PER_BATCH_REQUEST = 25;

/** The ids a batch write tool takes (checked by `checkWorkspaceIds`; the host caps how many change). */
export const WorkspaceIdsInput = Ids();

type Detail = Record<string, string | number | boolean | null>;

/** What a write's plan resolved: a target per id, and each desktop found with its scope. */
export interface ResolvedTargets {
  readonly targets: PlannedTarget[];
  readonly found: Map<string, Workspace>;
  /** Plan warnings: scopes that could not be searched. */
  readonly warnings: string[];
}

/**
 * Resolves targets for a write in whichever selected scope holds them (DescribeWorkspaces by id,
 * 25 a call per scope); `decide` judges each found desktop and its detail gains the desktop's
 * region (and account with several targets), which apply reads to send each scope's commands to
 * that scope. Unknown ids are skipped, saying where they were looked for.
 */
export async function planTargets(
  ctx: ToolContext,
  selection: ScopeSelection,
  workspaceIds: readonly string[],
  action: string,
  decide: (ws: Workspace) => PlannedTarget,
  field = 'workspaceIds',
): Promise<ResolvedTargets> {
  checkWorkspaceIds(field, workspaceIds);
  const search = await locateWorkspaces(ctx, selection, workspaceIds);
  const found = new Map<string, Workspace>();
  const targets = workspaceIds.map((id): PlannedTarget => {
    const located = search.found.get(id);
    if (!located) return { id, action, skip: `not found ${searchedText(ctx.aws, search)}.` };
    found.set(id, located.workspace);
    const target = decide(located.workspace);
    return { ...target, detail: { ...placeOf(ctx.aws, located.scope), ...target.detail } };
  });
  const missing = unsearched(ctx.aws, search.failures);
  return {
    targets,
    found,
    warnings: missing ? [`Ids not found may be in scopes not searched: ${missing}.`] : [],
  };
}

/**
 * Runs a per-scope plan step over the targets grouped by the scope in their detail, keeping their
 * order; targets without a scope (not found) pass through untouched.
 */
export async function planByScope(
  targets: readonly PlannedTarget[],
  step: (scope: Scope, targets: PlannedTarget[]) => Promise<{ targets: PlannedTarget[]; warnings: string[] }>,
): Promise<{ targets: PlannedTarget[]; warnings: string[] }> {
  const placed = targets.filter((t) => typeof t.detail?.region === 'string');
  const stepped = new Map<string, PlannedTarget>();
  const warnings: string[] = [];
  for (const group of groupByScope(placed, scopeOfTarget)) {
    const result = await step(group.scope, group.items);
    for (const t of result.targets) stepped.set(t.id, t);
    warnings.push(...result.warnings);
  }
  return { targets: targets.map((t) => stepped.get(t.id) ?? t), warnings };
}

/** Applies the targets scope by scope (each scope's commands to that scope's client). */
export async function applyByScope(
  targets: readonly PlannedTarget[],
  send: (scope: Scope, targets: PlannedTarget[]) => Promise<TargetResult[]>,
): Promise<TargetResult[]> {
  const results: TargetResult[] = [];
  for (const group of groupByScope(targets, scopeOfTarget))
    results.push(...(await send(group.scope, group.items)));
  return results;
}

/** Who and what a target is, for the admin reading the plan. */
export function describeTarget(ws: Workspace): Detail {
  return {
    userName: ws.UserName ?? null,
    computerName: ws.ComputerName ?? null,
    runningMode: ws.WorkspaceProperties?.RunningMode ?? null,
  };
}

/** A planned target judged by the state/action legality rules. */
export function legalTarget(
  ws: Workspace,
  action: WorkspaceAction,
  label: string,
  extra: Detail = {},
): PlannedTarget {
  const id = ws.WorkspaceId ?? '';
  const state = ws.State;
  const detail = { ...describeTarget(ws), ...extra };
  if (!isWorkspaceState(state)) return { id, action: label, skip: 'unknown state; not touched.', detail };
  const legality = actionLegality(action, state, ws.WorkspaceProperties?.RunningMode);
  if (!legality.legal) return { id, action: label, current: state, skip: legality.reason, detail };
  return {
    id,
    action: label,
    current: state,
    detail: legality.caution ? { ...detail, caution: legality.caution } : detail,
  };
}

/** The desktops behind the targets the plan did not skip. */
export function actionableOf(
  targets: readonly PlannedTarget[],
  found: ReadonlyMap<string, Workspace>,
): Workspace[] {
  return targets.flatMap((t) => {
    const ws = t.skip === undefined ? found.get(t.id) : undefined;
    return ws ? [ws] : [];
  });
}

/**
 * Plan warnings for standby (multi-region resilience) pairs among the targets: a standby desktop
 * lists its primary as a related WorkSpace of type PRIMARY, a primary lists its standby as STANDBY.
 * `verb` is the -ing form of the action ("terminating").
 */
export function standbyWarnings(workspaces: Iterable<Workspace>, verb: string): string[] {
  const warnings: string[] = [];
  const removes = verb === 'terminating';
  for (const ws of workspaces)
    for (const related of ws.RelatedWorkspaces ?? []) {
      if (related.Type === 'STANDBY')
        warnings.push(
          `${ws.WorkspaceId} is a PRIMARY with standby ${related.WorkspaceId} in ${related.Region}: ${verb} the primary does not change the standby${removes ? ', which stays (with its own charges) until you terminate it too' : ''}.`,
        );
      else if (related.Type === 'PRIMARY')
        warnings.push(
          `${ws.WorkspaceId} is the STANDBY of ${related.WorkspaceId} in ${related.Region}: users fail over to it during a regional outage${removes ? '; terminating it removes that failover' : `; ${verb} it does not change the primary`}.`,
        );
    }
  return warnings;
}

/**
 * Sends actionable targets in batches; a FailedRequests entry fails only its target, and a batch
 * whose whole request failed fails every target in it (never reported as done).
 */
export async function applyInBatches(
  ctx: ToolContext,
  targets: readonly PlannedTarget[],
  batchSize: number,
  send: (workspaceIds: string[]) => Promise<FailedWorkspaceChangeRequest[] | undefined>,
): Promise<TargetResult[]> {
  const batches = chunk(
    targets.map((t) => t.id),
    batchSize,
  );
  const settled = await mapBounded(batches, ctx.limits.concurrency, send, { signal: ctx.signal });
  return settled.flatMap((outcome): TargetResult[] => {
    if (!outcome.ok) {
      const { code, message } = summarizeError(outcome.error);
      return outcome.item.map((id) => ({ id, ok: false, code, message }));
    }
    const failures = new Map((outcome.value ?? []).map((f) => [f.WorkspaceId, f]));
    return outcome.item.map((id) => {
      const failure = failures.get(id);
      return failure
        ? {
            id,
            ok: false,
            code: failure.ErrorCode ?? 'Failed',
            message: failure.ErrorMessage ?? 'AWS reported this target as failed.',
          }
        : { id, ok: true, message: 'Request accepted.' };
    });
  });
}

/** One request per target (for APIs that take a single WorkSpace), bounded concurrency. */
export async function applyEach(
  ctx: ToolContext,
  targets: readonly PlannedTarget[],
  send: (workspaceId: string) => Promise<unknown>,
): Promise<TargetResult[]> {
  const settled = await mapBounded(targets, ctx.limits.concurrency, (t) => send(t.id), {
    signal: ctx.signal,
  });
  return settled.map((outcome) => {
    if (outcome.ok) return { id: outcome.item.id, ok: true, message: 'Request accepted.' };
    const { code, message } = summarizeError(outcome.error);
    return { id: outcome.item.id, ok: false, code, message };
  });
}
