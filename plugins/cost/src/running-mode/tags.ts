import type {
  GetResourcesCommandOutput,
  ResourceTagMapping,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { listOnce, type Scope, summarizeError, type ToolContext } from '@workspaces-euc-mcp/host';
import { taggingSdk } from '../shared/sdk.js';

/** The opt-out tag Cost Optimizer for WorkSpaces honours; we honour the same one. */
export const SKIP_CONVERT_TAG = 'Skip_Convert';

/** Whether one desktop opted out of running-mode conversion. */
export type OptOutLookup =
  | { readonly kind: 'opted-out'; readonly value: string }
  | { readonly kind: 'not-opted-out' }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

/** One tag as the WorkSpaces and Tagging APIs both return it. */
interface KeyValue {
  readonly Key?: string | undefined;
  readonly Value?: string | undefined;
}

/** True when the tags carry Skip_Convert (key matched without case, any value), as WCO does. */
export function skipConvertValue(tags: readonly KeyValue[]): string | undefined {
  const tag = tags.find((t) => (t.Key ?? '').toLowerCase() === SKIP_CONVERT_TAG.toLowerCase());
  return tag ? (tag.Value ?? '') : undefined;
}

/** The WorkSpace id of a desktop ARN (`arn:aws:workspaces:REGION:ACCOUNT:workspace/ws-…`). */
export function workspaceIdOfArn(arn: string | undefined): string | undefined {
  const match = /:workspace\/([^/]+)$/.exec(arn ?? '');
  return match?.[1];
}

/**
 * The tags of every tagged desktop in the scope, by WorkSpace id: one Resource Groups Tagging API
 * scan (GetResources, 100 desktops a page), where DescribeTags would take one request per desktop.
 * No TagFilters: AWS matches tag keys with case and WCO honours `skip_convert` too, so the match
 * is made here. A desktop that never had a tag is absent, i.e. not opted out. Scanned once per
 * call and kept in the host's estate snapshot between calls (`fresh` rescans), like the desktops.
 */
async function taggedDesktops(ctx: ToolContext, scope: Scope): Promise<Map<string, readonly KeyValue[]>> {
  const input = { ResourceTypeFilters: ['workspaces:workspace'], ResourcesPerPage: 100 };
  const mappings = await listOnce<GetResourcesCommandOutput, ResourceTagMapping>(ctx, {
    action: 'tag:GetResources',
    where: scope,
    input,
    pages: async function* () {
      const { paginateGetResources, ResourceGroupsTaggingAPIClient } = await taggingSdk();
      yield* paginateGetResources(
        { client: ctx.aws.client(ResourceGroupsTaggingAPIClient, scope), pageSize: 100 },
        input,
      );
    },
    items: (page) => page.ResourceTagMappingList,
  });
  const byId = new Map<string, readonly KeyValue[]>();
  for (const mapping of mappings) {
    const id = workspaceIdOfArn(mapping.ResourceARN);
    if (id) byId.set(id, mapping.Tags ?? []);
  }
  return byId;
}

/**
 * The Skip_Convert opt-out of each given desktop of one scope, from the scope's tag scan. When
 * the scan fails every lookup fails with its AWS error, and callers skip those switches
 * (fail-safe, as WCO does).
 */
export async function readOptOuts(
  ctx: ToolContext,
  scope: Scope,
  workspaceIds: readonly string[],
): Promise<Map<string, OptOutLookup>> {
  const lookups = new Map<string, OptOutLookup>();
  let tagged: Map<string, readonly KeyValue[]>;
  try {
    tagged = await taggedDesktops(ctx, scope);
  } catch (error) {
    const failed: OptOutLookup = { kind: 'failed', ...summarizeError(error) };
    for (const id of workspaceIds) lookups.set(id, failed);
    return lookups;
  }
  for (const id of workspaceIds) {
    const value = skipConvertValue(tagged.get(id) ?? []);
    lookups.set(id, value === undefined ? { kind: 'not-opted-out' } : { kind: 'opted-out', value });
  }
  return lookups;
}
