import type { Tag } from '@aws-sdk/client-workspaces';
import { mapBounded, type Scope, scopeKey, summarizeError, type ToolContext } from '@workspaces-euc-mcp/host';
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
 * Reads the tags of the given desktops. DescribeTags takes one resource per call and
 * DescribeWorkspaces returns no tags, so callers pass only the desktops a recommendation would
 * change, capped; calls run with bounded concurrency under the SDK's adaptive retry (the
 * WorkSpaces API allows about 2 calls/s, burst 5, per the 2023 admin guide).
 */
export async function readOptOuts(
  ctx: ToolContext,
  scope: Scope,
  workspaceIds: readonly string[],
): Promise<Map<string, OptOutLookup>> {
  const { DescribeTagsCommand, WorkSpacesClient } = await workspacesSdk();
  const client = ctx.aws.client(WorkSpacesClient, scope);
  const settled = await mapBounded(
    workspaceIds,
    ctx.limits.concurrency,
    (workspaceId) =>
      ctx.memo(`cost:tags:${scopeKey(ctx.aws, scope)}:${workspaceId}`, async () => {
        const answer = await client.send(new DescribeTagsCommand({ ResourceId: workspaceId }), {
          abortSignal: ctx.signal,
        });
        return answer.TagList ?? [];
      }),
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
