import {
  defineTool,
  mapBounded,
  ScopeInput,
  scopeLabel,
  selectScopes,
  type ToolCallOutcome,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { intInput, ScopeSchema } from '../answer.js';
import {
  SECTION_NAMES,
  SECTIONS,
  type SectionAnswer,
  SectionErrorContract,
  type SectionName,
} from '../health/contracts.js';
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

/** Errors passed on from the sections' tools; each tool's own answer has them all. */
const MAX_ERRORS = 20;

/**
 * Rows per section by default: each is sent three times (structured, its JSON copy in the text
 * block, and the Markdown), so 3 keeps 20 scopes with every section well within the 20 KB budget.
 */
const DEFAULT_TOP = 3;

const Input = Type.Object(
  {
    ...ScopeInput,
    sections: Type.Optional(Type.Array(Type.Enum(SECTION_NAMES))),
    top: Type.Optional(Type.Integer({ description: 'Rows per section' })),
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
  errors: Type.Array(Type.Object({ section: Type.String(), ...SectionErrorContract.properties }), {
    description: 'Scopes a section’s tool could not read; the rest of its section stands.',
  }),
  errorsTotal: Type.Integer(),
  notes: Type.Array(Type.String()),
});

interface Job {
  readonly section: SectionName;
  readonly input: Record<string, unknown>;
}

/**
 * One call per section, each given the report's own accounts and regions, so every section counts
 * the same scopes its tool would on its own (`fresh` reaches them through the host).
 */
function jobsFor(
  sections: readonly SectionName[],
  scope: { accounts?: string[]; regions?: string[] },
  top: number,
): Job[] {
  const scoped = {
    ...(scope.accounts ? { accounts: scope.accounts } : {}),
    ...(scope.regions ? { regions: scope.regions } : {}),
  };
  const inputs: Readonly<Record<SectionName, Record<string, unknown>>> = {
    inventory: scoped,
    alarms: { ...scoped, limit: top },
    security: { ...scoped, topPerCheck: 0 },
    quotas: { ...scoped, limit: top },
    unused: { ...scoped, limit: top },
    savings: { ...scoped, limit: top },
    // Cost Explorer bills each request: the summary without the usage-type split is one request.
    cost: { ...scoped, lookbackDays: 30, splitWorkspaces: false },
  };
  return sections.map((section) => ({ section, input: inputs[section] }));
}

/**
 * A section's status from its call: unavailable when its tool is not registered, failed when the
 * call failed or answered outside the section's contract. A tool that answered for only some
 * scopes is `ok`; the scopes it could not read are in the report's `errors`.
 */
function status(
  section: SectionName,
  outcome: ToolCallOutcome<unknown> | undefined,
): Static<typeof SectionStatusSchema> {
  const { tool, tier1 } = SECTIONS[section];
  if (outcome && !outcome.ok && outcome.reason === 'not-registered')
    return {
      name: section,
      tool,
      status: 'unavailable',
      message: `${tool} is not registered: its plugin is not loaded${tier1 ? ', or tier 1 (cost, billed Cost Explorer reads) is off' : ''}.`,
    };
  if (!outcome) return { name: section, tool, status: 'failed', message: 'Not run.' };
  if (!outcome.ok) return { name: section, tool, status: 'failed', message: outcome.message.slice(0, 400) };
  return { name: section, tool, status: 'ok' };
}

/**
 * Each section's call outcome (one call, kept in a list: a generic write to a record of
 * differently typed fields does not type-check, an element of the section's own list does).
 */
type Outcomes = { [N in SectionName]: ToolCallOutcome<SectionAnswer<N>>[] };

/** Calls `section`'s tool, checking its answer against the section's contract. */
async function callSection<N extends SectionName>(
  ctx: ToolContext,
  section: N,
  input: Record<string, unknown>,
  into: Outcomes,
): Promise<void> {
  const source = SECTIONS[section];
  // The contract type is named: inferred from `source.contract`, it widens to every section's.
  into[section][0] = await ctx.callTool<(typeof SECTIONS)[N]['contract']>(
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
    await callSection(ctx, job.section, job.input, outcomes);
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
    'EUC overview for a status meeting: inventory, firing alarms, security, unused desktops, savings, quotas near limit, 30-day spend; sections and Markdown from those tools on the same scopes.',
  tier: 0,
  // It sends nothing itself: every request is made by the tools it calls, under their own IAM.
  iam: [],
  input: Input,
  output: Output,
  async run(input, ctx): Promise<Static<typeof Output>> {
    const scopes = selectScopes(ctx.aws, input);
    const top = intInput('top', input.top, DEFAULT_TOP, 1, 20);
    if (input.sections?.length === 0)
      throw new ToolError('InvalidInput', 'sections: give at least one section, or omit it.');
    const sections = input.sections
      ? SECTION_NAMES.filter((s) => input.sections?.includes(s))
      : [...SECTION_NAMES];
    const outcomes = await runJobs(ctx, jobsFor(sections, input, top));
    const ok = <N extends SectionName>(section: N): SectionAnswer<N> | undefined => {
      const outcome = outcomes[section][0];
      return outcome?.ok ? outcome.result : undefined;
    };
    const statuses = sections.map((section) => status(section, outcomes[section][0]));
    const inventory = ok('inventory');
    const alarms = ok('alarms');
    const security = ok('security');
    const unused = ok('unused');
    const savings = ok('savings');
    const quotas = ok('quotas');
    const cost = ok('cost');
    const parts: ReportParts = {
      generatedAt: ctx.now().toISOString(),
      scopes: scopeList(scopes),
      sections: statuses,
      ...(inventory ? { inventory: inventorySection(inventory, top) } : {}),
      ...(alarms ? { alarms: alarmsSection(alarms, top) } : {}),
      ...(security ? { security: securitySection(security, top) } : {}),
      ...(unused ? { unused: unusedSection(unused, top) } : {}),
      ...(savings ? { savings: savingsSection(savings) } : {}),
      ...(quotas ? { quotas: quotasSection(quotas, top) } : {}),
      ...(cost ? { cost: costSection(cost, top) } : {}),
    };
    const errors = [
      ...(inventory?.errors ?? []).map((e) => ({ section: 'inventory', ...e })),
      ...(alarms?.errors ?? []).map((e) => ({ section: 'alarms', ...e })),
      ...(security?.errors ?? []).map((e) => ({ section: 'security', ...e })),
      ...(unused?.errors ?? []).map((e) => ({ section: 'unused', ...e })),
      ...(savings?.errors ?? []).map((e) => ({ section: 'savings', ...e })),
      ...(quotas?.errors ?? []).map((e) => ({ section: 'quotas', ...e })),
      ...(cost?.errors ?? []).map((e) => ({ section: 'cost', ...e })),
    ].map(({ section, service, account, region, code, message }) => ({
      section,
      service,
      ...(account ? { account } : {}),
      region,
      code,
      message: message.slice(0, 200),
    }));
    const summary =
      headlineSentence(parts) +
      (errors.length > 0 ? ` Partial: ${errors.length} scope error(s), see errors.` : '');
    return {
      summary,
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
      errors: errors.slice(0, MAX_ERRORS),
      errorsTotal: errors.length,
      notes: [
        'Each section is the summary of one tool over the same accounts and regions; call that tool for the full list.',
        ...(errors.length > MAX_ERRORS
          ? [`First ${MAX_ERRORS} of ${errors.length} errors; each section's tool lists all of its own.`]
          : []),
      ],
    };
  },
});

/** The scopes as the Markdown names them: every one up to 6, else a count per account. */
function scopeList(scopes: readonly { account?: string; region: string }[]): string {
  if (scopes.length <= 6) return scopes.map(scopeLabel).join(', ');
  const accounts = new Set(scopes.map((s) => s.account ?? ''));
  const regions = new Set(scopes.map((s) => s.region));
  return `${scopes.length} scopes (${accounts.size} account${accounts.size === 1 ? '' : 's'} × ${regions.size} region${regions.size === 1 ? '' : 's'})`;
}
