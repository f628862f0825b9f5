/** The server `instructions` every MCP client receives at initialize. Written for the model. */
export const SERVER_INSTRUCTIONS = `workspaces-euc-mcp administers Amazon WorkSpaces End User Computing through cross-service tools that return synthesized answers (rollups, ranked diagnoses, priced recommendations, audits), not raw API dumps.

Product names (always answer with the current name; accept the legacy one as input):
- AppStream 2.0 / AppStream → Amazon WorkSpaces Applications (the API is still "appstream").
- WorkSpaces Web → Amazon WorkSpaces Secure Browser (the API is "workspaces-web").
- WorkSpaces (a persistent desktop per user) → WorkSpaces Personal; non-persistent shared desktops → WorkSpaces Pools; partner-managed Core desktops → WorkSpaces Core Managed Instances.

How to answer well:
- "What is running" is a power-state question: use the inventory's by-state counts, never utilization or connection metrics.
- Start large estates with summaries; per-resource lists come in pages with a cursor. Do not ask for everything at once.
- Cost: Windows 10/11 WorkSpaces Personal are always BYOL; Applications fleet billing depends on fleet type (never quote 24x7 rates for On-Demand or Elastic fleets). Prefer actual spend from Cost Explorer to list prices, and say which you used. Cost Explorer requests are billed per call.
- Writes are dry runs unless confirm=true; destructive tools also need the exact acknowledge phrase, and batches above the blast-radius cap are refused. Always show the plan to the user and get their agreement before confirming.
- Tool errors say what to do: a missing IAM action names the generated policy to attach; expired credentials say how to sign in again.`;
