/** Where a call's progress goes: an MCP progress notification when the client asked for them. */
export type ProgressSink = (done: number, total: number | undefined, message: string | undefined) => void;

/** AWS requests between two heartbeats of a call whose tool reports no progress of its own. */
export const HEARTBEAT_REQUESTS = 25;

/**
 * The progress of one client call. A tool that fans out may report its own steps; one that does
 * not still keeps the client informed (and, in clients that reset their timeout on progress,
 * alive) through heartbeats every {@link HEARTBEAT_REQUESTS} AWS requests. MCP requires the
 * progress value to increase with each notification, so once a heartbeat has been sent a tool's
 * own report that would go backwards is sent as the next value, its `done/total` in the message.
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
      last += 1;
      const step = total === undefined ? `${done}` : `${done}/${total}`;
      send(last, undefined, message ? `${message} (${step})` : step);
    },
    requestSent(count) {
      if (toolReports || count % HEARTBEAT_REQUESTS !== 0) return;
      if (last !== undefined && count <= last) return;
      last = count;
      send(count, undefined, `${count} AWS requests so far`);
    },
  };
}
