/**
 * Everything one portal is set up with: the portal itself (GetPortal carries the status reason
 * ListPortals omits), one Get per associated settings resource, and its identity providers. Each
 * read is independent and best-effort: a denied or failed one is reported, the others stand.
 */

import type {
  BrowserSettings,
  DataProtectionSettings,
  IdentityProviderSummary,
  IpAccessSettings,
  NetworkSettings,
  Portal,
  SessionLogger,
  UserAccessLoggingSettings,
  UserSettings,
} from '@aws-sdk/client-workspaces-web';
import {
  collectPages,
  type ErrorEntry,
  errorEntry,
  mapBounded,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import type { LocatedPortal } from './locate.js';
import { webSdk } from './sdk.js';

/** What could be read about one portal; a part that failed is absent and has an entry in `errors`. */
export interface PortalDetails {
  portal?: Portal;
  userSettings?: UserSettings;
  networkSettings?: NetworkSettings;
  ipAccessSettings?: IpAccessSettings;
  browserSettings?: BrowserSettings;
  dataProtectionSettings?: DataProtectionSettings;
  userAccessLoggingSettings?: UserAccessLoggingSettings;
  sessionLogger?: SessionLogger;
  identityProviders?: IdentityProviderSummary[];
  errors: ErrorEntry[];
}

type Part = { [K in keyof PortalDetails]-?: K extends 'errors' ? never : K }[keyof PortalDetails];

/** Reads the portal and each associated settings resource in parallel (bounded). */
export async function readPortalDetails(ctx: ToolContext, where: LocatedPortal): Promise<PortalDetails> {
  const sdk = await webSdk();
  const client = ctx.aws.client(sdk.WorkSpacesWebClient, where.scope);
  const summary = where.portal;
  const reads: [Part, () => Promise<unknown>][] = [
    [
      'portal',
      async () => (await client.send(new sdk.GetPortalCommand({ portalArn: where.portalArn }))).portal,
    ],
    [
      'identityProviders',
      () =>
        collectPages(
          sdk.paginateListIdentityProviders({ client }, { portalArn: where.portalArn }),
          (page) => page.identityProviders,
          { signal: ctx.signal },
        ),
    ],
  ];
  const { userSettingsArn, networkSettingsArn, ipAccessSettingsArn } = summary;
  const { browserSettingsArn, dataProtectionSettingsArn, userAccessLoggingSettingsArn } = summary;
  const { sessionLoggerArn } = summary;
  if (userSettingsArn)
    reads.push([
      'userSettings',
      async () => (await client.send(new sdk.GetUserSettingsCommand({ userSettingsArn }))).userSettings,
    ]);
  if (networkSettingsArn)
    reads.push([
      'networkSettings',
      async () =>
        (await client.send(new sdk.GetNetworkSettingsCommand({ networkSettingsArn }))).networkSettings,
    ]);
  if (ipAccessSettingsArn)
    reads.push([
      'ipAccessSettings',
      async () =>
        (await client.send(new sdk.GetIpAccessSettingsCommand({ ipAccessSettingsArn }))).ipAccessSettings,
    ]);
  if (browserSettingsArn)
    reads.push([
      'browserSettings',
      async () =>
        (await client.send(new sdk.GetBrowserSettingsCommand({ browserSettingsArn }))).browserSettings,
    ]);
  if (dataProtectionSettingsArn)
    reads.push([
      'dataProtectionSettings',
      async () =>
        (await client.send(new sdk.GetDataProtectionSettingsCommand({ dataProtectionSettingsArn })))
          .dataProtectionSettings,
    ]);
  if (userAccessLoggingSettingsArn)
    reads.push([
      'userAccessLoggingSettings',
      async () =>
        (await client.send(new sdk.GetUserAccessLoggingSettingsCommand({ userAccessLoggingSettingsArn })))
          .userAccessLoggingSettings,
    ]);
  if (sessionLoggerArn)
    reads.push([
      'sessionLogger',
      async () => (await client.send(new sdk.GetSessionLoggerCommand({ sessionLoggerArn }))).sessionLogger,
    ]);
  const settled = await mapBounded(reads, ctx.limits.concurrency, ([, read]) => read(), {
    signal: ctx.signal,
  });
  const details: PortalDetails = { errors: [] };
  const parts = details as Record<Part, unknown>;
  for (const outcome of settled) {
    if (outcome.ok) parts[outcome.item[0]] = outcome.value;
    else details.errors.push(errorEntry(SERVICE_LABELS.secureBrowser, where.scope, outcome.error));
  }
  return details;
}
