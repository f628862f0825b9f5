/**
 * Thin shells over the `workspaces-web` API. Portals name their settings resources by ARN, and
 * every settings kind has its own List operation, so each list is read once per scope (all
 * pages; the API documents no maximum page size, so the service default is used) and joined by
 * ARN. A Get is sent only where no List carries the field: the IP rules of IP access settings
 * (one per settings resource, not per portal) and the status reason of an Incomplete portal.
 * Everything is memoised per client call and scope.
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
import { collectPages, mapBounded, type Scope, scopeKey, type ToolContext } from '@workspaces-euc-mcp/host';
import { webSdk } from './sdk.js';

type WebSdk = Awaited<ReturnType<typeof webSdk>>;

async function webClient(ctx: ToolContext, scope: Scope): Promise<WorkSpacesWebClient> {
  const { WorkSpacesWebClient } = await webSdk();
  return ctx.aws.client(WorkSpacesWebClient, scope);
}

function memoList<T>(
  ctx: ToolContext,
  scope: Scope,
  kind: string,
  list: (client: WorkSpacesWebClient, sdk: WebSdk) => Promise<T[]>,
): Promise<T[]> {
  return ctx.memo(`secure-browser:${kind}:${scopeKey(ctx.aws, scope)}`, async () =>
    list(await webClient(ctx, scope), await webSdk()),
  );
}

export function listPortals(ctx: ToolContext, scope: Scope): Promise<PortalSummary[]> {
  return memoList(ctx, scope, 'portals', (client, sdk) =>
    collectPages(sdk.paginateListPortals({ client }, {}), (p) => p.portals, { signal: ctx.signal }),
  );
}

export function listUserSettings(ctx: ToolContext, scope: Scope): Promise<UserSettingsSummary[]> {
  return memoList(ctx, scope, 'user-settings', (client, sdk) =>
    collectPages(sdk.paginateListUserSettings({ client }, {}), (p) => p.userSettings, { signal: ctx.signal }),
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
  const opts = { signal: ctx.signal };
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
    memoList(ctx, scope, 'network-settings', (client, sdk) =>
      collectPages(sdk.paginateListNetworkSettings({ client }, {}), (p) => p.networkSettings, opts),
    ),
    memoList(ctx, scope, 'ip-access-settings', (client, sdk) =>
      collectPages(sdk.paginateListIpAccessSettings({ client }, {}), (p) => p.ipAccessSettings, opts),
    ),
    memoList(ctx, scope, 'data-protection-settings', (client, sdk) =>
      collectPages(
        sdk.paginateListDataProtectionSettings({ client }, {}),
        (p) => p.dataProtectionSettings,
        opts,
      ),
    ),
    memoList(ctx, scope, 'browser-settings', (client, sdk) =>
      collectPages(sdk.paginateListBrowserSettings({ client }, {}), (p) => p.browserSettings, opts),
    ),
    memoList(ctx, scope, 'user-access-logging-settings', (client, sdk) =>
      collectPages(
        sdk.paginateListUserAccessLoggingSettings({ client }, {}),
        (p) => p.userAccessLoggingSettings,
        opts,
      ),
    ),
    memoList(ctx, scope, 'trust-stores', (client, sdk) =>
      collectPages(sdk.paginateListTrustStores({ client }, {}), (p) => p.trustStores, opts),
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
