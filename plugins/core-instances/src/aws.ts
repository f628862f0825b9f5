/**
 * Thin shells over the workspaces-instances API (WorkSpaces Instances API reference):
 * ListWorkspaceInstances takes MaxResults 1-25 and an optional ProvisionStates filter and returns
 * only id, state and EC2 instance id; error details and billing mode come from
 * GetWorkspaceInstance, one instance a call (there is no batch form).
 */
import {
  GetWorkspaceInstanceCommand,
  type GetWorkspaceInstanceResponse,
  type ProvisionStateEnum,
  paginateListWorkspaceInstances,
  type WorkspaceInstance,
  WorkspacesInstancesClient,
} from '@aws-sdk/client-workspaces-instances';
import { collectPages, mapBounded, type Scope, scopeKey, type ToolContext } from '@workspaces-euc-mcp/host';

export const MAX_RESULTS = 25;

function client(ctx: ToolContext, scope: Scope): WorkspacesInstancesClient {
  return ctx.aws.client(WorkspacesInstancesClient, scope);
}

/**
 * The managed instances of the scope, optionally only those in `states` (filtered by the API, so a
 * findings scan reads only the failed ones). Memoised per client call and filter.
 */
export function listInstances(
  ctx: ToolContext,
  scope: Scope,
  states?: readonly ProvisionStateEnum[],
): Promise<WorkspaceInstance[]> {
  const filter = states ? [...states].sort() : undefined;
  return ctx.memo(`core-instances:list:${scopeKey(ctx.aws, scope)}:${filter?.join(',') ?? '*'}`, () =>
    collectPages(
      paginateListWorkspaceInstances(
        { client: client(ctx, scope), pageSize: MAX_RESULTS },
        filter ? { ProvisionStates: filter } : {},
      ),
      (page) => page.WorkspaceInstances,
      { signal: ctx.signal },
    ),
  );
}

/**
 * GetWorkspaceInstance for each id, with bounded concurrency. An instance gone since it was listed
 * (ResourceNotFoundException) is left out; any other failure is thrown, so a denied call becomes
 * the consuming tool's error instead of findings without their details.
 */
export async function getInstances(
  ctx: ToolContext,
  scope: Scope,
  ids: readonly string[],
): Promise<GetWorkspaceInstanceResponse[]> {
  const api = client(ctx, scope);
  const settled = await mapBounded(
    ids,
    ctx.limits.concurrency,
    (id) =>
      api.send(new GetWorkspaceInstanceCommand({ WorkspaceInstanceId: id }), { abortSignal: ctx.signal }),
    { signal: ctx.signal },
  );
  return settled.flatMap((outcome) => {
    if (outcome.ok) return [outcome.value];
    if ((outcome.error as { name?: string }).name === 'ResourceNotFoundException') return [];
    throw outcome.error;
  });
}
