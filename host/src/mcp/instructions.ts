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
- Writes are dry runs unless confirm=true; destructive tools also need the exact acknowledge phrase, and batches above the blast-radius cap are refused. Always show the plan to the user and get their agreement before confirming.
- Tool errors say what to do: a missing IAM action names the generated policy to attach; expired credentials say how to sign in again.`;

/** The host's instructions followed by each loaded plugin's, in load order. */
export function serverInstructions(pluginInstructions: readonly string[]): string {
  if (pluginInstructions.length === 0) return HOST_INSTRUCTIONS;
  return `${HOST_INSTRUCTIONS}\n\nThe loaded plugins:\n${pluginInstructions.map((text) => `- ${text}`).join('\n')}`;
}
