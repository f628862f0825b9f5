/**
 * The judgement behind the findings: what ListPortals, the settings lists and the few Gets
 * returned, in; findings out. The contributors in `contributions/` only fetch and call these.
 */
import type {
  IpAccessSettings,
  Portal,
  PortalSummary,
  UserSettingsSummary,
} from '@aws-sdk/client-workspaces-web';
import type { Finding } from '@workspaces-euc-mcp/host';
import type { SettingsLists } from '../aws/workspaces-web.js';
import { finding } from '../checks.js';
import { openIpRules, SETTINGS_KINDS, timeoutProblem, transferExposure } from './settings.js';

/** The name admins know a portal by, with its id for lookups. */
export function portalLabel(portal: PortalSummary): string {
  return portal.displayName ?? portal.portalArn ?? '';
}

/**
 * Posture of the Active portals (an Incomplete or Pending portal serves nobody yet; it is
 * reported as not usable instead): IP restriction, access and session logging, data protection,
 * and the transfers and timeouts of its user settings (joined by ARN from one ListUserSettings).
 */
export function postureFindings(
  portals: readonly PortalSummary[],
  userSettings: readonly UserSettingsSummary[],
  fullPortals: ReadonlyMap<string, Portal>,
): Finding[] {
  const settingsByArn = new Map(userSettings.map((s) => [s.userSettingsArn ?? '', s]));
  const found: Finding[] = [];
  for (const portal of portals) {
    const id = portal.portalArn ?? '';
    const name = portalLabel(portal);
    if (portal.portalStatus !== 'Active') {
      const reason = fullPortals.get(id)?.statusReason;
      found.push(
        finding(
          'secure-browser.portal-not-usable',
          id,
          'Portal',
          `${name} is ${portal.portalStatus ?? 'in an unknown status'}${reason ? `: ${reason}` : '.'}`,
          portal.portalStatus === 'Pending' ? 'info' : undefined,
        ),
      );
      continue;
    }
    if (!portal.ipAccessSettingsArn)
      found.push(finding('secure-browser.no-ip-access-settings', id, 'Portal', name));
    if (!portal.userAccessLoggingSettingsArn)
      found.push(
        finding(
          'secure-browser.no-user-access-logging',
          id,
          'Portal',
          portal.sessionLoggerArn
            ? `${name} (a session logger is attached, but it does not record sign-ins)`
            : name,
        ),
      );
    if (!portal.sessionLoggerArn)
      found.push(finding('secure-browser.no-session-logging', id, 'Portal', name));
    if (!portal.dataProtectionSettingsArn)
      found.push(finding('secure-browser.no-data-protection', id, 'Portal', name));
    const settings = portal.userSettingsArn ? settingsByArn.get(portal.userSettingsArn) : undefined;
    if (!settings) continue;
    const exposure = transferExposure(settings);
    if (exposure.severity)
      found.push(
        finding(
          'secure-browser.user-settings-transfer',
          id,
          'Portal',
          `${name}: ${[
            exposure.outward.length > 0 ? `out: ${exposure.outward.join(', ')}` : '',
            exposure.inward.length > 0 ? `in: ${exposure.inward.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; ')}.`,
          exposure.severity,
        ),
      );
    const timeouts = timeoutProblem(settings);
    if (timeouts)
      found.push(
        finding(
          'secure-browser.session-timeouts',
          id,
          'Portal',
          `${name}: ${timeouts.detail}`,
          timeouts.severity,
        ),
      );
  }
  return found;
}

/** Active portals whose IP access settings hold a /0 rule (one finding per portal). */
export function openIpFindings(
  portals: readonly PortalSummary[],
  ipSettings: ReadonlyMap<string, IpAccessSettings>,
): Finding[] {
  const found: Finding[] = [];
  for (const portal of portals) {
    if (portal.portalStatus !== 'Active' || !portal.ipAccessSettingsArn) continue;
    const settings = ipSettings.get(portal.ipAccessSettingsArn);
    const open = openIpRules(settings?.ipRules ?? []);
    if (open.length > 0)
      found.push(
        finding(
          'secure-browser.ip-open-to-internet',
          portal.portalArn ?? '',
          'Portal',
          `${portalLabel(portal)}: IP access settings ${settings?.displayName ?? portal.ipAccessSettingsArn} allow ${open.join(', ')}`,
        ),
      );
  }
  return found;
}

interface SettingsResource {
  readonly arn: string | undefined;
  readonly type: string;
  readonly label?: string | undefined;
}

function resourcesOf<T>(
  items: readonly T[],
  type: string,
  arnOf: (item: T) => string | undefined,
  labelOf?: (item: T) => string | undefined,
): SettingsResource[] {
  return items.map((item) => ({ arn: arnOf(item), type, label: labelOf?.(item) }));
}

/** Settings resources no portal names (session loggers are not listed, so not judged). */
export function unassociatedFindings(portals: readonly PortalSummary[], lists: SettingsLists): Finding[] {
  const used = new Set(
    portals.flatMap((p) => SETTINGS_KINDS.map(([, field]) => p[field]).filter((v) => typeof v === 'string')),
  );
  const resources = [
    ...resourcesOf(lists.userSettings, 'User settings', (s) => s.userSettingsArn),
    ...resourcesOf(
      lists.networkSettings,
      'Network settings',
      (s) => s.networkSettingsArn,
      (s) => s.vpcId,
    ),
    ...resourcesOf(
      lists.ipAccessSettings,
      'IP access settings',
      (s) => s.ipAccessSettingsArn,
      (s) => s.displayName,
    ),
    ...resourcesOf(
      lists.dataProtectionSettings,
      'Data protection settings',
      (s) => s.dataProtectionSettingsArn,
      (s) => s.displayName,
    ),
    ...resourcesOf(lists.browserSettings, 'Browser settings', (s) => s.browserSettingsArn),
    ...resourcesOf(
      lists.userAccessLoggingSettings,
      'User access logging settings',
      (s) => s.userAccessLoggingSettingsArn,
    ),
    ...resourcesOf(lists.trustStores, 'Trust store', (s) => s.trustStoreArn),
  ];
  return resources.flatMap(({ arn, type, label }) =>
    arn === undefined || used.has(arn)
      ? []
      : [
          finding(
            'secure-browser.unassociated-settings',
            arn,
            type,
            `${type}${label ? ` "${label}"` : ''} is not associated with any portal.`,
          ),
        ],
  );
}
