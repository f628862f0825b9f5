import type { Tag } from '@aws-sdk/client-workspaces';
import { mapBounded, type Scope, summarizeError, type ToolContext } from '@workspaces-euc-mcp/host';
import { workspacesSdk } from '../shared/sdk.js';

/** The opt-out tag Cost Optimizer for WorkSpaces honours; we honour the same one. */
export const SKIP_CONVERT_TAG = 'Skip_Convert';

/** Whether one desktop opted out of running-mode conversion. */
export type OptOutLookup =
  | { readonly kind: 'opted-out'; readonly value: string }
  | { readonly kind: 'not-opted-out' }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

/** True when the tags carry Skip_Convert (key matched without case, any value), as WCO does. */
export function skipConvertValue(tags: readonly Tag[]): string | undefined {
  const tag = tags.find((t) => (t.Key ?? '').toLowerCase() === SKIP_CONVERT_TAG.toLowerCase());
  return tag ? (tag.Value ?? '') : undefined;
}

/**
 * How long a desktop's tags are reused across calls: paging through recommend_running_mode
 * re-advises the whole estate on every page, and without this each page would re-send the same
 * DescribeTags calls (one per desktop). `fresh: true` reads them again.
 */
const TAGS_TTL_MS = 15 * 60_000;

/**
 * Reads the tags of the given desktops. DescribeTags takes one resource per call and
 * DescribeWorkspaces returns no tags, so callers pass only the desktops a recommendation would
 * change, capped; calls run with bounded concurrency under the SDK's adaptive retry (the
 * WorkSpaces API allows about 2 calls/s, burst 5, per the 2023 admin guide). A batch read would
 * be the Resource Groups Tagging API (tag:GetResources with ResourceTypeFilters
 * ["workspaces:workspace"] and TagFilters [{Key: "Skip_Convert"}], 100 resources a page), but its
 * SDK client is not a dependency of this plugin; see the README.
 */
export async function readOptOuts(
  ctx: ToolContext,
  scope: Scope,
  workspaceIds: readonly string[],
  options: { readonly fresh?: boolean | undefined } = {},
): Promise<Map<string, OptOutLookup>> {
  const { DescribeTagsCommand, WorkSpacesClient } = await workspacesSdk();
  const client = ctx.aws.client(WorkSpacesClient, scope);
  const settled = await mapBounded(
    workspaceIds,
    ctx.limits.concurrency,
    async (workspaceId) => {
      const read = async () => {
        const answer = await client.send(new DescribeTagsCommand({ ResourceId: workspaceId }), {
          abortSignal: ctx.signal,
        });
        return answer.TagList ?? [];
      };
      if (options.fresh) return read();
      const { value } = await ctx.cache.get(`cost:tags:${workspaceId}`, { ttlMs: TAGS_TTL_MS, scope }, read);
      return value;
    },
    { signal: ctx.signal },
  );
  const lookups = new Map<string, OptOutLookup>();
  for (const outcome of settled) {
    if (!outcome.ok) {
      lookups.set(outcome.item, { kind: 'failed', ...summarizeError(outcome.error) });
      continue;
    }
    const value = skipConvertValue(outcome.value);
    lookups.set(outcome.item, value === undefined ? { kind: 'not-opted-out' } : { kind: 'opted-out', value });
  }
  return lookups;
}
