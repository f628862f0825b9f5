import type { ImageType, WorkSpacesClient, WorkspaceImage } from '@aws-sdk/client-workspaces';
import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
  RegionInput,
  regionScope,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import { type ImageFacts, imageFacts, imageFindings } from '../images.js';
import { Counts, tally } from '../schemas.js';

/** The most DescribeWorkspaceImagePermissions calls one audit may make (one per owned image). */
const MAX_PERMISSION_LOOKUPS = 500;

const Input = Type.Object(
  {
    staleDays: Type.Optional(
      Type.Integer({
        minimum: 30,
        maximum: 730,
        default: 180,
        description: 'Images older than this are flagged for a refresh.',
      }),
    ),
    maxPermissionLookups: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_PERMISSION_LOOKUPS,
        default: 50,
        description: 'Most owned images whose sharing is looked up (one call each), newest first.',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 200,
        default: 50,
        description: 'Most images listed (findings first).',
      }),
    ),
    region: RegionInput,
  },
  { additionalProperties: false },
);

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Output = Type.Object({
  summary: Type.String(),
  region: Type.String(),
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

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scope = regionScope(ctx.aws, input.region);
  const staleDays = input.staleDays ?? 180;
  const cap = input.maxPermissionLookups ?? 50;
  const limit = input.limit ?? 50;
  const client = await workspacesClient(ctx, scope);
  const errors: ErrorEntry[] = [];
  const [owned, shared] = await Promise.all([
    listImages(client, 'OWNED', ctx.signal),
    listImages(client, 'SHARED', ctx.signal).catch((error: unknown) => {
      errors.push(errorEntry(SERVICE_LABELS.personal, scope, error));
      return [];
    }),
  ]);
  const newestFirst = (a: WorkspaceImage, b: WorkspaceImage) =>
    (b.Created?.getTime() ?? 0) - (a.Created?.getTime() ?? 0);
  // Only owned images can be shared out; an image still PENDING or in ERROR cannot be shared yet.
  const lookups = owned
    .filter((i) => i.State === 'AVAILABLE')
    .sort(newestFirst)
    .slice(0, cap);
  const permissions = new Map<string, string[]>();
  const settled = await mapBounded(
    lookups,
    ctx.limits.concurrency,
    (image) => sharedAccounts(client, image.ImageId ?? ''),
    {
      signal: ctx.signal,
    },
  );
  for (const outcome of settled) {
    if (outcome.ok) permissions.set(outcome.item.ImageId ?? '', outcome.value);
    else errors.push(errorEntry(SERVICE_LABELS.personal, scope, outcome.error));
  }
  const now = ctx.now();
  const facts: ImageFacts[] = [
    ...owned.map((i) => imageFacts(i, true, now, permissions.get(i.ImageId ?? '') ?? null)),
    ...shared.map((i) => imageFacts(i, false, now, null)),
  ];
  const findings = facts.flatMap((f) => imageFindings(f, staleDays));
  const withFindings = new Set(findings.filter((f) => f.severity === 'warning').map((f) => f.imageId));
  const ordered = [...facts].sort(
    (a, b) =>
      Number(withFindings.has(b.imageId)) - Number(withFindings.has(a.imageId)) ||
      (b.ageDays ?? 0) - (a.ageDays ?? 0),
  );
  const byState: Record<string, number> = {};
  for (const f of facts) tally(byState, f.state);
  const stale = facts.filter((f) => f.ageDays !== null && f.ageDays > staleDays).length;
  const sharedOut = facts.filter((f) => (f.sharedWithAccounts?.length ?? 0) > 0).length;
  const unchecked = owned.filter((i) => i.State === 'AVAILABLE').length - lookups.length;
  return {
    summary: `${facts.length} WorkSpaces images in ${scope.region} (${owned.length} owned, ${shared.length} shared with this account): ${byState.ERROR ?? 0} in ERROR, ${stale} older than ${staleDays} days, ${sharedOut} shared out to other accounts.`,
    region: scope.region,
    counts: {
      images: facts.length,
      owned: owned.length,
      sharedWithThisAccount: shared.length,
      byState,
      stale,
      sharedOut,
      permissionsChecked: permissions.size,
    },
    images: ordered.slice(0, limit),
    findings: findings.filter((f) => ordered.slice(0, limit).some((i) => i.imageId === f.imageId)),
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
    'Are my WorkSpaces Personal images current, healthy and shared only where intended? Lists owned images and images shared with this account: state, age (flags images older than staleDays), available WorkSpaces updates, and for owned images the accounts each is shared with. ' +
    'Cost: DescribeWorkspaceImages (1 call per 25 images, owned and shared listed separately) plus one DescribeWorkspaceImagePermissions call per owned AVAILABLE image, newest first, capped by maxPermissionLookups with bounded concurrency.',
  tier: 0,
  iam: ['workspaces:DescribeWorkspaceImages', 'workspaces:DescribeWorkspaceImagePermissions'],
  input: Input,
  output: Output,
  run,
});
