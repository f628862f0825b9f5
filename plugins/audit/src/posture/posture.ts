/**
 * Security posture: the audit plugin's own account-level checks, and the grouping that turns
 * every plugin's findings into one bounded answer — one entry per check with a count and the
 * top resources, never one line per desktop.
 */
import {
  type CheckDescriptor,
  type Finding,
  type Scope,
  SERVICE_LABELS,
  type Severity,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { clip } from '../answer.js';

/** The audit plugin's account-level checks. */
export const AUDIT_CHECKS = [
  {
    id: 'audit.caller-is-root',
    title: 'This server runs as the root user',
    severity: 'critical',
    why: 'Root credentials cannot be limited by IAM policies: every tool, including destructive ones, could act on every resource of the account.',
    fix: 'Run the server with a role carrying the generated tier policy (workspaces-euc-mcp iam-policy), delete root access keys, and enable MFA on root.',
  },
  {
    id: 'audit.caller-long-term-keys',
    title: 'This server runs with an IAM user’s long-term access keys',
    severity: 'info',
    why: 'Long-term keys do not expire; if copied from the server they work until someone notices and deactivates them.',
    fix: 'Prefer IAM Identity Center or an assumed role (roleArn in the config) so the server holds short-lived credentials.',
  },
  {
    id: 'audit.root-euc-activity',
    title: 'The root user called EUC APIs',
    severity: 'critical',
    why: 'Day-to-day administration as root bypasses IAM policies and leaves no named person in the audit trail.',
    fix: 'Find out who holds the root credentials, give them a named role for EUC administration, and alert on root sign-in.',
  },
  {
    id: 'audit.no-euc-alarms',
    title: 'No CloudWatch alarm watches EUC services in this region',
    severity: 'info',
    why: 'Unhealthy desktops, connection failures and exhausted fleets go unnoticed until users call the help desk.',
    fix: 'Alarm on AWS/WorkSpaces Unhealthy and ConnectionFailure per directory, AWS/AppStream InsufficientCapacityError per fleet and AWS/WorkSpacesWeb SessionFailure per portal, if EUC resources run here.',
  },
] as const satisfies readonly CheckDescriptor[];

export type AuditCheckId = (typeof AUDIT_CHECKS)[number]['id'];

/** The EUC products an audit should cover; a product no loaded plugin audits is reported as a gap. */
export const EUC_PRODUCTS: readonly { readonly product: string; readonly matches: RegExp }[] = [
  { product: SERVICE_LABELS.personal, matches: /personal/i },
  { product: SERVICE_LABELS.pools, matches: /pools?/i },
  { product: SERVICE_LABELS.applications, matches: /applications|appstream/i },
  { product: SERVICE_LABELS.secureBrowser, matches: /secure browser|workspaces web/i },
  { product: SERVICE_LABELS.coreInstances, matches: /core/i },
];

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

/** A finding with the scope it was found in and who raised it. */
export interface ScopedFinding {
  readonly finding: Finding;
  readonly scope: Scope;
  /** The contributor's product name (or "Account" for the audit plugin's own checks). */
  readonly service: string;
  /** The check as its contributor documents it; undefined when it did not. */
  readonly check?: CheckDescriptor;
}

const SeveritySchema = Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]);

export const CheckRowSchema = Type.Object({
  checkId: Type.String(),
  title: Type.String(),
  severity: SeveritySchema,
  service: Type.String(),
  count: Type.Integer({ description: 'Resources with this finding in every scope.' }),
  why: Type.Optional(Type.String()),
  fix: Type.Optional(Type.String()),
  resources: Type.Array(
    Type.Object({
      resourceId: Type.String(),
      account: Type.Optional(Type.String()),
      region: Type.String(),
      detail: Type.Optional(Type.String()),
    }),
    { description: 'The first resources (worst first); `count` says how many there are.' },
  ),
});
export type CheckRow = Static<typeof CheckRowSchema>;

/** A resource's detail in a check row: enough to recognise it, the rest is the service tool's job. */
const DETAIL_CHARS = 120;

/**
 * One row per check: its worst severity, its count and its top `topPerCheck` resources (worst
 * first). A resource's severity shows only through the order: the row's severity is the worst.
 */
export function groupFindings(items: readonly ScopedFinding[], topPerCheck: number): CheckRow[] {
  interface Group {
    check: CheckRow;
    all: { row: CheckRow['resources'][number]; severity: Severity }[];
  }
  const groups = new Map<string, Group>();
  for (const { finding, scope, service, check } of items) {
    const severity = finding.severity ?? check?.severity ?? 'warning';
    const group = groups.get(finding.checkId) ?? {
      check: {
        checkId: finding.checkId,
        title: check?.title ?? finding.checkId,
        severity,
        service,
        count: 0,
        why: check?.why ?? 'Not documented by the plugin that raised it.',
        fix: check?.fix ?? 'See the plugin that raised it.',
        resources: [],
      },
      all: [],
    };
    group.check.count += 1;
    if (SEVERITY_RANK[severity] > SEVERITY_RANK[group.check.severity]) group.check.severity = severity;
    const detail = finding.detail ? clip(finding.detail, DETAIL_CHARS) : undefined;
    group.all.push({
      severity,
      row: {
        resourceId: finding.resourceId,
        ...(scope.account ? { account: scope.account } : {}),
        region: scope.region,
        ...(detail ? { detail } : {}),
      },
    });
    groups.set(finding.checkId, group);
  }
  return [...groups.values()]
    .map(({ check, all }) => ({
      ...check,
      resources: all
        .sort(
          (a, b) =>
            SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
            a.row.region.localeCompare(b.row.region) ||
            a.row.resourceId.localeCompare(b.row.resourceId),
        )
        .slice(0, topPerCheck)
        .map((r) => r.row),
    }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        b.count - a.count ||
        a.checkId.localeCompare(b.checkId),
    );
}

/**
 * Bytes rows cost as MCP sends them: once as structured content and once more as JSON inside the
 * text block, where every quote is escaped again.
 */
export function wireBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return Buffer.byteLength(json) + Buffer.byteLength(JSON.stringify(json));
}

/**
 * Cuts ranked check rows to `budgetBytes` as sent over MCP (`wireBytes`), least important first:
 * the why/fix of the lowest-ranked checks, then their resource lists, then the checks themselves.
 * Returns the rows and sentences saying what was cut (empty when nothing was).
 */
export function fitChecks(
  rows: readonly CheckRow[],
  budgetBytes: number,
): { checks: CheckRow[]; cut: string[] } {
  const checks = rows.map((r) => ({ ...r }));
  const size = () => wireBytes(checks);
  const cut: string[] = [];
  let explained = checks.length;
  while (size() > budgetBytes && explained > 1) {
    explained -= 1;
    const { why: _why, fix: _fix, ...rest } = checks[explained] as CheckRow;
    checks[explained] = rest;
  }
  if (explained < checks.length)
    cut.push(`why/fix given for the first ${explained} checks only; ask with checks: [id] for the others.`);
  let listed = checks.length;
  while (size() > budgetBytes && listed > 1) {
    listed -= 1;
    (checks[listed] as CheckRow).resources = [];
  }
  if (listed < checks.length) cut.push(`Resources listed for the first ${listed} checks only.`);
  let kept = checks.length;
  while (size() > budgetBytes && kept > 1) {
    checks.pop();
    kept -= 1;
  }
  if (kept < rows.length)
    cut.push(`${rows.length - kept} lower-ranked checks left out; filter with checks or services.`);
  return { checks, cut };
}

/** Findings per severity (each resource counted once per check). */
export function severityCounts(items: readonly ScopedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
  for (const { finding, check } of items) counts[finding.severity ?? check?.severity ?? 'warning'] += 1;
  return counts;
}

/** EUC products no loaded findings contributor audits. */
export function notAudited(services: readonly string[]): string[] {
  return EUC_PRODUCTS.filter((p) => !services.some((s) => p.matches.test(s))).map((p) => p.product);
}

/** The caller-identity check of an STS ARN: root, an IAM user (long-term keys), or fine. */
export function callerCheck(arn: string): AuditCheckId | undefined {
  if (/^arn:aws[a-z-]*:iam::\d{12}:root$/.test(arn)) return 'audit.caller-is-root';
  if (/^arn:aws[a-z-]*:iam::\d{12}:user\//.test(arn)) return 'audit.caller-long-term-keys';
  return undefined;
}
