import { defineTool, ErrorList, pageOf, ScopeInput, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { optOutsOf } from '../plan/opt-outs.js';
import { planAfterOptOut } from '../plan/plan-output.js';
import { DEFAULT_PLAN, type PlannedRow, planScope } from '../plan/plan-scope.js';
import { DEFAULT_RIGHTSIZING } from '../rightsizing/rightsizing.js';
import {
  inRange,
  listNote,
  OtherScopes,
  oneOf,
  otherScopesOf,
  PageFields,
  pageLimits,
  partialNote,
  readEstate,
  scopesPhrase,
  topScopes,
  type Where,
  WhereFields,
  whereOf,
} from '../shared/estate.js';
import { round1, usd } from '../shared/numbers.js';

const Action = Type.Union([
  Type.Literal('upsize'),
  Type.Literal('downsize'),
  Type.Literal('unknown'),
  Type.Literal('skipped'),
  Type.Literal('keep'),
  Type.Literal('superseded'),
]);
const ACTION_ORDER = ['upsize', 'downsize', 'unknown', 'skipped', 'keep', 'superseded'] as const;

/** Rows a default answer lists: 20 priced rows keep 20 account/region scopes within ~17 KB. */
const DEFAULT_ROWS = 20;

const Input = Type.Object(
  {
    ...ScopeInput,
    lookbackDays: Type.Optional(Type.Integer()),
    minDatapoints: Type.Optional(Type.Integer()),
    // Bare: the values are the keys of `counts` in every answer; checked in code.
    actions: Type.Optional(Type.Array(Type.String())),
    ...PageFields,
  },
  { additionalProperties: false },
);

const Row = Type.Object({
  workspaceId: Type.String(),
  userName: Type.Optional(Type.String()),
  ...WhereFields,
  computeType: Type.Optional(Type.String()),
  action: Action,
  targetComputeType: Type.Optional(Type.String()),
  targetMode: Type.Optional(Type.String({ description: 'Best running mode at the new size.' })),
  monthlySavingUsd: Type.Optional(Type.Number({ description: 'Negative: a step up costs more.' })),
  confidence: Type.Optional(Type.Union([Type.Literal('high'), Type.Literal('medium')])),
  cpuP95: Type.Optional(Type.Number()),
  memoryP95: Type.Optional(Type.Number()),
  gpuP95: Type.Optional(Type.Number()),
  reason: Type.Optional(Type.String({ description: 'For unknown, skipped, superseded and unpriced rows.' })),
});
type Row = Static<typeof Row>;

const Counts = Type.Object({
  upsize: Type.Integer(),
  downsize: Type.Integer(),
  unknown: Type.Integer(),
  skipped: Type.Integer(),
  keep: Type.Integer(),
  superseded: Type.Integer(),
});

const Output = Type.Object({
  summary: Type.String(),
  lookbackDays: Type.Integer(),
  counts: Counts,
  totalMonthlySavingUsd: Type.Number({
    description: 'Priced step-downs (with the best mode at the new size), listed or not.',
  }),
  stepUpMonthlyCostUsd: Type.Number(),
  byScope: Type.Array(Type.Object({ ...WhereFields, desktops: Type.Integer(), counts: Counts }), {
    description: 'The scopes with the most step-ups and step-downs.',
  }),
  otherScopes: OtherScopes({ desktops: Type.Integer(), upsize: Type.Integer(), downsize: Type.Integer() }),
  recommendations: Type.Array(Row, {
    description: 'Step-ups first (highest load first), then step-downs (largest saving first).',
  }),
  totalListed: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  metricRequests: Type.Integer(),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

/** The highest p95 of a row's metrics: step-ups under the most pressure are listed first. */
const load = (row: Row) => Math.max(row.cpuP95 ?? 0, row.memoryP95 ?? 0, row.gpuP95 ?? 0);

/**
 * One desktop's row. The cost plan decides: an unused desktop is to be terminated (not resized),
 * and a resize is priced with the best running mode at the new size.
 */
function rowOf(planned: PlannedRow, where: Where): Row {
  const { desktop, sizing, plan } = planned;
  const verdict = sizing?.verdict ?? { action: 'unknown' as const, reason: 'Not measured.' };
  const base = {
    workspaceId: desktop.workspaceId,
    ...(desktop.userName ? { userName: desktop.userName } : {}),
    ...where,
    ...(desktop.computeType ? { computeType: desktop.computeType } : {}),
    ...(sizing?.cpu ? { cpuP95: round1(sizing.cpu.p95) } : {}),
    ...(sizing?.memory ? { memoryP95: round1(sizing.memory.p95) } : {}),
    ...(sizing?.gpu ? { gpuP95: round1(sizing.gpu.p95) } : {}),
  };
  if (plan.action === 'terminate')
    return {
      ...base,
      action: 'superseded',
      reason: `${plan.reason} (${plan.unpricedWhy ? 'unpriced' : `$${plan.monthlySavingUsd.toFixed(2)}/month`}; list_unused_resources)`,
    };
  const { reason, ...rest } = verdict;
  const resized = plan.action === 'rightsize';
  // A step the plan does not take (the desktop's state, or use that contradicts its last
  // connection) is shown as skipped with the plan's reason, never as an action.
  if (!resized && (verdict.action === 'upsize' || verdict.action === 'downsize'))
    return { ...base, action: 'skipped', reason: plan.reason };
  return {
    ...base,
    ...rest,
    ...(resized && plan.targetMode ? { targetMode: plan.targetMode } : {}),
    ...(resized && !plan.unpricedWhy ? { monthlySavingUsd: usd(plan.monthlySavingUsd) } : {}),
    // Step-ups and step-downs follow from the p95s and the rule in notes; an unpriced one says why.
    ...(verdict.action === 'unknown' || verdict.action === 'skipped'
      ? { reason }
      : resized && plan.unpricedWhy
        ? { reason: `Unpriced: ${plan.unpricedWhy}` }
        : {}),
  };
}

/** recommend_bundle_rightsizing: one compute-type step up or down from hourly CPU/memory peaks. */
export const recommendBundleRightsizing = defineTool({
  name: 'recommend_bundle_rightsizing',
  title: 'WorkSpaces bundle right-sizing',
  description:
    'Which WorkSpaces Personal desktops should move one compute type up or down? p95 of hourly CPU/memory (GPU) peaks; a step down must fit the smaller size. Lists upsize/downsize by default.',
  tier: 1,
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspaceDirectories',
    'workspaces:DescribeWorkspacesConnectionStatus',
    'cloudwatch:GetMetricData',
    'pricing:GetProducts',
    'tag:GetResources',
  ],
  input: Input,
  output: Output,
  async run(input, ctx) {
    inRange('lookbackDays', input.lookbackDays, 1, 90);
    inRange('minDatapoints', input.minDatapoints, 6, 720);
    const limits = pageLimits(ctx, input.limit, DEFAULT_ROWS);
    const lookbackDays = input.lookbackDays ?? 14;
    const thresholds = {
      ...DEFAULT_RIGHTSIZING,
      minDatapoints: input.minDatapoints ?? DEFAULT_RIGHTSIZING.minDatapoints,
    };
    const read = await readEstate(ctx, input, SERVICE_LABELS.personal, (scope) =>
      planScope(ctx, scope, { ...DEFAULT_PLAN, lookbackDays, thresholds }),
    );
    // The same Skip_Convert check as recommend_running_mode (same candidates, the same shared tag
    // scan), so a resize's running mode at the new size is the one that tool counts.
    const lookups = await optOutsOf(
      ctx,
      read.answered.flatMap(({ value }) => value.rows),
    );
    let saving = 0;
    let stepUpCost = 0;
    const emptyCounts = () => ({ upsize: 0, downsize: 0, unknown: 0, skipped: 0, keep: 0, superseded: 0 });
    const counts = emptyCounts();
    const byScope: Static<typeof Output>['byScope'] = [];
    const rows: Row[] = [];
    for (const { scope, value } of read.answered) {
      const where = whereOf(scope, read.multiAccount);
      const here = emptyCounts();
      for (const planned of value.rows) {
        const id = planned.desktop.workspaceId;
        const { plan } = planAfterOptOut(planned.plan, planned.desktop.runningMode, lookups.get(id));
        if (plan.action === 'rightsize' && !plan.unpricedWhy) {
          if (plan.monthlySavingUsd > 0) saving += plan.monthlySavingUsd;
          else stepUpCost -= plan.monthlySavingUsd;
        }
        const row = rowOf({ ...planned, plan }, where);
        counts[row.action] += 1;
        here[row.action] += 1;
        rows.push(row);
      }
      byScope.push({ ...where, desktops: value.rows.length, counts: here });
    }
    const errors = [...read.errors, ...read.answered.flatMap(({ value }) => value.errors)];
    const wanted: readonly string[] = oneOf('actions', input.actions, ACTION_ORDER) ?? ['upsize', 'downsize'];
    const listed = rows
      .filter((row) => wanted.includes(row.action))
      .sort(
        (a, b) =>
          ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action) ||
          (a.confidence === b.confidence ? 0 : a.confidence === 'high' ? -1 : 1) ||
          (a.action === 'downsize'
            ? (b.monthlySavingUsd ?? Number.NEGATIVE_INFINITY) -
                (a.monthlySavingUsd ?? Number.NEGATIVE_INFINITY) || load(a) - load(b)
            : load(b) - load(a)) ||
          a.workspaceId.localeCompare(b.workspaceId),
      );
    const { page, offset, nextCursor } = pageOf(listed, input, limits);
    const scopes = topScopes(byScope, (s) => s.counts.upsize + s.counts.downsize);
    const summary =
      `${rows.length} desktops in ${scopesPhrase(read)} over ${lookbackDays} days: ${counts.upsize} to step up, ${counts.downsize} to step down, ` +
      `${counts.keep} right-sized, ${counts.unknown} with too little data, ${counts.skipped} skipped (graphics without GPU data, unknown types), ${counts.superseded} unused (to terminate instead). Step-downs save ≈$${usd(saving).toFixed(2)}/month at list prices; step-ups add $${usd(stepUpCost).toFixed(2)}.` +
      partialNote(errors) +
      listNote(offset, page.length, listed.length, nextCursor);
    return {
      summary,
      lookbackDays,
      counts,
      totalMonthlySavingUsd: usd(saving),
      stepUpMonthlyCostUsd: usd(stepUpCost),
      byScope: scopes.shown,
      ...otherScopesOf(scopes.rest, ['upsize', 'downsize']),
      recommendations: page,
      totalListed: listed.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      metricRequests: read.answered.reduce((n, { value }) => n + value.metricRequests, 0),
      errors: errors.slice(0, 100),
      notes: [
        `Step up when the p95 of hourly CPU, memory or GPU peaks is at least ${thresholds.upsizeP95}%. Step down only when the same load on the smaller size stays at or below ${thresholds.downsizeMaxCpuP95}% CPU and ${thresholds.downsizeMaxMemoryP95}% memory (p95) and ${thresholds.downsizeMaxMemoryPeak}% memory at peak; each metric needs ${thresholds.minDatapoints} hourly datapoints. Steps stay within a family.`,
        'A compute type can be changed again only after 6 hours (larger) or 30 days (smaller); the desktop must be AVAILABLE or STOPPED. Check the target bundle is offered for the OS and region.',
        'One cost plan per desktop (shared with list_unused_resources and recommend_running_mode): unused desktops are to be terminated, not resized (superseded); a resize is priced at list prices with the cheaper running mode at the new size (targetMode), subject to Skip_Convert.',
      ],
    };
  },
});
