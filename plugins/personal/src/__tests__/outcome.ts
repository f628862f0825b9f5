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

/** Operations that change something (everything but Describe*). */
export const mutating = (requests: readonly { operation: string }[]) =>
  requests.filter((r) => !r.operation.startsWith('Describe')).map((r) => r.operation);
