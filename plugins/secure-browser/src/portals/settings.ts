import type { IpRule, PortalSummary, UserSettingsSummary } from '@aws-sdk/client-workspaces-web';
import type { Severity } from '@workspaces-euc-mcp/host';

/** The settings kinds a portal can be associated with, and the portal field holding each ARN. */
export const SETTINGS_KINDS = [
  ['userSettings', 'userSettingsArn', 'User settings'],
  ['networkSettings', 'networkSettingsArn', 'Network settings'],
  ['ipAccessSettings', 'ipAccessSettingsArn', 'IP access settings'],
  ['dataProtectionSettings', 'dataProtectionSettingsArn', 'Data protection settings'],
  ['browserSettings', 'browserSettingsArn', 'Browser settings'],
  ['userAccessLoggingSettings', 'userAccessLoggingSettingsArn', 'User access logging settings'],
  ['trustStore', 'trustStoreArn', 'Trust store'],
  ['sessionLogger', 'sessionLoggerArn', 'Session logger'],
] as const satisfies readonly (readonly [string, keyof PortalSummary, string])[];

export type SettingsKind = (typeof SETTINGS_KINDS)[number][0];

/** The settings kinds a portal has attached, in a fixed order. */
export function attachedSettings(portal: PortalSummary): SettingsKind[] {
  return SETTINGS_KINDS.filter(([, field]) => portal[field] !== undefined && portal[field] !== '').map(
    ([kind]) => kind,
  );
}

/** The /0 rules of an IP access settings resource (IPv4 or IPv6): they admit every address. */
export function openIpRules(rules: readonly IpRule[]): string[] {
  return rules.map((r) => r.ipRange ?? '').filter((range) => /\/0$/.test(range.trim()));
}

/** Transfers users can make between the remote browser and their device. */
export interface TransferExposure {
  /** Copy out, download, print: data leaving the session. */
  readonly outward: readonly ('copy' | 'download' | 'print')[];
  /** Paste in, upload: data (or malware) coming in. */
  readonly inward: readonly ('paste' | 'upload')[];
  /**
   * By the outward channels open: one info, two warning, three critical. With none open, an
   * upload channel is info; paste in alone is no finding (users need it for passwords and links,
   * and it carries nothing out).
   */
  readonly severity: Severity | undefined;
}

export function transferExposure(settings: UserSettingsSummary): TransferExposure {
  const on = (value: string | undefined) => value === 'Enabled';
  const outward = (
    [
      ['copy', settings.copyAllowed],
      ['download', settings.downloadAllowed],
      ['print', settings.printAllowed],
    ] as const
  )
    .filter(([, v]) => on(v))
    .map(([name]) => name);
  const inward = (
    [
      ['paste', settings.pasteAllowed],
      ['upload', settings.uploadAllowed],
    ] as const
  )
    .filter(([, v]) => on(v))
    .map(([name]) => name);
  const severity: Severity | undefined =
    outward.length === 3
      ? 'critical'
      : outward.length === 2
        ? 'warning'
        : outward.length === 1 || inward.includes('upload')
          ? 'info'
          : undefined;
  return { outward, inward, severity };
}

/**
 * PCI DSS v4.0 requirement 8.2.8 asks for re-authentication after 15 minutes idle; beyond that
 * an unattended browser stays signed in to every SaaS app it holds cookies for.
 */
export const MAX_IDLE_MINUTES = 15;
/** Our threshold: a disconnected session kept more than 2 hours can be resumed long after the user left. */
export const MAX_DISCONNECT_MINUTES = 120;

/** What is wrong with a user-settings resource's timeouts; undefined when nothing is. */
export function timeoutProblem(
  settings: UserSettingsSummary,
): { readonly severity: Severity; readonly detail: string } | undefined {
  const idle = settings.idleDisconnectTimeoutInMinutes;
  const disconnect = settings.disconnectTimeoutInMinutes;
  const parts: string[] = [];
  let severity: Severity | undefined;
  // 0 turns the idle disconnect off (the API allows 0-60); an absent value means the service default.
  if (idle === 0) {
    parts.push('idle disconnect is off (0 minutes)');
    severity = 'warning';
  } else if (idle !== undefined && idle > MAX_IDLE_MINUTES) {
    parts.push(`idle disconnect after ${idle} minutes (more than ${MAX_IDLE_MINUTES})`);
    severity = 'info';
  }
  if (disconnect !== undefined && disconnect > MAX_DISCONNECT_MINUTES) {
    parts.push(`disconnected sessions kept ${disconnect} minutes (more than ${MAX_DISCONNECT_MINUTES})`);
    severity ??= 'info';
  }
  return severity ? { severity, detail: `${parts.join('; ')}.` } : undefined;
}
