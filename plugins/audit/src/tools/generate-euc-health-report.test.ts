import { definePlugin, defineTool, type ToolOutput } from '@workspaces-euc-mcp/host';
import cost from '@workspaces-euc-mcp/plugin-cost';
import personal from '@workspaces-euc-mcp/plugin-personal';
import {
  createTestHost,
  fakeClock,
  invokeOk,
  type TestHost,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_BUDGET,
  FIVE_ACCOUNTS_FOUR_REGIONS,
  sentBytes,
  sharedEstate,
  TEN_THOUSAND,
} from '../__tests__/estate.js';
import audit from '../index.js';
import { generateEucHealthReport } from './generate-euc-health-report.js';

type Report = ToolOutput<typeof generateEucHealthReport>;

/** The estate `--demo` serves by default (host CLI: seed 42, 200 desktops; one account, two regions). */
const DEMO = { seed: 42, desktops: 200, accounts: ['111122223333'], regions: ['us-east-1', 'eu-west-1'] };

/** The desktops of the call-count comparison; AUDIT_HEALTH_DESKTOPS=10000 for the 10k measurement. */
const SCALE = Number(process.env.AUDIT_HEALTH_DESKTOPS ?? 2000);

const statusOf = (report: Report, name: string) => report.sections.find((s) => s.name === name)?.status;

/** The requests of one tool call, by IAM action. */
async function counts(
  host: TestHost,
  tool: string,
  input: Record<string, unknown>,
): Promise<Record<string, number>> {
  const result = await host.invoke(tool, input);
  if (!result.ok) throw new Error(`${tool}: ${result.text}`);
  return result.calls.countsByAction();
}

function add(into: Record<string, number>, from: Record<string, number>): void {
  for (const [action, n] of Object.entries(from)) into[action] = (into[action] ?? 0) + n;
}

describe('generate_euc_health_report', () => {
  it('costs the assistant at most 650 bytes of description and input schema', () => {
    expect(toolSchemaBytes(generateEucHealthReport)).toBeLessThanOrEqual(650);
  });

  it('composes every section from the registered tools, bounded, with Markdown', async () => {
    const host = await createTestHost({
      plugins: [audit, personal, cost],
      estate: sharedEstate(),
      hostTools: true,
      pacing: fakeClock(),
    });
    const report = await invokeOk<Report>(host, 'generate_euc_health_report', { top: 3 });
    expect(report.sections.map((s) => [s.name, s.status])).toEqual([
      ['inventory', 'ok'],
      ['alarms', 'ok'],
      ['security', 'ok'],
      ['unused', 'ok'],
      ['savings', 'ok'],
      ['quotas', 'ok'],
      ['cost', 'ok'],
    ]);
    expect(report.inventory?.totalResources).toBeGreaterThanOrEqual(200);
    expect(report.alarms?.incidents).toBeGreaterThan(0);
    expect(report.security?.critical).toBeGreaterThan(0);
    expect(report.quotas?.approaching).toBeGreaterThanOrEqual(1);
    expect(report.unused?.unusedDesktops).toBeGreaterThan(0);
    for (const list of [report.alarms?.top, report.security?.top, report.unused?.top, report.quotas?.top])
      expect(list?.length ?? 0).toBeLessThanOrEqual(3);
    for (const heading of ['## Inventory', '## Firing alarms', '## Security', '## Quotas', '## Cost'])
      expect(report.markdown).toContain(heading);
    expect(report.markdown.length).toBeLessThan(8_000);
    expect(report.summary).toMatch(/firing alarm/);
  }, 60_000);

  it('on the demo estate, shows the cost plan’s sum as savings, and no desktop gets two conflicting actions', async () => {
    const host = await createTestHost({
      plugins: [audit, personal, cost],
      estate: sharedEstate(DEMO),
      hostTools: true,
      pacing: fakeClock(),
    });
    const report = await invokeOk<Report>(host, 'generate_euc_health_report', {
      sections: ['unused', 'savings'],
    });
    // Every row of the three cost tools (200 desktops fit one page of each).
    const mode = await invokeOk<{
      plan: { totalMonthlySavingUsd: number };
      recommendations: {
        workspaceId: string;
        decision: string;
        monthlySavingUsd: number;
        skipConvert?: string;
      }[];
      totalListed: number;
    }>(host, 'recommend_running_mode', {
      decisions: [
        'switch-to-auto-stop',
        'switch-to-always-on',
        'coin-flip',
        'keep',
        'opted-out',
        'unpriced',
        'unknown',
        'skipped',
        'superseded',
      ],
      limit: 200,
    });
    const sizing = await invokeOk<{
      recommendations: { workspaceId: string; action: string; monthlySavingUsd?: number }[];
      totalListed: number;
    }>(host, 'recommend_bundle_rightsizing', { actions: ['upsize', 'downsize', 'superseded'], limit: 200 });
    const unused = await invokeOk<{
      items: { id: string; action?: string; monthlyCostUsd?: number }[];
      totalItems: number;
    }>(host, 'list_unused_resources', { includeOtherServices: false, limit: 200 });
    expect(mode.recommendations).toHaveLength(mode.totalListed);
    expect(sizing.recommendations).toHaveLength(sizing.totalListed);
    expect(unused.items).toHaveLength(unused.totalItems);

    const terminate = unused.items.filter((i) => i.action === 'terminate');
    const resize = sizing.recommendations.filter((r) => r.action === 'upsize' || r.action === 'downsize');
    const switches = mode.recommendations.filter((r) => r.decision.startsWith('switch-'));
    const ids = (rows: readonly { id?: string; workspaceId?: string }[]) =>
      new Set(rows.map((r) => r.id ?? r.workspaceId));
    const [t, r, sw] = [ids(terminate), ids(resize), ids(switches)];
    expect(terminate.length).toBeGreaterThan(0);
    expect(switches.length).toBeGreaterThan(0);
    expect([...t].filter((id) => r.has(id) || sw.has(id))).toEqual([]);
    expect([...r].filter((id) => sw.has(id))).toEqual([]);

    // The report's savings are the plan's, and the plan's are the sum of one action per desktop.
    const cents = (n: number) => Math.round(n * 100);
    const sum = (values: readonly number[]) => values.reduce((a, b) => a + cents(b), 0);
    const rowSum =
      sum(terminate.map((i) => i.monthlyCostUsd ?? 0)) +
      sum(resize.map((row) => Math.max(0, row.monthlySavingUsd ?? 0))) +
      sum(switches.filter((row) => row.skipConvert !== 'unchecked').map((row) => row.monthlySavingUsd));
    expect(report.savings?.estimatedMonthlySavingsUsd).toBe(mode.plan.totalMonthlySavingUsd);
    expect(Math.abs(cents(mode.plan.totalMonthlySavingUsd) - rowSum)).toBeLessThanOrEqual(
      terminate.length + resize.length + switches.length,
    );
    expect(report.markdown).toContain('one best action per desktop');
  }, 120_000);

  it('says which sections are missing when their plugins are not loaded, and still reports the rest', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate(), pacing: fakeClock() });
    const report = await invokeOk<Report>(host, 'generate_euc_health_report', {});
    expect(statusOf(report, 'inventory')).toBe('unavailable');
    expect(statusOf(report, 'unused')).toBe('unavailable');
    expect(statusOf(report, 'cost')).toBe('unavailable');
    expect(report.sections.find((s) => s.name === 'cost')?.message).toMatch(/tier 1/);
    expect(statusOf(report, 'alarms')).toBe('ok');
    expect(statusOf(report, 'quotas')).toBe('ok');
    expect(statusOf(report, 'security')).toBe('ok');
    expect(report.security?.notAudited).toContain('WorkSpaces Personal');
    expect(report.markdown).toContain('## Not included');
    expect(report.summary).toContain('Not included: inventory');
  });

  it('fails a section whose tool answers in a shape it does not read (plugins out of step), and keeps the rest', async () => {
    // A cost plugin of another version: get_euc_cost_summary answers `total` as text.
    const costSummary = defineTool({
      name: 'get_euc_cost_summary',
      title: 'Spend (another version)',
      description: 'Answers in a shape the health report does not read.',
      tier: 0,
      iam: [],
      input: Type.Object({}),
      output: Type.Object({ summary: Type.String(), total: Type.String() }),
      run: async () => ({ summary: 'About 1,200 USD.', total: 'about 1200' }),
    });
    const otherCost = definePlugin({
      name: 'cost-of-another-version',
      version: '9.0.0',
      description: 'A get_euc_cost_summary answering in another shape.',
      tools: [costSummary],
    });
    const host = await createTestHost({ plugins: [audit, otherCost], estate: sharedEstate() });
    const report = await invokeOk<Report>(host, 'generate_euc_health_report', {
      sections: ['cost', 'alarms'],
    });
    expect(report.sections.find((s) => s.name === 'cost')).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/get_euc_cost_summary answered in a shape .* does not read/),
    });
    expect(report.cost).toBeUndefined();
    expect(statusOf(report, 'alarms')).toBe('ok');
    expect(report.markdown).toContain('- cost (`get_euc_cost_summary`): failed');
  });

  it(`sends no more requests than its parts do on their own (${SCALE} desktops): shared reads happen once`, {
    timeout: 600_000,
  }, async () => {
    const estate = sharedEstate({ seed: 42, desktops: SCALE });
    const host = await createTestHost({
      plugins: [audit, personal, cost],
      estate,
      hostTools: true,
      pacing: fakeClock(),
      // Each part is measured on its own: no scan kept from the report or an earlier part.
      snapshot: { ttlSeconds: 0 },
    });
    const sections = ['inventory', 'alarms', 'security', 'unused', 'quotas'];
    const report = await counts(host, 'generate_euc_health_report', { sections, top: 5 });
    const parts: Record<string, number> = {};
    add(parts, await counts(host, 'get_euc_inventory_summary', {}));
    add(parts, await counts(host, 'get_euc_active_alarms', { limit: 5 }));
    add(parts, await counts(host, 'audit_security_posture', { topPerCheck: 0 }));
    add(parts, await counts(host, 'list_unused_resources', { limit: 5 }));
    add(parts, await counts(host, 'get_euc_service_quotas', { limit: 5 }));
    if (process.env.AUDIT_HEALTH_DESKTOPS)
      console.info(`health report at ${SCALE} desktops`, { report, sumOfParts: parts });
    // List prices are public and cached for six hours across calls: the report's unused section
    // prices the unused desktops first, so the parts after it read them from the cache.
    expect(report['pricing:GetProducts']).toBeGreaterThan(0);
    delete report['pricing:GetProducts'];
    expect(Object.keys(report).sort()).toEqual(Object.keys(parts).sort());
    for (const [action, n] of Object.entries(report))
      expect(n, action).toBeLessThanOrEqual(parts[action] ?? 0);
    // Inventory, posture audit and unused resources share one desktop scan (the host's listOnce,
    // across plugins); the alarm read is shared too.
    const pages = estate.settings.regions.reduce(
      (n, region) => n + Math.ceil(estate.personal.desktops.filter((d) => d.region === region).length / 25),
      0,
    );
    expect(parts['workspaces:DescribeWorkspaces']).toBe(3 * pages);
    expect(report['workspaces:DescribeWorkspaces']).toBe(pages);
    expect(report['cloudwatch:DescribeAlarms']).toBe(
      (parts['cloudwatch:DescribeAlarms'] ?? 0) - estate.settings.regions.length,
    );
  });

  it('answers 10,000 desktops within 20 KB with every section', { timeout: 180_000 }, async () => {
    const host = await createTestHost({
      plugins: [audit, personal, cost],
      estate: sharedEstate(TEN_THOUSAND),
      hostTools: true,
      pacing: fakeClock(),
    });
    const report = await invokeOk<Report>(host, 'generate_euc_health_report', {});
    expect(report.sections.every((s) => s.status === 'ok')).toBe(true);
    expect(report.inventory?.totalResources).toBeGreaterThanOrEqual(10_000);
    expect(sentBytes(report)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });

  it('counts what each tool counts on the same 5 accounts × 4 regions, with progress per section', {
    timeout: 180_000,
  }, async () => {
    const host = await createTestHost({
      plugins: [audit, personal, cost],
      estate: sharedEstate(FIVE_ACCOUNTS_FOUR_REGIONS),
      hostTools: true,
      pacing: fakeClock(),
    });
    const sections = ['inventory', 'alarms', 'security', 'unused', 'quotas'];
    const scope = { accounts: ['222233334444', '444455556666'], regions: ['eu-west-1', 'ap-southeast-2'] };
    const progress: [number, number | undefined][] = [];
    const result = await host.invoke(
      'generate_euc_health_report',
      { ...scope, sections },
      { progress: (done, total) => progress.push([done, total]) },
    );
    if (!result.ok) throw new Error(result.text);
    const report = result.structured as Report;
    expect(report.scopes).toHaveLength(4);
    expect(progress.at(-1)).toEqual([5, 5]);
    const inventory = await invokeOk<{ totalResources: number }>(host, 'get_euc_inventory_summary', scope);
    const alarms = await invokeOk<{ counts: { incidents: number } }>(host, 'get_euc_active_alarms', scope);
    const security = await invokeOk<{ severityCounts: { critical: number; warning: number } }>(
      host,
      'audit_security_posture',
      scope,
    );
    const unused = await invokeOk<{ counts: { unused: number; neverConnected: number } }>(
      host,
      'list_unused_resources',
      scope,
    );
    const quotas = await invokeOk<{ counts: { approaching: number } }>(host, 'get_euc_service_quotas', scope);
    expect(report.inventory?.totalResources).toBe(inventory.totalResources);
    expect(report.alarms?.incidents).toBe(alarms.counts.incidents);
    expect(report.security?.critical).toBe(security.severityCounts.critical);
    expect(report.security?.warning).toBe(security.severityCounts.warning);
    expect(report.unused?.unusedDesktops).toBe(unused.counts.unused + unused.counts.neverConnected);
    expect(report.quotas?.approaching).toBe(quotas.counts.approaching);
    const everything = await invokeOk<Report>(host, 'generate_euc_health_report', {});
    expect(everything.scopes).toHaveLength(20);
    expect(sentBytes(everything)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });

  it('passes on the scopes a section could not read, and keeps the rest of the report', async () => {
    const host = await createTestHost({
      plugins: [audit, personal],
      estate: sharedEstate(),
      hostTools: true,
      pacing: fakeClock(),
      simulator: { faults: [{ service: 'cloudwatch', region: 'eu-west-1', code: 'AccessDeniedException' }] },
    });
    const report = await invokeOk<Report>(host, 'generate_euc_health_report', {
      sections: ['alarms', 'inventory'],
    });
    expect(report.errors).toContainEqual(
      expect.objectContaining({ section: 'alarms', region: 'eu-west-1', code: 'AccessDeniedException' }),
    );
    expect(report.alarms?.incidents).toBeGreaterThan(0);
    expect(report.summary).toContain('Partial');
  });
});
