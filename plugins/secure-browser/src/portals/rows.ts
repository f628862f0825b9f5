import type { PortalSummary } from '@aws-sdk/client-workspaces-web';
import type { InventoryRow } from '@workspaces-euc-mcp/host';
import { attachedSettings } from './settings.js';

/** The portal id: the last segment of its ARN (what ListSessions and CloudWatch name it by). */
export function portalIdOf(portalArn: string): string {
  return portalArn.split('/').pop() ?? portalArn;
}

/** One row per portal, with which settings resources are attached. */
export function portalRow(portal: PortalSummary): InventoryRow {
  const arn = portal.portalArn ?? '';
  const attached = attachedSettings(portal);
  return {
    id: arn,
    ...(portal.displayName ? { name: portal.displayName } : {}),
    state: portal.portalStatus ?? 'UNKNOWN',
    attributes: {
      portalId: portalIdOf(arn),
      browserType: portal.browserType ?? null,
      rendererType: portal.rendererType ?? null,
      authenticationType: portal.authenticationType ?? null,
      instanceType: portal.instanceType ?? null,
      maxConcurrentSessions: portal.maxConcurrentSessions ?? null,
      portalEndpoint: portal.portalEndpoint ?? null,
      customDomain: portal.portalCustomDomain ?? null,
      settingsAttached: attached.length > 0 ? attached.join(', ') : null,
      ipAccessSettings: attached.includes('ipAccessSettings'),
      userAccessLogging: attached.includes('userAccessLoggingSettings'),
      dataProtectionSettings: attached.includes('dataProtectionSettings'),
      userSettings: attached.includes('userSettings'),
      networkSettings: attached.includes('networkSettings'),
      createdTime: portal.creationDate?.toISOString() ?? null,
    },
  };
}
