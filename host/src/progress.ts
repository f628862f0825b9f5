/** Where a call's progress goes: an MCP progress notification when the client asked for them. */
export type ProgressSink = (done: number, total: number | undefined, message: string | undefined) => void;

/** AWS requests between two heartbeats of a call whose tool reports no progress of its own. */
export const HEARTBEAT_REQUESTS = 25;

/**
 * The progress value of a heartbeat after `count` requests: increasing, and always below 1, so a
 * tool's own first step (1 of its total) still moves the value forward with its total intact.
 */
export function heartbeatValue(count: number): number {
  return Math.round((count / (count + 1000)) * 1e6) / 1e6;
}

/**
 * The progress of one client call. A tool that fans out may report its own steps; one that does
 * not still keeps the client informed (and, in clients that reset their timeout on progress,
 * alive) through heartbeats every {@link HEARTBEAT_REQUESTS} AWS requests, until the tool reports.
 * MCP requires the progress value to increase with each notification, so a tool's own report that
 * would not (a step 0 after heartbeats) is sent as a little more than the last value, its
 * `done/total` in the message.
 */
export function progressChannel(send: ProgressSink): {
  report: ProgressSink;
  requestSent(count: number): void;
} {
  let last: number | undefined;
  let toolReports = false;
  return {
    report(done, total, message) {
      toolReports = true;
      if (last === undefined || done > last) {
        last = done;
        send(done, total, message);
        return;
      }
      last = Math.round((last + 0.001) * 1e6) / 1e6;
      const step = total === undefined ? `${done}` : `${done}/${total}`;
      send(last, undefined, message ? `${message} (${step})` : step);
    },
    requestSent(count) {
      if (toolReports || count % HEARTBEAT_REQUESTS !== 0) return;
      const value = heartbeatValue(count);
      if (last !== undefined && value <= last) return;
      last = value;
      send(value, undefined, `${count} AWS requests so far`);
    },
  };
}
