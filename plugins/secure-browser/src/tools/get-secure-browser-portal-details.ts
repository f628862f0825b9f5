import {
  defineTool,
  ErrorList,
  ScopeInput,
  type Severity,
  scopeLabel,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { locatePortal, PortalInput } from '../aws/locate.js';
import { type PortalDetails, readPortalDetails } from '../aws/portal-details.js';
import { SECURE_BROWSER_CHECKS } from '../checks.js';
import { BrowserPolicySummary, summarizeBrowserPolicy } from '../portals/policy.js';
import { openIpFindings, postureFindings } from '../portals/posture.js';
import { attachedSettings } from '../portals/settings.js';

/** IP ranges and redaction names shown; counts cover every one. */
const SAMPLE = 20;

const Input = Type.Object({ portal: PortalInput, ...ScopeInput }, { additionalProperties: false });

const Strings = Type.Array(Type.String());
const Output = Type.Object({
  summary: Type.String(),
  portal: Type.Object({
    portalId: Type.String(),
    portalArn: Type.String(),
    name: Type.Optional(Type.String()),
    status: Type.String(),
    statusReason: Type.Optional(Type.String()),
    authenticationType: Type.Optional(Type.String()),
    instanceType: Type.Optional(Type.String()),
    maxConcurrentSessions: Type.Optional(Type.Integer()),
    endpoint: Type.Optional(Type.String()),
    customDomain: Type.Optional(Type.String()),
    customerManagedKey: Type.Boolean(),
    account: Type.Optional(Type.String()),
    region: Type.String(),
    created: Type.Optional(Type.String()),
    settings: Strings,
  }),
  userSettings: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Integer()]))),
  network: Type.Optional(
    Type.Object({ vpcId: Type.Optional(Type.String()), subnetIds: Strings, securityGroupIds: Strings }),
  ),
  ipAccess: Type.Optional(
    Type.Object({
      name: Type.Optional(Type.String()),
      rangeCount: Type.Integer(),
      ranges: Strings,
      openToInternet: Strings,
    }),
  ),
  browserPolicy: Type.Optional(BrowserPolicySummary),
  dataProtection: Type.Optional(
    Type.Object({
      name: Type.Optional(Type.String()),
      patternCount: Type.Integer(),
      builtInPatterns: Strings,
      customPatterns: Strings,
      globalConfidenceLevel: Type.Optional(Type.Integer()),
      enforcedUrlCount: Type.Integer(),
      exemptUrlCount: Type.Integer(),
    }),
  ),
  identityProviders: Type.Array(Type.Object({ name: Type.String(), type: Type.String() })),
  logging: Type.Object({
    userAccessLoggingStream: Type.Optional(Type.String({ description: 'Kinesis stream ARN.' })),
    sessionLogger: Type.Boolean(),
    sessionLogDestination: Type.Optional(
      Type.String({ description: 'Where the session logger writes: s3://bucket/prefix.' }),
    ),
  }),
  findings: Type.Array(
    Type.Object({ checkId: Type.String(), severity: Type.String(), detail: Type.Optional(Type.String()) }),
  ),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

const USER_SETTINGS = [
  'copyAllowed',
  'pasteAllowed',
  'downloadAllowed',
  'uploadAllowed',
  'printAllowed',
  'deepLinkAllowed',
  'webAuthnAllowed',
  'idleDisconnectTimeoutInMinutes',
  'disconnectTimeoutInMinutes',
] as const;

const sample = (values: readonly string[]) =>
  values.length > SAMPLE ? [...values.slice(0, SAMPLE), `… (+${values.length - SAMPLE} more)`] : [...values];

function userSettingsOf(details: PortalDetails): Output['userSettings'] {
  const settings = details.userSettings;
  if (!settings) return undefined;
  const picked: Record<string, string | number> = {};
  for (const key of USER_SETTINGS) {
    const value = settings[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}

function dataProtectionOf(details: PortalDetails): Output['dataProtection'] {
  const settings = details.dataProtectionSettings;
  if (!settings) return undefined;
  const config = settings.inlineRedactionConfiguration;
  const patterns = config?.inlineRedactionPatterns ?? [];
  return {
    ...(settings.displayName ? { name: settings.displayName } : {}),
    patternCount: patterns.length,
    builtInPatterns: sample(patterns.flatMap((p) => p.builtInPatternId ?? [])),
    customPatterns: sample(patterns.flatMap((p) => p.customPattern?.patternName ?? [])),
    ...(config?.globalConfidenceLevel !== undefined
      ? { globalConfidenceLevel: config.globalConfidenceLevel }
      : {}),
    enforcedUrlCount: config?.globalEnforcedUrls?.length ?? 0,
    exemptUrlCount: config?.globalExemptUrls?.length ?? 0,
  };
}

const DEFAULT_SEVERITY = new Map<string, Severity>(SECURE_BROWSER_CHECKS.map((c) => [c.id, c.severity]));

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const where = await locatePortal(ctx, input.portal, input);
  const details = await readPortalDetails(ctx, where);
  // GetPortal may have failed: the ListPortals summary carries every field but the status reason.
  const portal = { ...where.portal, ...details.portal };
  const ip = details.ipAccessSettings;
  const ranges = (ip?.ipRules ?? []).map(
    (r) => `${r.ipRange ?? ''}${r.description ? ` (${r.description})` : ''}`,
  );
  const findings = [
    ...postureFindings(
      [portal],
      details.userSettings ? [details.userSettings] : [],
      new Map([[where.portalArn, portal]]),
    ),
    ...openIpFindings(
      [portal],
      new Map(ip && portal.ipAccessSettingsArn ? [[portal.ipAccessSettingsArn, ip]] : []),
    ),
  ].map((f) => ({
    checkId: f.checkId,
    severity: f.severity ?? DEFAULT_SEVERITY.get(f.checkId) ?? 'info',
    ...(f.detail ? { detail: f.detail } : {}),
  }));
  const providers = (details.identityProviders ?? []).map((p) => ({
    name: p.identityProviderName ?? '',
    type: p.identityProviderType ?? 'UNKNOWN',
  }));
  const status = portal.portalStatus ?? 'UNKNOWN';
  const name = portal.displayName ?? where.portalId;
  const worst = ['critical', 'warning', 'info'].find((s) => findings.some((f) => f.severity === s));
  const summary =
    `Amazon WorkSpaces Secure Browser portal "${name}" in ${scopeLabel(where.scope)} is ${status}` +
    `${portal.statusReason ? ` (${portal.statusReason})` : ''}, ${portal.authenticationType ?? 'unknown'} sign-in` +
    `${providers.length > 0 ? ` via ${providers.map((p) => p.name).join(', ')}` : ''}. ` +
    (findings.length > 0
      ? `${findings.length} finding(s), worst ${worst}: ${findings.map((f) => f.checkId.replace('secure-browser.', '')).join(', ')}.`
      : 'No posture findings.') +
    (details.errors.length > 0 ? ` Partial: ${details.errors.length} read(s) failed, see errors.` : '');
  const network = details.networkSettings;
  const policy = details.browserSettings?.browserPolicy;
  const logging = details.userAccessLoggingSettings;
  const sessionLogs = details.sessionLogger?.logConfiguration?.s3;
  return {
    summary,
    portal: {
      portalId: where.portalId,
      portalArn: where.portalArn,
      ...(portal.displayName ? { name: portal.displayName } : {}),
      status,
      ...(portal.statusReason ? { statusReason: portal.statusReason } : {}),
      ...(portal.authenticationType ? { authenticationType: portal.authenticationType } : {}),
      ...(portal.instanceType ? { instanceType: portal.instanceType } : {}),
      ...(portal.maxConcurrentSessions !== undefined
        ? { maxConcurrentSessions: portal.maxConcurrentSessions }
        : {}),
      ...(portal.portalEndpoint ? { endpoint: portal.portalEndpoint } : {}),
      ...(portal.portalCustomDomain ? { customDomain: portal.portalCustomDomain } : {}),
      customerManagedKey: details.portal?.customerManagedKey !== undefined,
      ...(where.scope.account ? { account: where.scope.account } : {}),
      region: where.scope.region,
      ...(portal.creationDate ? { created: portal.creationDate.toISOString() } : {}),
      settings: attachedSettings(portal),
    },
    ...(details.userSettings ? { userSettings: userSettingsOf(details) } : {}),
    ...(network
      ? {
          network: {
            ...(network.vpcId ? { vpcId: network.vpcId } : {}),
            subnetIds: network.subnetIds ?? [],
            securityGroupIds: network.securityGroupIds ?? [],
          },
        }
      : {}),
    ...(ip
      ? {
          ipAccess: {
            ...(ip.displayName ? { name: ip.displayName } : {}),
            rangeCount: ranges.length,
            ranges: sample(ranges),
            openToInternet: (ip.ipRules ?? []).flatMap((r) =>
              /\/0$/.test(r.ipRange ?? '') ? [r.ipRange ?? ''] : [],
            ),
          },
        }
      : {}),
    ...(policy !== undefined ? { browserPolicy: summarizeBrowserPolicy(policy) } : {}),
    ...(details.dataProtectionSettings ? { dataProtection: dataProtectionOf(details) } : {}),
    identityProviders: providers,
    logging: {
      ...(logging?.kinesisStreamArn ? { userAccessLoggingStream: logging.kinesisStreamArn } : {}),
      sessionLogger: Boolean(portal.sessionLoggerArn),
      ...(sessionLogs?.bucket
        ? { sessionLogDestination: `s3://${sessionLogs.bucket}/${sessionLogs.keyPrefix ?? ''}` }
        : {}),
    },
    findings,
    errors: details.errors,
  };
}

/** get_secure_browser_portal_details: how one portal is set up, with its posture findings. */
export const getSecureBrowserPortalDetails = defineTool({
  name: 'get_secure_browser_portal_details',
  title: 'Secure Browser portal details',
  description:
    'How is one WorkSpaces Secure Browser (WorkSpaces Web) portal set up? User settings (clipboard, download, print, timeouts), network, IP ranges, browser policy, redaction, identity provider, logging, posture findings.',
  tier: 0,
  iam: [
    'workspaces-web:ListPortals',
    'workspaces-web:GetPortal',
    'workspaces-web:ListIdentityProviders',
    'workspaces-web:GetUserSettings',
    'workspaces-web:GetNetworkSettings',
    'workspaces-web:GetIpAccessSettings',
    'workspaces-web:GetBrowserSettings',
    'workspaces-web:GetDataProtectionSettings',
    'workspaces-web:GetUserAccessLoggingSettings',
    'workspaces-web:GetSessionLogger',
  ],
  input: Input,
  output: Output,
  run,
});
