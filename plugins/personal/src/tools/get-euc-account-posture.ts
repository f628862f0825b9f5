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
  RegionInput,
  regionScope,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { workspacesSdk } from '../aws/sdk.js';
import { listDirectories, MAX_IDS_PER_DESCRIBE, workspacesClient } from '../aws/workspaces.js';

const Input = Type.Object({ region: RegionInput }, { additionalProperties: false });

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Output = Type.Object({
  summary: Type.String(),
  region: Type.String(),
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
      {
        description: 'Up to 100 directories.',
      },
    ),
  }),
  connectionAliases: Type.Array(
    Type.Object({
      aliasId: Type.String(),
      connectionString: NullableString,
      state: NullableString,
      associations: Type.Integer(),
    }),
    { description: 'Up to 50 aliases.' },
  ),
  aliasCount: Type.Integer(),
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

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scope = regionScope(ctx.aws, input.region);
  const {
    DescribeAccountCommand,
    DescribeAccountModificationsCommand,
    DescribeClientPropertiesCommand,
    DescribeConnectionAliasesCommand,
  } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  const errors: ErrorEntry[] = [];
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
  const reconnectEnabled = props.filter((p) => p.ClientProperties?.ReconnectEnabled === 'ENABLED').length;
  const tenancy = account?.DedicatedTenancySupport ?? null;
  const unassociated = (aliases ?? []).filter((a) => (a.Associations ?? []).length === 0).length;
  const notes = [
    'BYOL (bring your own Windows licence) needs dedicated tenancy: DedicatedTenancySupport ENABLED with a management CIDR range.',
    ...(reconnectEnabled > 0
      ? [
          `${reconnectEnabled} directory(ies) let clients save credentials to reconnect: convenient, but a stolen unlocked device can reconnect.`,
        ]
      : []),
    ...(recent[0]?.ModificationState === 'PENDING' ? ['A dedicated-tenancy change is still PENDING.'] : []),
    ...(unassociated > 0
      ? [
          `${unassociated} connection alias(es) are not associated with any directory: nothing uses them for cross-region redirection yet.`,
        ]
      : []),
  ];
  return {
    summary: `Account posture in ${scope.region}: dedicated tenancy (BYOL) ${tenancy ?? 'unknown'}; ${props.length} directories with client properties (${reconnectEnabled} allow saved-credential reconnect); ${aliases?.length ?? 0} connection alias(es).${errors.length > 0 ? ` ${errors.length} lookup(s) failed.` : ''}`,
    region: scope.region,
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
      reconnectEnabled,
      logUploadEnabled: props.filter((p) => p.ClientProperties?.LogUploadEnabled === 'ENABLED').length,
      byDirectory: props.slice(0, 100).map((p) => ({
        directoryId: p.ResourceId ?? '',
        reconnect: p.ClientProperties?.ReconnectEnabled ?? null,
        logUpload: p.ClientProperties?.LogUploadEnabled ?? null,
      })),
    },
    connectionAliases: (aliases ?? []).slice(0, 50).map((a) => ({
      aliasId: a.AliasId ?? '',
      connectionString: a.ConnectionString ?? null,
      state: a.State ?? null,
      associations: a.Associations?.length ?? 0,
    })),
    aliasCount: aliases?.length ?? 0,
    notes,
    errors,
  };
}

export const getEucAccountPosture = defineTool({
  name: 'get_euc_account_posture',
  title: 'Get WorkSpaces account posture',
  description:
    'How is this account set up for WorkSpaces Personal in a region? Dedicated tenancy / BYOL status and management CIDR, the latest tenancy modifications, client properties per directory (saved-credential reconnect, client log upload) and connection aliases (cross-region redirection). Each part is best-effort: a denied lookup is listed in errors and the rest is returned. ' +
    'Cost: DescribeAccount, DescribeAccountModifications and DescribeConnectionAliases (paginated, usually 1 call each), DescribeWorkspaceDirectories (1 per 25 directories, shared with other tools in the request), DescribeClientProperties (1 per 25 directories).',
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
