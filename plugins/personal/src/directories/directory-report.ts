import type { WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import Type, { type Static } from 'typebox';
import {
  DiagnosisFindingSchema,
  type HealthStatus,
  rankFindings,
  statusOf,
} from '../diagnosis/weighted-findings.js';
import type { DsStatus } from '../facts.js';
import { directoryFacts, directoryFindings, dsStageLabel, type IpGroupFacts } from './directories.js';
import { type CapacityLevel, capacityLevel, type DirectoryCapacity, percentFree } from './subnets.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableBoolean = Type.Union([Type.Boolean(), Type.Null()]);
const NullableInteger = Type.Union([Type.Integer(), Type.Null()]);

/** One directory in the health check: its settings, free IPs, findings and status. */
export const DirectoryRowSchema = Type.Object({
  directoryId: Type.String(),
  name: NullableString,
  alias: NullableString,
  type: NullableString,
  workspaceType: NullableString,
  registration: NullableString,
  directoryServiceStage: Type.String({
    description: 'Stage, `not found`, `not applicable (WorkSpaces-managed)` or `unknown`.',
  }),
  ipGroups: Type.Array(
    Type.Object({
      groupId: Type.String(),
      name: NullableString,
      ruleCount: Type.Integer(),
      openRules: Type.Array(Type.String()),
    }),
  ),
  userEnabledAsLocalAdministrator: NullableBoolean,
  maintenanceModeEnabled: NullableBoolean,
  internetAccessEnabled: NullableBoolean,
  webAccessAllowed: NullableBoolean,
  endpointEncryption: NullableString,
  defaultOu: NullableString,
  customSecurityGroupId: NullableString,
  freeIps: Type.Object({
    level: Type.Union(
      [Type.Literal('ok'), Type.Literal('low'), Type.Literal('critical'), Type.Literal('unknown')],
      {
        description: 'critical: under 25 free; low: under 10% of the usable addresses; unknown: not read.',
      },
    ),
    free: NullableInteger,
    usable: NullableInteger,
    percentFree: Type.Union([Type.Number(), Type.Null()]),
    subnets: Type.Array(
      Type.Object({
        subnetId: Type.String(),
        availabilityZone: NullableString,
        cidrBlock: NullableString,
        free: Type.Integer(),
        usable: NullableInteger,
      }),
    ),
    missingSubnets: Type.Array(Type.String(), { description: 'Subnet ids EC2 does not know (deleted).' }),
  }),
  status: Type.Union([Type.Literal('healthy'), Type.Literal('degraded'), Type.Literal('unhealthy')]),
  findings: Type.Array(DiagnosisFindingSchema),
});
export type DirectoryRow = Static<typeof DirectoryRowSchema>;

/** What was learned about a directory besides its DescribeWorkspaceDirectories record. */
export interface DirectoryLookups {
  readonly ds: DsStatus;
  readonly ipGroups: ReadonlyMap<string, IpGroupFacts> | undefined;
  /** undefined: the subnets could not be read. */
  readonly capacity: DirectoryCapacity | undefined;
}

function freeIps(capacity: DirectoryCapacity | undefined): DirectoryRow['freeIps'] {
  if (!capacity)
    return { level: 'unknown', free: null, usable: null, percentFree: null, subnets: [], missingSubnets: [] };
  const level: CapacityLevel | 'unknown' =
    capacity.subnets.length === 0 ? 'unknown' : capacityLevel(capacity);
  return {
    level,
    free: capacity.subnets.length > 0 ? capacity.free : null,
    usable: capacity.usable,
    percentFree: percentFree(capacity),
    subnets: capacity.subnets.map((s) => ({ ...s })),
    missingSubnets: [...capacity.missing],
  };
}

/** The health-check row of one directory. */
export function directoryRow(directory: WorkspaceDirectory, lookups: DirectoryLookups): DirectoryRow {
  const facts = directoryFacts(directory, lookups.ds, lookups.ipGroups, lookups.capacity);
  const findings = rankFindings(directoryFindings(facts, { context: 'directory' }));
  const props = directory.WorkspaceCreationProperties;
  return {
    directoryId: facts.directoryId,
    name: directory.DirectoryName ?? directory.WorkspaceDirectoryName ?? null,
    alias: directory.Alias ?? null,
    type: directory.DirectoryType ?? null,
    workspaceType: directory.WorkspaceType ?? null,
    registration: directory.State ?? null,
    directoryServiceStage: dsStageLabel(lookups.ds),
    ipGroups: (facts.ipGroups ?? []).map((g) => ({
      groupId: g.groupId,
      name: g.name ?? null,
      ruleCount: g.ruleCount,
      openRules: [...g.openRules],
    })),
    userEnabledAsLocalAdministrator: props?.UserEnabledAsLocalAdministrator ?? null,
    maintenanceModeEnabled: props?.EnableMaintenanceMode ?? null,
    internetAccessEnabled: props?.EnableInternetAccess ?? null,
    webAccessAllowed: facts.webAccess ?? null,
    endpointEncryption: directory.EndpointEncryptionMode ?? null,
    defaultOu: props?.DefaultOu ?? null,
    customSecurityGroupId: props?.CustomSecurityGroupId ?? null,
    freeIps: freeIps(lookups.capacity),
    status: statusOf(findings),
    findings,
  };
}

const STATUS_RANK: Readonly<Record<HealthStatus, number>> = { unhealthy: 0, degraded: 1, healthy: 2 };

function worstCount(row: DirectoryRow): number {
  const worst = row.status === 'unhealthy' ? 'critical' : row.status === 'degraded' ? 'warning' : 'info';
  return row.findings.filter((f) => f.severity === worst).length;
}

/**
 * Unhealthy first, then degraded; within a status the directory with the most findings of that
 * severity (two blocking problems before one), then the fewest free IPs, then by id.
 */
export function byHealth(a: DirectoryRow, b: DirectoryRow): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    worstCount(b) - worstCount(a) ||
    (a.freeIps.free ?? Number.MAX_SAFE_INTEGER) - (b.freeIps.free ?? Number.MAX_SAFE_INTEGER) ||
    a.directoryId.localeCompare(b.directoryId)
  );
}

/** A finding in a page of directory rows: its detail and next step may be stated once in `advice`. */
export const PagedFindingSchema = Type.Object({
  id: Type.String(),
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]),
  title: Type.String(),
  detail: Type.Optional(Type.String()),
  nextStep: Type.Optional(Type.String()),
});
type PagedFinding = Static<typeof PagedFindingSchema>;

/** What a finding id means and what to do, when every row of the page says the same. */
export const AdviceSchema = Type.Record(
  Type.String(),
  Type.Object({ detail: Type.String(), nextStep: Type.Optional(Type.String()) }),
  { description: 'Detail and next step per finding id, stated once for every row it applies to.' },
);
export type Advice = Static<typeof AdviceSchema>;

/**
 * Moves the detail and next step of every finding id that reads the same in each row of `rows`
 * into one `advice` entry (the same paragraph ten times is most of a page's bytes); findings whose
 * text differs per directory keep it in the row.
 */
export function shareAdvice<Row extends { readonly findings: readonly DiagnosisFindingLike[] }>(
  rows: readonly Row[],
): { rows: (Omit<Row, 'findings'> & { findings: PagedFinding[] })[]; advice: Advice } {
  const texts = new Map<string, Set<string>>();
  for (const row of rows)
    for (const f of row.findings) {
      const seen = texts.get(f.id) ?? new Set<string>();
      seen.add(JSON.stringify([f.detail, f.nextStep ?? null]));
      texts.set(f.id, seen);
    }
  const shared = new Set([...texts].filter(([, seen]) => seen.size === 1).map(([id]) => id));
  const advice: Advice = {};
  const paged = rows.map((row) => ({
    ...row,
    findings: row.findings.map((f): PagedFinding => {
      if (!shared.has(f.id)) return { ...f };
      advice[f.id] = { detail: f.detail, ...(f.nextStep ? { nextStep: f.nextStep } : {}) };
      return { id: f.id, severity: f.severity, title: f.title };
    }),
  }));
  return { rows: paged, advice };
}

interface DiagnosisFindingLike {
  readonly id: string;
  readonly severity: 'info' | 'warning' | 'critical';
  readonly title: string;
  readonly detail: string;
  readonly nextStep?: string;
}
