import { type FindingsContributor, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import {
  getIpAccessSettings,
  getPortals,
  listAllSettings,
  listPortals,
  listUserSettings,
} from '../aws/workspaces-web.js';
import { checksOf } from '../checks.js';
import { openIpFindings, postureFindings, unassociatedFindings } from '../portals/posture.js';

/*
 * Three contributors, so a denied Get or List costs only the checks that need it. Each settings
 * list is read once per scope and joined to the portals by ARN; the only Gets are the IP rules
 * (per IP access settings resource in use, not per portal) and the status reason of Incomplete
 * portals (ListPortals omits it).
 */

/**
 * IP restriction, access and session logging, data protection, user-settings transfers and
 * timeouts, unusable portals.
 */
export const portalPostureFindings: FindingsContributor = {
  id: 'secure-browser.portal-posture',
  service: SERVICE_LABELS.secureBrowser,
  iam: ['workspaces-web:ListPortals', 'workspaces-web:ListUserSettings', 'workspaces-web:GetPortal'],
  checks: checksOf([
    'secure-browser.no-ip-access-settings',
    'secure-browser.no-user-access-logging',
    'secure-browser.no-session-logging',
    'secure-browser.no-data-protection',
    'secure-browser.user-settings-transfer',
    'secure-browser.session-timeouts',
    'secure-browser.portal-not-usable',
  ]),
  async collect(ctx, scope) {
    const [portals, userSettings] = await Promise.all([
      listPortals(ctx, scope),
      listUserSettings(ctx, scope),
    ]);
    const incomplete = portals
      .filter((p) => p.portalStatus === 'Incomplete')
      .flatMap((p) => (p.portalArn ? [p.portalArn] : []));
    const full = await getPortals(ctx, scope, incomplete);
    return postureFindings(portals, userSettings, full);
  },
};

/** Active portals whose IP access settings admit every address. */
export const ipAccessFindings: FindingsContributor = {
  id: 'secure-browser.ip-access',
  service: SERVICE_LABELS.secureBrowser,
  iam: ['workspaces-web:ListPortals', 'workspaces-web:GetIpAccessSettings'],
  checks: checksOf(['secure-browser.ip-open-to-internet']),
  async collect(ctx, scope) {
    const portals = await listPortals(ctx, scope);
    const inUse = portals
      .filter((p) => p.portalStatus === 'Active')
      .flatMap((p) => (p.ipAccessSettingsArn ? [p.ipAccessSettingsArn] : []));
    return openIpFindings(portals, await getIpAccessSettings(ctx, scope, inUse));
  },
};

/** Settings resources of every listable kind that no portal is associated with. */
export const unusedSettingsFindings: FindingsContributor = {
  id: 'secure-browser.unused-settings',
  service: SERVICE_LABELS.secureBrowser,
  iam: [
    'workspaces-web:ListPortals',
    'workspaces-web:ListUserSettings',
    'workspaces-web:ListNetworkSettings',
    'workspaces-web:ListIpAccessSettings',
    'workspaces-web:ListDataProtectionSettings',
    'workspaces-web:ListBrowserSettings',
    'workspaces-web:ListUserAccessLoggingSettings',
    'workspaces-web:ListTrustStores',
  ],
  checks: checksOf(['secure-browser.unassociated-settings']),
  async collect(ctx, scope) {
    const [portals, lists] = await Promise.all([listPortals(ctx, scope), listAllSettings(ctx, scope)]);
    return unassociatedFindings(portals, lists);
  },
};

/** Every findings contributor of this plugin. */
export const secureBrowserFindings = [
  portalPostureFindings,
  ipAccessFindings,
  unusedSettingsFindings,
] as const;
