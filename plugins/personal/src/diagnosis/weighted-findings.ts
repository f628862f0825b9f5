import type { Severity } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';

/** A diagnosis finding: what was seen, how bad, and what to do next. */
export const DiagnosisFindingSchema = Type.Object({
  id: Type.String({ description: 'Stable id of the rule, e.g. `state.unhealthy`.' }),
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]),
  title: Type.String(),
  detail: Type.String(),
  nextStep: Type.Optional(Type.String()),
});
export type DiagnosisFinding = Static<typeof DiagnosisFindingSchema>;

/** A finding with the weight used to rank it among findings of the same severity. */
export interface WeightedFinding extends DiagnosisFinding {
  /** Higher first: how likely this is the cause of the user's problem (blocking causes first). */
  readonly weight: number;
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

/** Worst severity first, then the heavier (more causal) finding first; stable otherwise. */
export function rankFindings(findings: readonly WeightedFinding[]): DiagnosisFinding[] {
  return [...findings]
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[b.finding.severity] - SEVERITY_ORDER[a.finding.severity] ||
        b.finding.weight - a.finding.weight ||
        a.index - b.index,
    )
    .map(({ finding: { weight: _weight, ...finding } }) => finding);
}

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

/** critical → unhealthy; warning → degraded; otherwise (info only, or none) healthy. */
export function statusOf(findings: readonly Pick<DiagnosisFinding, 'severity'>[]): HealthStatus {
  if (findings.some((f) => f.severity === 'critical')) return 'unhealthy';
  if (findings.some((f) => f.severity === 'warning')) return 'degraded';
  return 'healthy';
}
