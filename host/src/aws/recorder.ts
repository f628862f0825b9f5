import { AsyncLocalStorage } from 'node:async_hooks';

/** One AWS request a tool sent. */
export interface RecordedCall {
  readonly iamAction: string;
  readonly region: string;
  readonly account: string | undefined;
  /** Set when the request failed (after the SDK's retries). */
  readonly errorCode?: string;
  /**
   * True on the recorder of a tool when the request was sent by another tool it called through
   * `ctx.callTool`: it counts towards the caller's totals, not towards the caller's IAM actions.
   */
  readonly nested?: boolean;
}

/**
 * Records the AWS requests made while a tool runs. Clients are cached across tool calls, so the
 * recorder in force is found through AsyncLocalStorage rather than captured by the client.
 */
export class CallRecorder {
  readonly calls: RecordedCall[] = [];

  /** `onRecord` hears the running count after each request (the call's progress heartbeat). */
  constructor(private readonly onRecord?: (count: number) => void) {}

  record(call: RecordedCall): void {
    this.calls.push(call);
    this.onRecord?.(this.calls.length);
  }

  /** Request counts by IAM action, sorted by action. */
  countsByAction(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) counts[call.iamAction] = (counts[call.iamAction] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  }

  /**
   * The distinct IAM actions the tool sent itself. Requests of the tools it called through
   * `ctx.callTool` are left out: those tools declare and are proven for their own actions.
   */
  actions(): Set<string> {
    return new Set(this.calls.filter((call) => !call.nested).map((call) => call.iamAction));
  }
}

const activeRecorders = new AsyncLocalStorage<readonly CallRecorder[]>();

/** Runs `fn` with `recorder` active in addition to any recorder already active (nested tool calls). */
export function withRecorder<T>(recorder: CallRecorder, fn: () => Promise<T>): Promise<T> {
  const outer = activeRecorders.getStore() ?? [];
  return activeRecorders.run([...outer, recorder], fn);
}

/** Records a call on every active recorder; the outer ones (callers of a nested tool) see it as nested. */
export function recordCall(call: RecordedCall): void {
  const recorders = activeRecorders.getStore() ?? [];
  recorders.forEach((recorder, index) => {
    recorder.record(index === recorders.length - 1 ? call : { ...call, nested: true });
  });
}
