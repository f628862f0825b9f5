/** The host's write outcome, as tests read it. */
export interface Outcome {
  status: string;
  dryRun: boolean;
  summary: string;
  counts: { targets: number; actionable: number; skipped: number; ok: number; failed: number };
  targets: {
    id: string;
    status: string;
    current?: string;
    message?: string;
    code?: string;
    detail?: Record<string, unknown>;
  }[];
  warnings: string[];
  impact?: string;
  refusal?: { gate: string };
}

/** Actions that change something (everything but Describe*, Get*, List*), e.g. `workspaces:StopWorkspaces`. */
export const mutating = (requests: readonly { action: string }[]) =>
  requests.map((r) => r.action).filter((action) => !/:(Describe|Get|List)/.test(action));
