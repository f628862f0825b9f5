/**
 * What the health report reads of each tool it calls: its contract. Plugins never import each
 * other, so for the cost plugin's tools and the host's inventory summary the report states, as a
 * schema, the part of their output it reads; the host checks every answer against it and a
 * mismatch (plugins out of step) is a section error, never a half-read object. Audit's own tools
 * are read through their real output schemas.
 */
import Type, { type Static, type TObject } from 'typebox';
import { auditSecurityPosture } from '../tools/audit-security-posture.js';
import { getEucActiveAlarms } from '../tools/get-euc-active-alarms.js';
import { getEucServiceQuotas } from '../tools/get-euc-service-quotas.js';

/** The part of a tool's `errors` entries the report passes on. */
export const SectionErrorContract = Type.Object({
  service: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
const Errors = Type.Optional(Type.Array(SectionErrorContract));

/** What the report reads of the host's get_euc_inventory_summary (`InventorySummary`). */
export const InventoryContract = Type.Object({
  totalResources: Type.Integer(),
  complete: Type.Boolean(),
  services: Type.Array(
    Type.Object({
      service: Type.String(),
      resourceType: Type.String(),
      total: Type.Integer(),
      byState: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
  errors: Errors,
});

/** What the report reads of the cost plugin's list_unused_resources. */
export const UnusedContract = Type.Object({
  counts: Type.Object({
    unused: Type.Integer(),
    neverConnected: Type.Integer(),
    otherServices: Type.Integer(),
  }),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      service: Type.String(),
      reason: Type.String(),
      account: Type.Optional(Type.String()),
      region: Type.Optional(Type.String()),
      monthlyCostUsd: Type.Optional(Type.Number()),
    }),
  ),
  totalMonthlySavingUsd: Type.Number(),
  errors: Errors,
});

const PlanAction = Type.Object({ desktops: Type.Integer(), monthlySavingUsd: Type.Number() });

/**
 * What the report reads of the cost plugin's recommend_running_mode: its cost plan, one best
 * action per desktop (terminate unused → rightsize → running mode), after the Skip_Convert check.
 */
export const SavingsContract = Type.Object({
  plan: Type.Object({
    totalMonthlySavingUsd: Type.Number(),
    terminate: PlanAction,
    rightsize: PlanAction,
    switchMode: PlanAction,
    unconfirmedMonthlySavingUsd: Type.Number(),
    stepUpMonthlyCostUsd: Type.Number(),
    unpriced: Type.Integer(),
  }),
  errors: Errors,
});

/** What the report reads of the cost plugin's get_euc_cost_summary. */
export const CostContract = Type.Object({
  start: Type.String(),
  end: Type.String(),
  total: Type.Number(),
  currency: Type.String(),
  byService: Type.Array(Type.Object({ service: Type.String(), amount: Type.Number() })),
  errors: Errors,
});

export const SECTION_NAMES = [
  'inventory',
  'alarms',
  'security',
  'unused',
  'savings',
  'quotas',
  'cost',
] as const;
/** A section of the report. */
export type SectionName = (typeof SECTION_NAMES)[number];

interface SectionSource {
  /** The registered tool that answers the section. */
  readonly tool: string;
  /** What the report reads of its answer. */
  readonly contract: TObject;
  /** A tier 1 tool: registered only when billed reads are allowed. */
  readonly tier1: boolean;
}

/** Which tool answers each section, and what of its answer the report reads. */
export const SECTIONS = {
  inventory: { tool: 'get_euc_inventory_summary', contract: InventoryContract, tier1: false },
  alarms: { tool: getEucActiveAlarms.name, contract: getEucActiveAlarms.output, tier1: false },
  security: { tool: auditSecurityPosture.name, contract: auditSecurityPosture.output, tier1: false },
  unused: { tool: 'list_unused_resources', contract: UnusedContract, tier1: true },
  savings: { tool: 'recommend_running_mode', contract: SavingsContract, tier1: true },
  quotas: { tool: getEucServiceQuotas.name, contract: getEucServiceQuotas.output, tier1: false },
  cost: { tool: 'get_euc_cost_summary', contract: CostContract, tier1: true },
} as const satisfies Readonly<Record<SectionName, SectionSource>>;

/** What the report reads of the answer of `section`'s tool. */
export type SectionAnswer<N extends SectionName> = Static<(typeof SECTIONS)[N]['contract']>;
