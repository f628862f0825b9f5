/**
 * Thin shells over the `workspaces-web` API. Portals name their settings resources by ARN, and
 * every settings kind has its own List operation, so each list is read once per scope (all
 * pages; the API documents no maximum page size, so the service default is used) and joined by
 * ARN. A Get is sent only where no List carries the field: the IP rules of IP access settings
 * (one per settings resource, not per portal) and the status reason of an Incomplete portal.
 * Every list, and the Gets over a set of ARNs, is read through the host's `listOnce` (once per
 * client call, then from the estate snapshot).
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

/** One workspaces-web Get over a set of ARNs: which operation, and how one resource is read. */
interface EachGetSpec<Resource> {
  /** The IAM action, e.g. `workspaces-web:GetPortal`. */
  readonly action: string;
  /** The request field the ARN goes in (`portalArn`), so the snapshot key reads like the request. */
  readonly arnField: string;
  readonly arns: readonly string[];
  readonly get: (client: WorkSpacesWebClient, sdk: WebSdk, arn: string) => Promise<Resource | undefined>;
}

/**
 * One Get per distinct ARN with bounded concurrency, by ARN, through the host's `listOnce`: the
 * answers are kept in the estate snapshot as one entry keyed by the sorted ARNs, so the same
 * audit asked again sends no Get while the snapshot is young (`fresh` or a workspaces-web write
 * reads again). The first failure is thrown and nothing is kept: a missing answer would hide a
 * finding.
 */
async function getEach<Resource>(
  ctx: ToolContext,
  scope: Scope,
  spec: EachGetSpec<Resource>,
): Promise<Map<string, Resource>> {
  const arns = [...new Set(spec.arns)].sort();
  if (arns.length === 0) return new Map();
  const answers = await listOnce(ctx, {
    action: spec.action,
    where: scope,
    input: { [spec.arnField]: arns },
    pages: async function* () {
      const client = await webClient(ctx, scope);
      const sdk = await webSdk();
      const settled = await mapBounded(arns, ctx.limits.concurrency, (arn) => spec.get(client, sdk, arn), {
        signal: ctx.signal,
      });
      const found: { readonly arn: string; readonly resource: Resource }[] = [];
      for (const outcome of settled) {
        if (!outcome.ok) throw outcome.error;
        if (outcome.value) found.push({ arn: outcome.item, resource: outcome.value });
      }
      yield found;
    },
    items: (page) => page,
  });
  return new Map(answers.map((answer) => [answer.arn, answer.resource]));
}

/** The IP access settings with these ARNs, with their rules (one Get each: no List has the rules). */
export function getIpAccessSettings(
  ctx: ToolContext,
  scope: Scope,
  arns: readonly string[],
): Promise<Map<string, IpAccessSettings>> {
  return getEach(ctx, scope, {
    action: 'workspaces-web:GetIpAccessSettings',
    arnField: 'ipAccessSettingsArn',
    arns,
    get: async (client, sdk, ipAccessSettingsArn) =>
      (
        await client.send(new sdk.GetIpAccessSettingsCommand({ ipAccessSettingsArn }), {
          abortSignal: ctx.signal,
        })
      ).ipAccessSettings,
  });
}

/** Full portals (with statusReason, which ListPortals omits) for these ARNs, bounded concurrency. */
export function getPortals(
  ctx: ToolContext,
  scope: Scope,
  arns: readonly string[],
): Promise<Map<string, Portal>> {
  return getEach(ctx, scope, {
    action: 'workspaces-web:GetPortal',
    arnField: 'portalArn',
    arns,
    get: async (client, sdk, portalArn) =>
      (await client.send(new sdk.GetPortalCommand({ portalArn }), { abortSignal: ctx.signal })).portal,
  });
}
