/** The host's write outcome: what every write tool answers. */
export type { WriteOutcome as Outcome } from '@workspaces-euc-mcp/host';

/** Actions that change something (everything but Describe*, Get*, List*), e.g. `workspaces:StopWorkspaces`. */
export const mutating = (requests: readonly { action: string }[]) =>
  requests.map((r) => r.action).filter((action) => !/:(Describe|Get|List)/.test(action));
