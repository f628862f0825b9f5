import { type CheckDescriptor, defineChecks } from '@workspaces-euc-mcp/host';

/** The security checks this plugin contributes, with stable ids. */
export const SECURE_BROWSER_CHECKS = [
  {
    id: 'secure-browser.no-ip-access-settings',
    title: 'Portal reachable from any network',
    severity: 'warning',
    why: 'Without IP access settings, anyone with valid identity-provider credentials can start a session from any address.',
    fix: 'Create IP access settings with your corporate egress ranges and associate them with the portal.',
  },
  {
    id: 'secure-browser.ip-open-to-internet',
    title: 'IP access settings admit every address',
    severity: 'warning',
    why: 'A /0 rule (0.0.0.0/0 or ::/0) makes the IP access settings no restriction at all.',
    fix: 'Replace the /0 rule with your corporate egress ranges.',
  },
  {
    id: 'secure-browser.no-user-access-logging',
    title: 'Portal without user access logging',
    severity: 'warning',
    why: 'Without user access logging (to a Kinesis stream) there is no record of who started sessions, when and from where.',
    fix: 'Create user access logging settings with a Kinesis stream named amazon-workspaces-web-* and associate them with the portal.',
  },
  {
    id: 'secure-browser.no-session-logging',
    title: 'Portal without session logging',
    severity: 'info',
    why: 'Without a session logger nothing records what users did inside their sessions: sites visited, downloads, uploads, clipboard transfers, printing (session loggers record these events, never clipboard or file contents). User access logging covers sign-ins and URLs only.',
    fix: 'Create a session logger that delivers to an S3 bucket and associate it with the portal.',
  },
  {
    id: 'secure-browser.no-data-protection',
    title: 'Portal without data protection settings',
    severity: 'info',
    why: 'Without data protection settings, sensitive values (card numbers, identity numbers) shown in web apps are not redacted.',
    fix: 'Create data protection settings with inline redaction patterns for your data and associate them with the portal.',
  },
  {
    id: 'secure-browser.user-settings-transfer',
    title: 'Users can move data between the remote browser and their device',
    severity: 'warning',
    why: 'Copy, download and print move data out of the isolated browser; upload brings files (or malware) in. Severity grows with the outward channels open (one: info, two: warning, all three: critical; upload alone: info; paste in alone is not reported).',
    fix: 'Set copyAllowed, downloadAllowed and printAllowed (and pasteAllowed, uploadAllowed where not needed) to Disabled in the portal user settings.',
  },
  {
    id: 'secure-browser.session-timeouts',
    title: 'Long or no idle disconnect timeouts',
    severity: 'info',
    why: 'An unattended session stays signed in to every web app it holds cookies for; PCI DSS v4.0 8.2.8 expects re-authentication after 15 idle minutes. An idle timeout of 0 never disconnects (warning).',
    fix: 'Set idleDisconnectTimeoutInMinutes to 15 or less and disconnectTimeoutInMinutes to what users need (at most 120 by our threshold).',
  },
  {
    id: 'secure-browser.portal-not-usable',
    title: 'Portal not usable (Incomplete or Pending)',
    severity: 'warning',
    why: 'Only an Active portal serves sessions: an Incomplete portal lacks a required setting (usually an identity provider); a Pending one is still being created (info).',
    fix: 'Complete the setup the status reason names (add the identity provider or the network settings), or delete the portal if it was abandoned.',
  },
  {
    id: 'secure-browser.unassociated-settings',
    title: 'Settings resource not associated with any portal',
    severity: 'info',
    why: 'Settings no portal uses are clutter, and an old permissive one can be attached to a portal by mistake.',
    fix: 'Delete it, or associate it with the portal it was meant for.',
  },
] as const satisfies readonly CheckDescriptor[];

/** A check id of this plugin. */
export type CheckId = (typeof SECURE_BROWSER_CHECKS)[number]['id'];

/** `finding(...)` and `checksOf(...)`, typed by this plugin's check ids. */
export const { finding, checksOf } = defineChecks(SECURE_BROWSER_CHECKS);
