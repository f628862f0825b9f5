/**
 * Thin shells over the workspaces-instances API (WorkSpaces Instances API reference):
 * ListWorkspaceInstances takes MaxResults 1-25 and an optional ProvisionStates filter and returns
 * only id, state and EC2 instance id; error details and billing mode come from
 * GetWorkspaceInstance, and tags from ListTagsForResource, one instance a call (there is no batch
 * form). ListInstanceTypes pages up to 600 types, ListRegions up to 25 regions.
 */
import type {
  GetWorkspaceInstanceResponse,
  InstanceTypeInfo,
  ProvisionStateEnum,
  WorkspaceInstance,
  WorkspacesInstancesClient,
} from '@aws-sdk/client-workspaces-instances';
import { collectPages, listOnce, mapBounded, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';
import { workspacesInstancesSdk } from './sdk.js';

export const MAX_RESULTS = 25;
const MAX_INSTANCE_TYPES = 600;

/** The workspaces-instances client of the scope. */
async function client(ctx: ToolContext, scope: Scope): Promise<WorkspacesInstancesClient> {
  const { WorkspacesInstancesClient } = await workspacesInstancesSdk();
  return ctx.aws.client(WorkspacesInstancesClient, scope);
}

/** True for the API's "no such instance here" (the instance lives elsewhere, or is gone). */
export function isNotFound(error: unknown): boolean {
  return (error as { name?: string }).name === 'ResourceNotFoundException';
}

/**
 * The managed instances of the scope, optionally only those in `states` (filtered by the API, so a
 * findings scan reads only the failed ones), through the host's `listOnce`: once per client call
 * and filter, then from the estate snapshot while it is young.
 */
export function listInstances(
  ctx: ToolContext,
  scope: Scope,
  states?: readonly ProvisionStateEnum[],
): Promise<WorkspaceInstance[]> {
  const filter = states ? [...states].sort() : undefined;
  const input = filter ? { ProvisionStates: filter } : {};
  return listOnce(ctx, {
    action: 'workspaces-instances:ListWorkspaceInstances',
    where: scope,
    input: { ...input, MaxResults: MAX_RESULTS },
    pages: async function* () {
      const { paginateListWorkspaceInstances } = await workspacesInstancesSdk();
      yield* paginateListWorkspaceInstances(
        { client: await client(ctx, scope), pageSize: MAX_RESULTS },
        input,
      );
    },
    items: (page) => page.WorkspaceInstances,
  });
}

/** GetWorkspaceInstance: one instance in full; throws ResourceNotFoundException when not in the scope. */
export async function getInstance(
  ctx: ToolContext,
  scope: Scope,
  workspaceInstanceId: string,
): Promise<GetWorkspaceInstanceResponse> {
  const { GetWorkspaceInstanceCommand } = await workspacesInstancesSdk();
  return (await client(ctx, scope)).send(
    new GetWorkspaceInstanceCommand({ WorkspaceInstanceId: workspaceInstanceId }),
    { abortSignal: ctx.signal },
  );
}

/** DeleteWorkspaceInstance: starts releasing the instance (WorkSpaces terminates its EC2 instance). */
export async function deleteInstance(
  ctx: ToolContext,
  scope: Scope,
  workspaceInstanceId: string,
): Promise<void> {
  const { DeleteWorkspaceInstanceCommand } = await workspacesInstancesSdk();
  await (await client(ctx, scope)).send(
    new DeleteWorkspaceInstanceCommand({ WorkspaceInstanceId: workspaceInstanceId }),
    { abortSignal: ctx.signal },
  );
}

/**
 * GetWorkspaceInstance for each id, with bounded concurrency, in the order of `ids`. An instance
 * gone since it was listed (ResourceNotFoundException) is left out; any other failure is thrown,
 * so a denied call becomes the consuming tool's error instead of findings without their details.
 * The answers go through the host's `listOnce` as one snapshot entry keyed by the sorted ids: the
 * findings asked again send no Get while the snapshot is young (`fresh` or a workspaces-instances
 * write reads again). The one-instance tools read {@link getInstance} directly: they show the
 * instance as it is now.
 */
export async function getInstances(
  ctx: ToolContext,
  scope: Scope,
  ids: readonly string[],
): Promise<GetWorkspaceInstanceResponse[]> {
  const distinct = [...new Set(ids)].sort();
  if (distinct.length === 0) return [];
  const answers = await listOnce(ctx, {
    action: 'workspaces-instances:GetWorkspaceInstance',
    where: scope,
    input: { WorkspaceInstanceId: distinct },
    pages: async function* () {
      const settled = await mapBounded(
        distinct,
        ctx.limits.concurrency,
        (id) => getInstance(ctx, scope, id),
        {
          signal: ctx.signal,
        },
      );
      yield settled.flatMap((outcome) => {
        if (outcome.ok) return [{ id: outcome.item, instance: outcome.value }];
        if (isNotFound(outcome.error)) return [];
        throw outcome.error;
      });
    },
    items: (page) => page,
  });
  const byId = new Map(answers.map((answer) => [answer.id, answer.instance]));
  return ids.flatMap((id) => {
    const instance = byId.get(id);
    return instance ? [instance] : [];
  });
}

/** One instance's tags as a record; an instance gone since it was listed has none. */
export async function instanceTags(
  ctx: ToolContext,
  scope: Scope,
  workspaceInstanceId: string,
): Promise<Record<string, string>> {
  const { ListTagsForResourceCommand } = await workspacesInstancesSdk();
  try {
    const { Tags } = await (await client(ctx, scope)).send(
      new ListTagsForResourceCommand({ WorkspaceInstanceId: workspaceInstanceId }),
      { abortSignal: ctx.signal },
    );
    return Object.fromEntries((Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  } catch (error) {
    if (isNotFound(error)) return {};
    throw error;
  }
}

/** The regions the service is offered in, as the scope's endpoint reports them. */
export async function supportedRegions(ctx: ToolContext, scope: Scope): Promise<string[]> {
  const { paginateListRegions } = await workspacesInstancesSdk();
  return collectPages(
    paginateListRegions({ client: await client(ctx, scope), pageSize: MAX_RESULTS }, {}),
    (page) => page.Regions?.flatMap((r) => (r.RegionName ? [r.RegionName] : [])),
    { signal: ctx.signal },
  );
}

/** The instance types the scope's region offers for managed instances, with their configurations. */
export async function instanceTypes(ctx: ToolContext, scope: Scope): Promise<InstanceTypeInfo[]> {
  const { paginateListInstanceTypes } = await workspacesInstancesSdk();
  return collectPages(
    paginateListInstanceTypes({ client: await client(ctx, scope), pageSize: MAX_INSTANCE_TYPES }, {}),
    (page) => page.InstanceTypes,
    { signal: ctx.signal },
  );
}
