import type { DirectoryDescription } from '@aws-sdk/client-directory-service';
import { chunk, collectPages, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';
import type { DsStatus } from '../facts.js';
import { directoryServiceSdk } from './sdk.js';

// Directory Service documents no maximum for DirectoryIds; 25 keeps each request small and is
// the same batch size as the WorkSpaces calls that produced the ids.
const DS_IDS_PER_REQUEST = 25;

function dsStatus(description: DirectoryDescription | undefined): DsStatus {
  if (!description?.Stage) return { kind: 'missing' };
  return {
    kind: 'stage',
    stage: description.Stage,
    ...(description.StageReason ? { reason: description.StageReason } : {}),
  };
}

/**
 * Directory Service's view of AD-backed directories (`d-` ids), in as few requests as possible.
 * One unknown id fails a whole DescribeDirectories request with EntityDoesNotExistException, so
 * on that error the scope's directories are listed instead and the absent ones are `missing`
 * (deleted behind WorkSpaces' back). Other failures are thrown to the caller.
 */
export async function describeDsStatuses(
  ctx: ToolContext,
  scope: Scope,
  directoryIds: readonly string[],
): Promise<Map<string, DsStatus>> {
  const ids = [...new Set(directoryIds)].filter((id) => id.startsWith('d-'));
  const statuses = new Map<string, DsStatus>();
  if (ids.length === 0) return statuses;
  const { DirectoryServiceClient, paginateDescribeDirectories } = await directoryServiceSdk();
  const client = ctx.aws.client(DirectoryServiceClient, scope);
  const describe = (input: { DirectoryIds?: string[] }) =>
    collectPages(paginateDescribeDirectories({ client }, input), (page) => page.DirectoryDescriptions, {
      signal: ctx.signal,
    });
  let found: DirectoryDescription[];
  try {
    found = (
      await Promise.all(chunk(ids, DS_IDS_PER_REQUEST).map((batch) => describe({ DirectoryIds: batch })))
    ).flat();
  } catch (error) {
    if ((error as { name?: string }).name !== 'EntityDoesNotExistException') throw error;
    found = await describe({});
  }
  const byId = new Map(found.map((d) => [d.DirectoryId, d]));
  for (const id of ids) statuses.set(id, dsStatus(byId.get(id)));
  return statuses;
}
