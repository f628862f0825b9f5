/**
 * Thin shells over the `workspaces-web` API. Portals name their settings resources by ARN, and
 * every settings kind has its own List operation, so each list is read once per scope (all
 * pages; the API documents no maximum page size, so the service default is used) and joined by
 * ARN. A Get is sent only where no List carries the field: the IP rules of IP access settings
 * (one per settings resource, not per portal) and the status reason of an Incomplete portal.
 * Every list is read through the host's `listOnce` (once per client call, then from the estate snapshot).
 */
import type {
  BrowserSettingsSummary,
  DataProtectionSettingsSummary,
  IpAccessSettings,
  IpAccessSettingsSummary,
  NetworkSettingsSummary,
  Portal,
  PortalSummary,
  TrustStoreSummary,
  UserAccessLoggingSettingsSummary,
  UserSettingsSummary,
  WorkSpacesWebClient,
} from '@aws-sdk/client-workspaces-web';
import { listOnce, mapBounded, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';
import { webSdk } from './sdk.js';

type WebSdk = Awaited<ReturnType<typeof webSdk>>;

async function webClient(ctx: ToolContext, scope: Scope): Promise<WorkSpacesWebClient> {
  const { WorkSpacesWebClient } = await webSdk();
  return ctx.aws.client(WorkSpacesWebClient, scope);
}

/**
 * One workspaces-web List operation over every page, through the host's `listOnce`: one scan per
 * client call, and across calls from the estate snapshot while it is young. The client and the
 * SDK module load only when the scan actually runs.
 */
function sharedList<Page, Item>(
  ctx: ToolContext,
  scope: Scope,
  operation: string,
  pages: (client: WorkSpacesWebClient, sdk: WebSdk) => AsyncIterable<Page>,
  items: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  return listOnce(ctx, {
    action: `workspaces-web:${operation}`,
    where: scope,
    input: {},
    pages: async function* () {
      yield* pages(await webClient(ctx, scope), await webSdk());
    },
    items,
  });
}

export function listPortals(ctx: ToolContext, scope: Scope): Promise<PortalSummary[]> {
  return sharedList(
    ctx,
    scope,
    'ListPortals',
    (client, sdk) => sdk.paginateListPortals({ client }, {}),
    (p) => p.portals,
  );
}

export function listUserSettings(ctx: ToolContext, scope: Scope): Promise<UserSettingsSummary[]> {
  return sharedList(
    ctx,
    scope,
    'ListUserSettings',
    (client, sdk) => sdk.paginateListUserSettings({ client }, {}),
    (p) => p.userSettings,
  );
}

/** Every settings resource of the scope, by kind (summaries: ARNs and a few fields). */
export interface SettingsLists {
  readonly userSettings: readonly UserSettingsSummary[];
  readonly networkSettings: readonly NetworkSettingsSummary[];
  readonly ipAccessSettings: readonly IpAccessSettingsSummary[];
  readonly dataProtectionSettings: readonly DataProtectionSettingsSummary[];
  readonly browserSettings: readonly BrowserSettingsSummary[];
  readonly userAccessLoggingSettings: readonly UserAccessLoggingSettingsSummary[];
  readonly trustStores: readonly TrustStoreSummary[];
}

export async function listAllSettings(ctx: ToolContext, scope: Scope): Promise<SettingsLists> {
  const [
    userSettings,
    networkSettings,
    ipAccessSettings,
    dataProtectionSettings,
    browserSettings,
    userAccessLoggingSettings,
    trustStores,
  ] = await Promise.all([
    listUserSettings(ctx, scope),
    sharedList(
      ctx,
      scope,
      'ListNetworkSettings',
      (client, sdk) => sdk.paginateListNetworkSettings({ client }, {}),
      (p) => p.networkSettings,
    ),
    sharedList(
      ctx,
      scope,
      'ListIpAccessSettings',
      (client, sdk) => sdk.paginateListIpAccessSettings({ client }, {}),
      (p) => p.ipAccessSettings,
    ),
    sharedList(
      ctx,
      scope,
      'ListDataProtectionSettings',
      (client, sdk) => sdk.paginateListDataProtectionSettings({ client }, {}),
      (p) => p.dataProtectionSettings,
    ),
    sharedList(
      ctx,
      scope,
      'ListBrowserSettings',
      (client, sdk) => sdk.paginateListBrowserSettings({ client }, {}),
      (p) => p.browserSettings,
    ),
    sharedList(
      ctx,
      scope,
      'ListUserAccessLoggingSettings',
      (client, sdk) => sdk.paginateListUserAccessLoggingSettings({ client }, {}),
      (p) => p.userAccessLoggingSettings,
    ),
    sharedList(
      ctx,
      scope,
      'ListTrustStores',
      (client, sdk) => sdk.paginateListTrustStores({ client }, {}),
      (p) => p.trustStores,
    ),
  ]);
  return {
    userSettings,
    networkSettings,
    ipAccessSettings,
    dataProtectionSettings,
    browserSettings,
    userAccessLoggingSettings,
    trustStores,
  };
}

/**
 * One Get per distinct ARN with bounded concurrency, by ARN. The first failure is thrown: a
 * missing answer would hide a finding.
 */
async function getEach<Resource>(
  ctx: ToolContext,
  arns: readonly string[],
  get: (arn: string) => Promise<Resource | undefined>,
): Promise<Map<string, Resource>> {
  const settled = await mapBounded([...new Set(arns)], ctx.limits.concurrency, get, { signal: ctx.signal });
  const byArn = new Map<string, Resource>();
  for (const outcome of settled) {
    if (!outcome.ok) throw outcome.error;
    if (outcome.value) byArn.set(outcome.item, outcome.value);
  }
  return byArn;
}

/** The IP access settings with these ARNs, with their rules (one Get each: no List has the rules). */
export async function getIpAccessSettings(
  ctx: ToolContext,
  scope: Scope,
  arns: readonly string[],
): Promise<Map<string, IpAccessSettings>> {
  const client = await webClient(ctx, scope);
  const { GetIpAccessSettingsCommand } = await webSdk();
  return getEach(
    ctx,
    arns,
    async (ipAccessSettingsArn) =>
      (await client.send(new GetIpAccessSettingsCommand({ ipAccessSettingsArn }))).ipAccessSettings,
  );
}

/** Full portals (with statusReason, which ListPortals omits) for these ARNs, bounded concurrency. */
export async function getPortals(
  ctx: ToolContext,
  scope: Scope,
  arns: readonly string[],
): Promise<Map<string, Portal>> {
  const client = await webClient(ctx, scope);
  const { GetPortalCommand } = await webSdk();
  return getEach(
    ctx,
    arns,
    async (portalArn) => (await client.send(new GetPortalCommand({ portalArn }))).portal,
  );
}
