import {
  defineTool,
  mapBounded,
  ScopeInput,
  scopeLabel,
  selectScopes,
  type ToolCallOutcome,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { ScopeSchema } from '../answer.js';
import { SECTION_NAMES, SECTIONS, type SectionAnswer, type SectionName } from '../health/contracts.js';
import {
  AlarmsSection,
  alarmsSection,
  CostSection,
  costSection,
  InventorySection,
  inventorySection,
  QuotasSection,
  quotasSection,
  type ReportParts,
  SavingsSection,
  SectionStatusSchema,
  SecuritySection,
  savingsSection,
  securitySection,
  UnusedSection,
  unusedSection,
} from '../health/health.js';
import { headlineSentence, renderMarkdown } from '../health/health-markdown.js';

const Input = Type.Object(
  {
    ...ScopeInput,
    sections: Type.Optional(
      Type.Array(Type.Union(SECTION_NAMES.map((s) => Type.Literal(s))), {
        minItems: 1,
        uniqueItems: true,
        description: 'Sections to include; default all. Savings and cost need the cost plugin and tier 1.',
      }),
    ),
    top: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 20, default: 5, description: 'Rows per section.' }),
    ),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  generatedAt: Type.String(),
  scopes: Type.Array(ScopeSchema),
  sections: Type.Array(SectionStatusSchema, { description: 'Each section’s tool and whether it answered.' }),
  inventory: Type.Optional(InventorySection),
  alarms: Type.Optional(AlarmsSection),
  security: Type.Optional(SecuritySection),
  unused: Type.Optional(UnusedSection),
  savings: Type.Optional(SavingsSection),
  quotas: Type.Optional(QuotasSection),
  cost: Type.Optional(CostSection),
  markdown: Type.String(),
  notes: Type.Array(Type.String()),
});

interface Job {
  readonly section: SectionName;
  /** Its place among the calls of its section (regional sections call once per region). */
  readonly index: number;
  readonly input: Record<string, unknown>;
}

function jobsFor(
  sections: readonly SectionName[],
  scope: { accounts?: string[]; regions?: string[] },
  regions: readonly string[],
  top: number,
): Job[] {
  const scoped = {
    ...(scope.accounts ? { accounts: scope.accounts } : {}),
    ...(scope.regions ? { regions: scope.regions } : {}),
  };
  const inputs: Readonly<Record<SectionName, () => Record<string, unknown>[]>> = {
    inventory: () => [scoped],
    alarms: () => [{ ...scoped, limit: top }],
    security: () => [{ ...scoped, topPerCheck: 3 }],
    quotas: () => [{ ...scoped, limit: top }],
    unused: () => regions.map((region) => ({ region, limit: top })),
    savings: () => regions.map((region) => ({ region, limit: top })),
    // Cost Explorer bills each request: the summary without the usage-type split is one request.
    cost: () => [{ lookbackDays: 30, splitWorkspaces: false }],
  };
  return sections.flatMap((section) => inputs[section]().map((input, index) => ({ section, index, input })));
}

/**
 * A section's status from its calls: unavailable when its tool is not registered, failed when
 * every call failed or answered outside the section's contract, partial (`ok` with a message)
 * when some did.
 */
function status(
  section: SectionName,
  outcomes: readonly ToolCallOutcome<unknown>[],
): Static<typeof SectionStatusSchema> {
  const { tool, tier1 } = SECTIONS[section];
  const failed = outcomes.filter((o) => !o.ok);
  const missing = failed.find((o) => !o.ok && o.reason === 'not-registered');
  if (missing)
    return {
      name: section,
      tool,
      status: 'unavailable',
      message: `${tool} is not registered: its plugin is not loaded${tier1 ? ', or tier 1 (cost, billed Cost Explorer reads) is off' : ''}.`,
    };
  const messages = failed.flatMap((o) => (o.ok ? [] : [o.message]));
  if (failed.length === outcomes.length && outcomes.length > 0)
    return { name: section, tool, status: 'failed', message: messages.join(' | ').slice(0, 400) };
  return {
    name: section,
    tool,
    status: 'ok',
    ...(messages.length > 0 ? { message: `Partial: ${messages.join(' | ').slice(0, 400)}` } : {}),
  };
}

/** Each section's call outcomes, typed by what the report reads of its tool's answer. */
type Outcomes = { [N in SectionName]: ToolCallOutcome<SectionAnswer<N>>[] };

/** Calls `section`'s tool, checking its answer against the section's contract. */
async function callSection<N extends SectionName>(
  ctx: ToolContext,
  section: N,
  index: number,
  input: Record<string, unknown>,
  into: Outcomes,
): Promise<void> {
  const source = SECTIONS[section];
  // The contract type is named: inferred from `source.contract`, it widens to every section's.
  into[section][index] = await ctx.callTool<(typeof SECTIONS)[N]['contract']>(
    source.tool,
    input,
    source.contract,
  );
}

async function runJobs(ctx: ToolContext, jobs: readonly Job[]): Promise<Outcomes> {
  const outcomes: Outcomes = {
    inventory: [],
    alarms: [],
    security: [],
    unused: [],
    savings: [],
    quotas: [],
    cost: [],
  };
  let done = 0;
  const settled = await mapBounded(jobs, ctx.limits.concurrency, async (job) => {
    await callSection(ctx, job.section, job.index, job.input, outcomes);
    ctx.progress(++done, jobs.length, job.section);
  });
  // callTool never throws (it returns outcomes); a thrown error is a cancelled call.
  for (const s of settled) if (!s.ok) throw s.error;
  return outcomes;
}

/** generate_euc_health_report: one overview composed from the other registered tools. */
export const generateEucHealthReport = defineTool({
  name: 'generate_euc_health_report',
  title: 'EUC health report',
  description:
    'One overview of the EUC estate for a status meeting or a hand-over: inventory, firing alarms, security posture, unused desktops and running-mode savings, quotas near their limit, and last 30 days’ spend — as structured sections and Markdown, each section cut to `top` rows. It calls the other registered tools (get_euc_inventory_summary, get_euc_active_alarms, audit_security_posture, list_unused_resources, recommend_running_mode, get_euc_service_quotas, get_euc_cost_summary) within one call, so shared reads (the desktop scan, the alarm read) happen once; a section whose tool is not loaded or not allowed (tier 1) is reported as unavailable, not an error. Use a specific tool instead when you need one answer in depth. Cost: the sum of those tools’ calls, less what they share; with the cost plugin at tier 1, one or two billed Cost Explorer requests.',
  tier: 0,
  // It sends nothing itself: every request is made by the tools it calls, under their own IAM.
  iam: [],
  input: Input,
  output: Output,
  async run(input, ctx): Promise<Static<typeof Output>> {
    const scopes = selectScopes(ctx.aws, input);
    const top = input.top ?? 5;
    const sections = input.sections ?? [...SECTION_NAMES];
    // The cost plugin's regional tools address the first configured account only.
    const firstAccount = ctx.aws.targets[0]?.account;
    const regions = [
      ...new Set(scopes.filter((s) => !s.account || s.account === firstAccount).map((s) => s.region)),
    ];
    const outcomes = await runJobs(ctx, jobsFor(sections, input, regions, top));
    const ok = <N extends SectionName>(section: N): SectionAnswer<N>[] =>
      outcomes[section].flatMap((o) => (o.ok ? [o.result] : []));
    const statuses = sections.map((section) => status(section, outcomes[section]));
    const one = <N extends SectionName>(section: N): SectionAnswer<N> | undefined => ok(section)[0];
    const inventory = one('inventory');
    const alarms = one('alarms');
    const security = one('security');
    const quotas = one('quotas');
    const cost = one('cost');
    const parts: ReportParts = {
      generatedAt: ctx.now().toISOString(),
      scopes: scopes.map(scopeLabel).join(', '),
      sections: statuses,
      ...(inventory ? { inventory: inventorySection(inventory, top) } : {}),
      ...(alarms ? { alarms: alarmsSection(alarms, top) } : {}),
      ...(security ? { security: securitySection(security, top) } : {}),
      ...(ok('unused').length > 0 ? { unused: unusedSection(ok('unused'), top) } : {}),
      ...(ok('savings').length > 0 ? { savings: savingsSection(ok('savings')) } : {}),
      ...(quotas ? { quotas: quotasSection(quotas, top) } : {}),
      ...(cost ? { cost: costSection(cost, top) } : {}),
    };
    const multiAccount = new Set(scopes.map((s) => s.account)).size > 1;
    return {
      summary: headlineSentence(parts),
      generatedAt: parts.generatedAt,
      scopes: scopes.map((s) => ({ ...s })),
      sections: statuses,
      ...(parts.inventory ? { inventory: parts.inventory } : {}),
      ...(parts.alarms ? { alarms: parts.alarms } : {}),
      ...(parts.security ? { security: parts.security } : {}),
      ...(parts.unused ? { unused: parts.unused } : {}),
      ...(parts.savings ? { savings: parts.savings } : {}),
      ...(parts.quotas ? { quotas: parts.quotas } : {}),
      ...(parts.cost ? { cost: parts.cost } : {}),
      markdown: renderMarkdown(parts),
      notes: [
        'Each section is the summary of one tool; call that tool for the full list.',
        ...(multiAccount
          ? ['Unused resources, savings and cost cover the first configured account only.']
          : []),
      ],
    };
  },
});
