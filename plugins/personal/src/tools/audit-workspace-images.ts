import type { ImageType, WorkSpacesClient, WorkspaceImage } from '@aws-sdk/client-workspaces';
import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { acrossScopes, PlaceFields, partialNote, placeOf, placesText } from '../aws/scopes.js';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import { imageFacts, imageFindings } from '../images.js';
import { Counts, checkInteger, Int, tally } from '../schemas.js';

/** The most DescribeWorkspaceImagePermissions calls one audit may make (one per owned image). */
const MAX_PERMISSION_LOOKUPS = 500;
/** Images listed by default (findings first): ~300 bytes a row keeps the answer within budget. */
const DEFAULT_LIMIT = 30;

const Input = Type.Object(
  {
    staleDays: Int(),
    maxPermissionLookups: Int(),
    limit: Int(),
    ...ScopeInput,
  },
  { additionalProperties: false },
);
type Input = Static<typeof Input>;

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Output = Type.Object({
  summary: Type.String(),
  counts: Type.Object({
    images: Type.Integer(),
    owned: Type.Integer(),
    sharedWithThisAccount: Type.Integer(),
    byState: Counts,
    stale: Type.Integer(),
    sharedOut: Type.Integer(),
    permissionsChecked: Type.Integer(),
  }),
  images: Type.Array(
    Type.Object({
      imageId: Type.String(),
      ...PlaceFields,
      name: NullableString,
      state: Type.String(),
      owner: Type.String(),
      operatingSystem: NullableString,
      created: NullableString,
      ageDays: Type.Union([Type.Integer(), Type.Null()]),
      sharedWithAccounts: Type.Union([Type.Array(Type.String()), Type.Null()], {
        description: 'null: not looked up.',
      }),
      updateAvailable: Type.Boolean(),
      error: NullableString,
    }),
  ),
  findings: Type.Array(
    Type.Object({
      imageId: Type.String(),
      severity: Type.Union([Type.Literal('info'), Type.Literal('warning')]),
      issue: Type.String(),
    }),
  ),
  truncated: Type.Boolean({ description: 'True when more images exist than `images` lists.' }),
  notes: Type.Array(Type.String()),
  // One entry per failed permission lookup, plus the listing of shared images.
  errors: ErrorList(MAX_PERMISSION_LOOKUPS + 1),
});
type Output = Static<typeof Output>;

/** DescribeWorkspaceImages has no SDK paginator; 25 is its maximum page size. */
async function listImages(
  client: WorkSpacesClient,
  type: ImageType,
  signal: AbortSignal,
): Promise<WorkspaceImage[]> {
  const { DescribeWorkspaceImagesCommand } = await workspacesSdk();
  const images: WorkspaceImage[] = [];
  let nextToken: string | undefined;
  do {
    signal.throwIfAborted();
    const page = await client.send(
      new DescribeWorkspaceImagesCommand({ ImageType: type, MaxResults: 25, NextToken: nextToken }),
    );
    images.push(...(page.Images ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return images;
}

async function sharedAccounts(client: WorkSpacesClient, imageId: string): Promise<string[]> {
  const { DescribeWorkspaceImagePermissionsCommand } = await workspacesSdk();
  const accounts: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new DescribeWorkspaceImagePermissionsCommand({
        ImageId: imageId,
        MaxResults: 25,
        NextToken: nextToken,
      }),
    );
    accounts.push(
      ...(page.ImagePermissions ?? []).flatMap((p) => (p.SharedAccountId ? [p.SharedAccountId] : [])),
    );
    nextToken = page.NextToken;
  } while (nextToken);
  return accounts;
}

/** One scope's owned and shared images; the shared listing is best effort. */
async function scopeImages(ctx: ToolContext, scope: Scope) {
  const client = await workspacesClient(ctx, scope);
  const errors: ErrorEntry[] = [];
  const [owned, shared] = await Promise.all([
    listImages(client, 'OWNED', ctx.signal),
    listImages(client, 'SHARED', ctx.signal).catch((error: unknown) => {
      errors.push(errorEntry(SERVICE_LABELS.personal, scope, error));
      return [];
    }),
  ]);
  return { client, owned, shared, errors };
}

const newestFirst = (a: WorkspaceImage, b: WorkspaceImage) =>
  (b.Created?.getTime() ?? 0) - (a.Created?.getTime() ?? 0);

async function run(input: Input, ctx: ToolContext): Promise<Output> {
  checkInteger('staleDays', input.staleDays, 30, 730);
  checkInteger('maxPermissionLookups', input.maxPermissionLookups, 0, MAX_PERMISSION_LOOKUPS);
  checkInteger('limit', input.limit, 1, 200);
  const staleDays = input.staleDays ?? 180;
  const cap = input.maxPermissionLookups ?? 50;
  const limit = input.limit ?? DEFAULT_LIMIT;
  const fan = await acrossScopes(ctx, input, (scope) => scopeImages(ctx, scope));
  const errors = [...fan.errors, ...fan.answered.flatMap((a) => a.value.errors)];
  type Placed = { scope: Scope; client: WorkSpacesClient; image: WorkspaceImage };
  const owned: Placed[] = fan.answered.flatMap(({ scope, value }) =>
    value.owned.map((image) => ({ scope, client: value.client, image })),
  );
  const shared: Placed[] = fan.answered.flatMap(({ scope, value }) =>
    value.shared.map((image) => ({ scope, client: value.client, image })),
  );
  // Only owned images can be shared out; an image still PENDING or in ERROR cannot be shared yet.
  const available = owned.filter((o) => o.image.State === 'AVAILABLE');
  const lookups = [...available].sort((a, b) => newestFirst(a.image, b.image)).slice(0, cap);
  const permissions = new Map<Placed, string[]>();
  const settled = await mapBounded(
    lookups,
    ctx.limits.concurrency,
    (o) => sharedAccounts(o.client, o.image.ImageId ?? ''),
    { signal: ctx.signal },
  );
  for (const outcome of settled) {
    if (outcome.ok) permissions.set(outcome.item, outcome.value);
    else errors.push(errorEntry(SERVICE_LABELS.personal, outcome.item.scope, outcome.error));
  }
  const now = ctx.now();
  const facts = [
    ...owned.map((o) => ({ o, f: imageFacts(o.image, true, now, permissions.get(o) ?? null) })),
    ...shared.map((o) => ({ o, f: imageFacts(o.image, false, now, null) })),
  ];
  const findings = facts.flatMap(({ f }) => imageFindings(f, staleDays));
  const withFindings = new Set(findings.filter((f) => f.severity === 'warning').map((f) => f.imageId));
  const ordered = [...facts].sort(
    (a, b) =>
      Number(withFindings.has(b.f.imageId)) - Number(withFindings.has(a.f.imageId)) ||
      (b.f.ageDays ?? 0) - (a.f.ageDays ?? 0),
  );
  const byState: Record<string, number> = {};
  for (const { f } of facts) tally(byState, f.state);
  const stale = facts.filter(({ f }) => f.ageDays !== null && f.ageDays > staleDays).length;
  const sharedOut = facts.filter(({ f }) => (f.sharedWithAccounts?.length ?? 0) > 0).length;
  const unchecked = available.length - lookups.length;
  const listed = ordered.slice(0, limit);
  const listedIds = new Set(listed.map(({ f }) => f.imageId));
  return {
    summary:
      `${facts.length} WorkSpaces images in ${
        placesText(
          ctx.aws,
          fan.answered.map((a) => a.scope),
        ) || 'no readable scope'
      } (${owned.length} owned, ${shared.length} shared with this account): ${byState.ERROR ?? 0} in ERROR, ${stale} older than ${staleDays} days, ${sharedOut} shared out to other accounts.` +
      partialNote(errors),
    counts: {
      images: facts.length,
      owned: owned.length,
      sharedWithThisAccount: shared.length,
      byState,
      stale,
      sharedOut,
      permissionsChecked: permissions.size,
    },
    images: listed.map(({ o, f }) => ({ ...f, ...placeOf(ctx.aws, o.scope) })),
    findings: findings.filter((f) => listedIds.has(f.imageId)),
    truncated: ordered.length > limit,
    notes: [
      ...(unchecked > 0
        ? [
            `Sharing was checked for the ${lookups.length} newest owned images only (maxPermissionLookups=${cap}); ${unchecked} were not checked.`,
          ]
        : []),
      ...(ordered.length > limit
        ? [
            `Listed ${limit} of ${ordered.length} images; findings cover the listed ones. Raise limit to see more.`,
          ]
        : []),
    ],
    errors,
  };
}

export const auditWorkspaceImages = defineTool({
  name: 'audit_workspace_images',
  title: 'Audit WorkSpaces images',
  description:
    'Are my WorkSpaces Personal images current, healthy and shared only where intended? Owned and shared-in images with state, age (stale past staleDays, default 180), updates, and who owned images are shared with (maxPermissionLookups newest, default 50).',
  tier: 0,
  iam: ['workspaces:DescribeWorkspaceImages', 'workspaces:DescribeWorkspaceImagePermissions'],
  input: Input,
  output: Output,
  run,
});
