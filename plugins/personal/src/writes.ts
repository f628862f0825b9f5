import type { FailedWorkspaceChangeRequest, Workspace } from '@aws-sdk/client-workspaces';
import {
  chunk,
  mapBounded,
  type PlannedTarget,
  summarizeError,
  type TargetResult,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { describeSnapshots, describeWorkspacesByIds, type Where } from './aws.js';
import { WorkspaceIdSchema } from './schemas.js';
import { actionLegality, isWorkspaceState, type WorkspaceAction } from './states.js';

/** Start/Stop/Reboot/TerminateWorkspaces take at most 25 requests per call (API reference). */
export const MAX_PER_BATCH_REQUEST = 25;

/** The ids a batch write tool takes. The host's blast-radius cap limits how many a confirmed call may change. */
export const WorkspaceIdsInput = Type.Array(WorkspaceIdSchema, {
  minItems: 1,
  maxItems: 500,
  uniqueItems: true,
  description: 'WorkSpace ids. Illegal or unknown targets are skipped in the plan.',
});

type Detail = Record<string, string | number | boolean | null>;

/**
 * Resolves targets for a write: DescribeWorkspaces 25 ids a call; unknown ids are skipped as not
 * found; `decide` judges each found desktop.
 */
export async function planTargets(
  ctx: ToolContext,
  where: Where,
  workspaceIds: readonly string[],
  action: string,
  decide: (ws: Workspace) => PlannedTarget,
): Promise<PlannedTarget[]> {
  const found = await describeWorkspacesByIds(ctx, where, workspaceIds);
  return workspaceIds.map((id) => {
    const ws = found.get(id);
    return ws
      ? decide(ws)
      : { id, action, skip: `not found in ${where.region} (terminated, or another region).` };
  });
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

/** Plan warnings for standby (multi-region resilience) pairs among the targets. */
export function standbyWarnings(workspaces: Iterable<Workspace>, verb: string): string[] {
  const warnings: string[] = [];
  for (const ws of workspaces)
    for (const related of ws.RelatedWorkspaces ?? []) {
      if (related.Type === 'STANDBY')
        warnings.push(
          `${ws.WorkspaceId} has a standby desktop ${related.WorkspaceId} in ${related.Region}; ${verb} the primary does not change the standby.`,
        );
      else if (related.Type === 'PRIMARY')
        warnings.push(
          `${ws.WorkspaceId} is the standby of ${related.WorkspaceId} in ${related.Region}; users fail over to it during a regional outage.`,
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

/**
 * Adds the snapshot a rebuild or restore will use to each actionable target's detail (one
 * DescribeWorkspaceSnapshots per target), saying what data written since then is lost.
 */
export async function withSnapshots(
  ctx: ToolContext,
  where: Where,
  targets: readonly PlannedTarget[],
  kind: 'rebuild' | 'restore',
): Promise<{ targets: PlannedTarget[]; warnings: string[] }> {
  const warnings: string[] = [];
  const actionable = targets.filter((t) => t.skip === undefined);
  const settled = await mapBounded(
    actionable,
    ctx.limits.concurrency,
    (t) => describeSnapshots(ctx, where, t.id),
    {
      signal: ctx.signal,
    },
  );
  const byId = new Map(settled.map((s) => [s.item.id, s]));
  const planned = targets.map((target): PlannedTarget => {
    const outcome = byId.get(target.id);
    if (!outcome) return target;
    if (!outcome.ok) {
      warnings.push(
        `${target.id}: the snapshot lookup failed (${summarizeError(outcome.error).message}); the restore point is unknown.`,
      );
      return { ...target, detail: { ...target.detail, snapshot: null } };
    }
    const time = kind === 'rebuild' ? outcome.value.lastRebuild : outcome.value.lastRestore;
    if (!time) {
      if (kind === 'restore')
        return { ...target, skip: 'no restore snapshot exists yet, so there is nothing to restore to.' };
      warnings.push(`${target.id}: no rebuild snapshot yet; the user volume may come back empty.`);
      return { ...target, detail: { ...target.detail, snapshot: null } };
    }
    return {
      ...target,
      detail: {
        ...target.detail,
        snapshot: time.toISOString(),
        dataLost:
          kind === 'rebuild'
            ? `Everything on the root volume (C:) not in the bundle image, and user-volume (D:) changes after ${time.toISOString()}.`
            : `Everything written to either volume after ${time.toISOString()}.`,
      },
    };
  });
  return { targets: planned, warnings };
}
