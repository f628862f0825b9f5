import { DEFAULT_SNAPSHOT_TTL_SECONDS } from '../shared-state/estate-snapshot.js';

/**
 * The server `instructions` every MCP client receives at initialize, written for the model: what
 * the host itself guarantees (summaries, pages, gated writes, actionable errors), then what each
 * loaded plugin says about its products. The host names no product: that knowledge is the plugins'.
 */
const HOST_INSTRUCTIONS = `workspaces-euc-mcp administers Amazon WorkSpaces End User Computing through cross-service tools that return synthesized answers (rollups, ranked diagnoses, priced recommendations, audits), not raw API dumps.

How to answer well:
- Always answer with the current product names; legacy names are accepted as input.
- "What is running" is a power-state question: use the inventory's by-state counts, never utilization or connection metrics.
- Start large estates with summaries; per-resource lists come in pages with a cursor. Do not ask for everything at once.
- Writes are dry runs unless confirm=true with the planId the dry run returned (good for 10 min): show the plan to the user and get their agreement, then call again with the same input, confirm=true and that planId (destructive tools also take the acknowledge phrase the plan names). A changed target or state, another tool's or an expired planId is refused with a fresh plan; batches above the blast-radius cap, per call or per hour of destructive changes, are refused.
- Tool errors say what to do: a missing IAM action names the generated policy to attach; expired credentials say how to sign in again.`;

/**
 * The shared scope inputs, explained once here so no tool's schema has to (they are bare there to
 * keep every tool's schema small). `ttlSeconds` is the estate snapshot's, 0 when it is off.
 */
export function scopeInstructions(ttlSeconds: number): string {
  const kept =
    ttlSeconds <= 0
      ? 'the server keeps no estate snapshot, so every call scans'
      : `list scans are kept in an estate snapshot for ${ttlSeconds % 60 === 0 ? `${ttlSeconds / 60} min` : `${ttlSeconds} s`}, and an answer built on kept data says how old it is`;
  return `Estate tools share three optional inputs: accounts (config target labels or account ids; default every configured target), regions (region codes, or ["all"] for every region of the target's partition; default each target's configured regions), and fresh (true rescans instead of reading the estate snapshot: ${kept}; writes always read fresh). Tools about one resource find it in whichever configured account and region holds it; accounts/regions only narrow the search.`;
}

/**
 * The host's instructions, the shared inputs, then each loaded plugin's, in load order.
 * `snapshotTtlSeconds` defaults to the snapshot's default TTL.
 */
export function serverInstructions(
  pluginInstructions: readonly string[],
  snapshotTtlSeconds: number = DEFAULT_SNAPSHOT_TTL_SECONDS,
): string {
  const host = `${HOST_INSTRUCTIONS}\n\n${scopeInstructions(snapshotTtlSeconds)}`;
  if (pluginInstructions.length === 0) return host;
  return `${host}\n\nThe loaded plugins:\n${pluginInstructions.map((text) => `- ${text}`).join('\n')}`;
}
