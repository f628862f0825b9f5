import type {
  AccountModification,
  ClientPropertiesResult,
  ConnectionAlias,
  DescribeAccountResult,
} from '@aws-sdk/client-workspaces';
import {
  chunk,
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { acrossScopes, PlaceFields, partialNote, placeOf } from '../aws/scopes.js';
import { workspacesSdk } from '../aws/sdk.js';
import { listDirectories, MAX_IDS_PER_DESCRIBE, workspacesClient } from '../aws/workspaces.js';

const Input = Type.Object({ ...ScopeInput }, { additionalProperties: false });
type Input = Static<typeof Input>;

/** Per scope at most, so an answer over many regions stays within budget. */
const MAX_DIRECTORIES_LISTED = 25;
const MAX_ALIASES_LISTED = 10;

const NullableString = Type.Union([Type.String(), Type.Null()]);
const ScopePosture = Type.Object({
  ...PlaceFields,
  dedicatedTenancy: Type.Union([
    Type.Object({
      support: NullableString,
      managementCidrRange: NullableString,
      accountType: NullableString,
      message: NullableString,
    }),
    Type.Null(),
  ]),
  recentModifications: Type.Array(
    Type.Object({
      state: NullableString,
      tenancy: NullableString,
      cidr: NullableString,
      started: NullableString,
      error: NullableString,
    }),
    { description: 'The five most recent BYOL / dedicated-tenancy changes.' },
  ),
  modificationCount: Type.Integer(),
  clientProperties: Type.Object({
    directories: Type.Integer(),
    reconnectEnabled: Type.Integer(),
    logUploadEnabled: Type.Integer(),
    byDirectory: Type.Array(
      Type.Object({ directoryId: Type.String(), reconnect: NullableString, logUpload: NullableString }),
      { description: `Up to ${MAX_DIRECTORIES_LISTED} directories.` },
    ),
  }),
  connectionAliases: Type.Array(
    Type.Object({
      aliasId: Type.String(),
      connectionString: NullableString,
      state: NullableString,
      associations: Type.Integer(),
    }),
    { description: `Up to ${MAX_ALIASES_LISTED} aliases.` },
  ),
  aliasCount: Type.Integer(),
});
type ScopePosture = Static<typeof ScopePosture>;

const Output = Type.Object({
  summary: Type.String(),
  scopes: Type.Array(ScopePosture, { description: 'One entry per account/region read.' }),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

async function allPages<Item>(
  fetch: (token: string | undefined) => Promise<{ items?: Item[]; next?: string }>,
  signal: AbortSignal,
): Promise<Item[]> {
  const items: Item[] = [];
  let token: string | undefined;
  do {
    signal.throwIfAborted();
    const page = await fetch(token);
    items.push(...(page.items ?? []));
    token = page.next;
  } while (token);
  return items;
}

/** One scope's posture; each part is best effort (a failed part is an error entry and null/empty). */
async function scopePosture(ctx: ToolContext, scope: Scope, errors: ErrorEntry[]): Promise<ScopePosture> {
  const {
    DescribeAccountCommand,
    DescribeAccountModificationsCommand,
    DescribeClientPropertiesCommand,
    DescribeConnectionAliasesCommand,
  } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  const guard = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      errors.push(errorEntry(SERVICE_LABELS.personal, scope, error));
      return undefined;
    }
  };
  // These APIs have no SDK paginators; NextToken is followed by `allPages`.
  const [account, modifications, aliases, clientProperties] = await Promise.all([
    guard<DescribeAccountResult>(() => client.send(new DescribeAccountCommand({}))),
    guard<AccountModification[]>(() =>
      allPages(async (NextToken) => {
        const page = await client.send(new DescribeAccountModificationsCommand({ NextToken }));
        return { items: page.AccountModifications, next: page.NextToken };
      }, ctx.signal),
    ),
    guard<ConnectionAlias[]>(() =>
      allPages(async (NextToken) => {
        const page = await client.send(new DescribeConnectionAliasesCommand({ Limit: 25, NextToken }));
        return { items: page.ConnectionAliases, next: page.NextToken };
      }, ctx.signal),
    ),
    guard<ClientPropertiesResult[]>(async () => {
      const ids = (await listDirectories(ctx, scope)).flatMap((d) => (d.DirectoryId ? [d.DirectoryId] : []));
      // DescribeClientProperties takes at most 25 ResourceIds per request (API reference).
      const pages = await Promise.all(
        chunk(ids, MAX_IDS_PER_DESCRIBE).map((batch) =>
          client.send(new DescribeClientPropertiesCommand({ ResourceIds: batch })),
        ),
      );
      return pages.flatMap((p) => p.ClientPropertiesList ?? []);
    }),
  ]);
  const recent = [...(modifications ?? [])]
    .sort((a, b) => (b.StartTime?.getTime() ?? 0) - (a.StartTime?.getTime() ?? 0))
    .slice(0, 5);
  const props = clientProperties ?? [];
  return {
    ...placeOf(ctx.aws, scope),
    dedicatedTenancy: account
      ? {
          support: account.DedicatedTenancySupport ?? null,
          managementCidrRange: account.DedicatedTenancyManagementCidrRange ?? null,
          accountType: account.DedicatedTenancyAccountType ?? null,
          message: account.Message ?? null,
        }
      : null,
    recentModifications: recent.map((m) => ({
      state: m.ModificationState ?? null,
      tenancy: m.DedicatedTenancySupport ?? null,
      cidr: m.DedicatedTenancyManagementCidrRange ?? null,
      started: m.StartTime?.toISOString() ?? null,
      error: m.ErrorCode ? `${m.ErrorCode}: ${m.ErrorMessage ?? ''}`.trim() : null,
    })),
    modificationCount: modifications?.length ?? 0,
    clientProperties: {
      directories: props.length,
      reconnectEnabled: props.filter((p) => p.ClientProperties?.ReconnectEnabled === 'ENABLED').length,
      logUploadEnabled: props.filter((p) => p.ClientProperties?.LogUploadEnabled === 'ENABLED').length,
      byDirectory: props.slice(0, MAX_DIRECTORIES_LISTED).map((p) => ({
        directoryId: p.ResourceId ?? '',
        reconnect: p.ClientProperties?.ReconnectEnabled ?? null,
        logUpload: p.ClientProperties?.LogUploadEnabled ?? null,
      })),
    },
    connectionAliases: (aliases ?? []).slice(0, MAX_ALIASES_LISTED).map((a) => ({
      aliasId: a.AliasId ?? '',
      connectionString: a.ConnectionString ?? null,
      state: a.State ?? null,
      associations: a.Associations?.length ?? 0,
    })),
    aliasCount: aliases?.length ?? 0,
  };
}

async function run(input: Input, ctx: ToolContext): Promise<Output> {
  const partErrors: ErrorEntry[] = [];
  const fan = await acrossScopes(ctx, input, (scope) => scopePosture(ctx, scope, partErrors));
  const errors = [...fan.errors, ...partErrors];
  const scopes = fan.answered.map((a) => a.value);
  const label = (p: ScopePosture) => (p.account ? `${p.account}/${p.region}` : p.region);
  const tenancy = scopes.map((p) => `${label(p)} ${p.dedicatedTenancy?.support ?? 'unknown'}`).join(', ');
  const reconnect = scopes.reduce((n, p) => n + p.clientProperties.reconnectEnabled, 0);
  const directories = scopes.reduce((n, p) => n + p.clientProperties.directories, 0);
  const aliasCount = scopes.reduce((n, p) => n + p.aliasCount, 0);
  const unassociated = scopes.reduce(
    (n, p) => n + p.connectionAliases.filter((a) => a.associations === 0).length,
    0,
  );
  const pending = scopes.filter((p) => p.recentModifications[0]?.state === 'PENDING').map(label);
  const notes = [
    'BYOL (bring your own Windows licence) needs dedicated tenancy: DedicatedTenancySupport ENABLED with a management CIDR range.',
    ...(reconnect > 0
      ? [
          `${reconnect} directory(ies) let clients save credentials to reconnect: convenient, but a stolen unlocked device can reconnect.`,
        ]
      : []),
    ...(pending.length > 0 ? [`A dedicated-tenancy change is still PENDING in ${pending.join(', ')}.`] : []),
    ...(unassociated > 0
      ? [
          `${unassociated} connection alias(es) are not associated with any directory: nothing uses them for cross-region redirection yet.`,
        ]
      : []),
  ];
  return {
    summary: `Account posture: dedicated tenancy (BYOL) ${tenancy || 'unknown'}; ${directories} directories with client properties (${reconnect} allow saved-credential reconnect); ${aliasCount} connection alias(es).${partialNote(errors)}`,
    scopes,
    notes,
    errors,
  };
}

export const getEucAccountPosture = defineTool({
  name: 'get_euc_account_posture',
  title: 'Get WorkSpaces account posture',
  description:
    'How are my accounts set up for WorkSpaces Personal, per region? Dedicated tenancy / BYOL and its recent changes, client properties per directory (saved-credential reconnect, log upload), and connection aliases (cross-region redirection).',
  tier: 0,
  iam: [
    'workspaces:DescribeAccount',
    'workspaces:DescribeAccountModifications',
    'workspaces:DescribeConnectionAliases',
    'workspaces:DescribeWorkspaceDirectories',
    'workspaces:DescribeClientProperties',
  ],
  input: Input,
  output: Output,
  run,
});
