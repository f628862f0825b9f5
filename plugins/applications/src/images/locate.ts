/**
 * Finding image builders by name or ARN in whichever configured account/region holds them. An ARN
 * names its scope; a bare name is looked for in every selected scope (one DescribeImageBuilders
 * scan each, memoised), and a name found in more than one is ambiguous.
 */
import type { ImageBuilder } from '@aws-sdk/client-appstream';
import {
  errorEntry,
  mapBounded,
  type Scope,
  type ScopeSelection,
  SERVICE_LABELS,
  scopeLabel,
  selectScopes,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { listImageBuilders } from '../aws/appstream.js';

const BUILDER_ARN = /^arn:aws[a-z-]*:appstream:([a-z0-9-]+):(\d{12}):image-builder\/(.+)$/;

/** What one wanted name or ARN resolved to. */
export type BuilderLookup =
  | { readonly kind: 'found'; readonly scope: Scope; readonly builder: ImageBuilder }
  | { readonly kind: 'missing' | 'ambiguous'; readonly message: string };

/** Resolves each of `wanted` (names or ARNs) in the selected scopes. */
export async function locateImageBuilders(
  ctx: ToolContext,
  wanted: readonly string[],
  selection: ScopeSelection,
): Promise<Map<string, BuilderLookup>> {
  const configured = selectScopes(ctx.aws, selection);
  const scopes = [...configured];
  // An ARN's region may be outside the selection's regions; its account must be configured.
  for (const name of wanted) {
    const arn = BUILDER_ARN.exec(name);
    if (!arn) continue;
    const [, region = '', account = ''] = arn;
    const target =
      ctx.aws.targets.find((t) => t.account === account) ?? ctx.aws.targets.find((t) => !t.account);
    if (!target) continue;
    const scope = { region, ...(target.account ? { account: target.account } : {}) };
    if (!scopes.some((s) => s.region === scope.region && s.account === scope.account)) scopes.push(scope);
  }
  const settled = await mapBounded(scopes, ctx.limits.concurrency, (scope) => listImageBuilders(ctx, scope), {
    signal: ctx.signal,
  });
  const unread = settled.flatMap((o) =>
    o.ok ? [] : [`${scopeLabel(o.item)} (${errorEntry(SERVICE_LABELS.applications, o.item, o.error).code})`],
  );
  const found = new Map<string, BuilderLookup>();
  for (const name of wanted) {
    const isArn = BUILDER_ARN.test(name);
    const hits = settled.flatMap((o) =>
      o.ok
        ? o.value
            .filter((b) => (isArn ? b.Arn === name : b.Name === name))
            .map((builder) => ({ scope: o.item, builder }))
        : [],
    );
    const [only] = hits;
    if (only && hits.length === 1) found.set(name, { kind: 'found', ...only });
    else if (hits.length > 1)
      found.set(name, {
        kind: 'ambiguous',
        message: `in ${hits.map((h) => scopeLabel(h.scope)).join(', ')}: pass the ARN or narrow regions/accounts.`,
      });
    else
      found.set(name, {
        kind: 'missing',
        message:
          `not found in ${configured.map(scopeLabel).join(', ')}` +
          (unread.length > 0 ? `; could not read ${unread.join(', ')}` : '') +
          '.',
      });
  }
  return found;
}
