/**
 * Reading CloudTrail events for an EUC audit: which service an event belongs to, how much harm
 * a call can do, whether it was refused, who made it, and the grouped view (by action, by
 * person) an admin reads first. Pure functions over LookupEvents output.
 */
import type { Scope } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { clip } from '../answer.js';

/** The EUC services, by their CloudTrail event source. */
export const EVENT_SOURCES = {
  workspaces: 'workspaces.amazonaws.com',
  applications: 'appstream.amazonaws.com',
  'secure-browser': 'workspaces-web.amazonaws.com',
  core: 'workspaces-instances.amazonaws.com',
} as const;
export type AuditService = keyof typeof EVENT_SOURCES;
export const AUDIT_SERVICES = Object.keys(EVENT_SOURCES) as AuditService[];

const SERVICE_BY_SOURCE = new Map<string, AuditService>(
  Object.entries(EVENT_SOURCES).map(([service, source]) => [source, service as AuditService]),
);

/** The EUC service of an event source, or undefined for any other AWS service. */
export function serviceOfSource(source: string | undefined): AuditService | undefined {
  return source ? SERVICE_BY_SOURCE.get(source) : undefined;
}

/**
 * How much harm a call can do: `data-loss` deletes or replaces user data or resources
 * (terminate, delete, rebuild, restore, deregister); `disruptive` interrupts users or opens
 * access (stop, reboot, revoke, disassociate, expire sessions, maintenance mode); `change` is
 * any other write; `read` reads.
 */
export type Impact = 'data-loss' | 'disruptive' | 'change' | 'read';

const DATA_LOSS = ['Terminate', 'Delete', 'Rebuild', 'Restore', 'Deregister'];
const DISRUPTIVE = ['Stop', 'Reboot', 'Revoke', 'Disassociate', 'Expire'];
const DISRUPTIVE_NAMES = new Set(['ModifyWorkspaceState', 'MigrateWorkspace']);

export function impactOf(eventName: string, readOnly: boolean): Impact {
  if (readOnly) return 'read';
  if (DATA_LOSS.some((verb) => eventName.startsWith(verb))) return 'data-loss';
  if (DISRUPTIVE.some((verb) => eventName.startsWith(verb)) || DISRUPTIVE_NAMES.has(eventName))
    return 'disruptive';
  return 'change';
}

/** AWS refused the call for lack of permission (`AccessDenied*`, EC2's `Client.UnauthorizedOperation`). */
export function isAccessDenied(errorCode: string | undefined): boolean {
  return errorCode !== undefined && /AccessDenied|Unauthorized/i.test(errorCode);
}

/** One EUC event, with every field the grouping reads; `terseRow` is what an answer lists. */
export interface TrailRow {
  readonly time: string;
  readonly account?: string;
  readonly region: string;
  readonly service: AuditService;
  readonly eventName: string;
  /** LookupEvents Username: IAM user, role session name, or root. */
  readonly username: string;
  /** AssumedRole, IAMUser, Root, AWSService... */
  readonly identityType: string;
  /** The role an assumed-role session used. */
  readonly role?: string;
  /** The AWS service that called on the principal's behalf. */
  readonly invokedBy?: string;
  readonly sourceIp?: string;
  readonly resources: readonly string[];
  readonly readOnly: boolean;
  readonly impact: Impact;
  readonly accessDenied: boolean;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly eventId: string;
}

/** A listed event: who did what to which resource, and how it ended. */
export const TrailRowSchema = Type.Object({
  time: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  service: Type.String(),
  eventName: Type.String(),
  username: Type.String(),
  invokedBy: Type.Optional(Type.String()),
  sourceIp: Type.Optional(Type.String()),
  resources: Type.Array(Type.String()),
  impact: Type.Union([
    Type.Literal('data-loss'),
    Type.Literal('disruptive'),
    Type.Literal('change'),
    Type.Literal('read'),
  ]),
  accessDenied: Type.Optional(Type.Literal(true)),
  errorCode: Type.Optional(Type.String()),
  errorMessage: Type.Optional(Type.String()),
  eventId: Type.String(),
});
export type TrailRowOut = Static<typeof TrailRowSchema>;

/** Resource names a listed event keeps; the eventId finds the full record. */
const ROW_RESOURCES = 3;

/**
 * The listed form of a row: seconds-precision time, the account only when the answer spans
 * several, at most three resources, the identity type and role left to `byUser`, an error message
 * cut, and none for AccessDenied (it only restates who was refused what; errorCode says it).
 */
export function terseRow(row: TrailRow, withAccount: boolean): TrailRowOut {
  const errorMessage = row.accessDenied ? undefined : clip(row.errorMessage, 120);
  return {
    time: `${row.time.slice(0, 19)}Z`,
    ...(withAccount && row.account ? { account: row.account } : {}),
    region: row.region,
    service: row.service,
    eventName: row.eventName,
    username: row.username,
    ...(row.invokedBy ? { invokedBy: row.invokedBy } : {}),
    ...(row.sourceIp ? { sourceIp: row.sourceIp } : {}),
    resources: row.resources.slice(0, ROW_RESOURCES),
    impact: row.impact,
    ...(row.accessDenied ? { accessDenied: true as const } : {}),
    ...(row.errorCode ? { errorCode: row.errorCode } : {}),
    ...(errorMessage ? { errorMessage } : {}),
    eventId: row.eventId,
  };
}

/** The LookupEvents fields a row is built from. */
export interface LookedUpEvent {
  readonly EventId?: string;
  readonly EventName?: string;
  readonly ReadOnly?: string;
  readonly EventTime?: Date;
  readonly EventSource?: string;
  readonly Username?: string;
  readonly Resources?: readonly { readonly ResourceName?: string }[];
  readonly CloudTrailEvent?: string;
}

interface RecordFields {
  readonly identityType?: string;
  readonly role?: string;
  readonly invokedBy?: string;
  readonly sourceIp?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly readOnly?: boolean;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The fields of the CloudTrail record JSON a row needs; an unreadable record gives none. */
export function recordFields(json: string | undefined): RecordFields {
  if (!json) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const record = parsed as Record<string, unknown>;
  const identity = (typeof record.userIdentity === 'object' && record.userIdentity) || {};
  const id = identity as Record<string, unknown>;
  const issuer = (id.sessionContext as { sessionIssuer?: { userName?: unknown } } | undefined)?.sessionIssuer;
  const role = text(issuer?.userName);
  const invokedBy = text(id.invokedBy);
  const sourceIp = text(record.sourceIPAddress);
  const errorCode = text(record.errorCode);
  const errorMessage = text(record.errorMessage);
  return {
    ...(text(id.type) ? { identityType: text(id.type) } : {}),
    ...(role ? { role } : {}),
    ...(invokedBy ? { invokedBy } : {}),
    ...(sourceIp ? { sourceIp } : {}),
    ...(errorCode ? { errorCode } : {}),
    ...(errorMessage ? { errorMessage } : {}),
    ...(typeof record.readOnly === 'boolean' ? { readOnly: record.readOnly } : {}),
  };
}

/** One EUC event as a row, or undefined when it is not an EUC event. */
export function toRow(event: LookedUpEvent, scope: Scope): TrailRow | undefined {
  const service = serviceOfSource(event.EventSource);
  if (!service) return undefined;
  const fields = recordFields(event.CloudTrailEvent);
  const readOnly = fields.readOnly ?? event.ReadOnly === 'true';
  const eventName = event.EventName ?? 'Unknown';
  const errorMessage = clip(fields.errorMessage, 240);
  return {
    time: (event.EventTime ?? new Date(0)).toISOString(),
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
    service,
    eventName,
    username: event.Username ?? 'unknown',
    identityType: fields.identityType ?? 'Unknown',
    ...(fields.role ? { role: fields.role } : {}),
    ...(fields.invokedBy ? { invokedBy: fields.invokedBy } : {}),
    ...(fields.sourceIp ? { sourceIp: fields.sourceIp } : {}),
    resources: (event.Resources ?? []).flatMap((r) => (r.ResourceName ? [r.ResourceName] : [])).slice(0, 5),
    readOnly,
    impact: impactOf(eventName, readOnly),
    accessDenied: isAccessDenied(fields.errorCode),
    ...(fields.errorCode ? { errorCode: fields.errorCode } : {}),
    ...(errorMessage ? { errorMessage } : {}),
    eventId: event.EventId ?? '',
  };
}

export const TrailTotalsSchema = Type.Object({
  events: Type.Integer(),
  mutations: Type.Integer(),
  dataLoss: Type.Integer({ description: 'Terminate/Delete/Rebuild/Restore/Deregister calls (attempted).' }),
  disruptive: Type.Integer({ description: 'Stop/Reboot/Revoke/Disassociate/Expire/maintenance calls.' }),
  accessDenied: Type.Integer(),
  failed: Type.Integer({ description: 'Calls that failed for another reason.' }),
});

export const ByUserSchema = Type.Object({
  username: Type.String(),
  identityType: Type.String(),
  role: Type.Optional(Type.String()),
  events: Type.Integer(),
  mutations: Type.Integer(),
  dataLoss: Type.Integer(),
  disruptive: Type.Integer(),
  accessDenied: Type.Integer(),
  lastSeen: Type.String(),
});

export const ByEventSchema = Type.Object({
  eventName: Type.String(),
  service: Type.String(),
  impact: Type.String(),
  count: Type.Integer(),
  accessDenied: Type.Integer(),
});

/** Data-loss, disruptive and refused calls: what an audit looks at first. */
export const isFlagged = (row: TrailRow) =>
  row.accessDenied || row.impact === 'data-loss' || row.impact === 'disruptive';

/**
 * Totals, the grouped views cut to `groups` entries (top users and actions), and every row
 * ranked once: flagged calls newest first, then the other events newest first.
 */
export function summarizeTrail(rows: readonly TrailRow[], limits: { readonly groups: number }) {
  const sorted = [...rows].sort((a, b) => b.time.localeCompare(a.time) || a.eventId.localeCompare(b.eventId));
  const totals = { events: 0, mutations: 0, dataLoss: 0, disruptive: 0, accessDenied: 0, failed: 0 };
  const users = new Map<string, Static<typeof ByUserSchema>>();
  const actions = new Map<string, Static<typeof ByEventSchema>>();
  for (const row of sorted) {
    totals.events += 1;
    if (!row.readOnly) totals.mutations += 1;
    if (row.impact === 'data-loss') totals.dataLoss += 1;
    if (row.impact === 'disruptive') totals.disruptive += 1;
    if (row.accessDenied) totals.accessDenied += 1;
    else if (row.errorCode) totals.failed += 1;
    const user = users.get(row.username) ?? {
      username: row.username,
      identityType: row.identityType,
      ...(row.role ? { role: row.role } : {}),
      events: 0,
      mutations: 0,
      dataLoss: 0,
      disruptive: 0,
      accessDenied: 0,
      lastSeen: `${row.time.slice(0, 19)}Z`,
    };
    user.events += 1;
    if (!row.readOnly) user.mutations += 1;
    if (row.impact === 'data-loss') user.dataLoss += 1;
    if (row.impact === 'disruptive') user.disruptive += 1;
    if (row.accessDenied) user.accessDenied += 1;
    users.set(row.username, user);
    const key = `${row.service}:${row.eventName}`;
    const action = actions.get(key) ?? {
      eventName: row.eventName,
      service: row.service,
      impact: row.impact,
      count: 0,
      accessDenied: 0,
    };
    action.count += 1;
    if (row.accessDenied) action.accessDenied += 1;
    actions.set(key, action);
  }
  const byUser = [...users.values()]
    .sort(
      (a, b) =>
        b.dataLoss + b.disruptive + b.accessDenied - (a.dataLoss + a.disruptive + a.accessDenied) ||
        b.events - a.events ||
        a.username.localeCompare(b.username),
    )
    .slice(0, limits.groups);
  const byEventName = [...actions.values()]
    .sort((a, b) => b.count - a.count || a.eventName.localeCompare(b.eventName))
    .slice(0, limits.groups);
  const flagged = sorted.filter(isFlagged);
  return {
    totals,
    byUser,
    byEventName,
    usersTotal: users.size,
    actionsTotal: actions.size,
    ranked: [...flagged, ...sorted.filter((row) => !isFlagged(row))],
    flaggedTotal: flagged.length,
  };
}
