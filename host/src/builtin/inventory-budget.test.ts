/**
 * The host's inventory tools within the assistant's budgets, over a synthetic inventory: one contributor whose rows look like WorkSpaces Personal
 * desktops (the attributes the personal plugin reports), so the host's own tools can be measured
 * at 10,000 desktops and across 5 accounts × 4 regions without AWS or the simulator (which depends
 * on this package).
 */
import { describe, expect, it } from 'vitest';
import { type AssembledHost, assembleHost } from '../assemble.js';
import { definePlugin } from '../plugin-api/define.js';
import type { ContributionScope, InventoryRow } from '../plugin-api/types.js';
import { generateInventoryReport } from './tools/generate-inventory-report.js';
import { getEucInventorySummary } from './tools/get-euc-inventory-summary.js';

const STATES = ['AVAILABLE', 'STOPPED', 'AVAILABLE', 'AVAILABLE', 'UNHEALTHY', 'STOPPED'];
const MODES = ['AUTO_STOP', 'ALWAYS_ON', 'AUTO_STOP'];

/** The `i`-th desktop of a scope, with the personal plugin's attributes and two tags. */
function desktopRow(scope: ContributionScope, i: number): InventoryRow {
  const n = String(i).padStart(6, '0');
  const suffix = `${scope.account ?? '0'}${scope.region}`.length.toString(36);
  return {
    id: `ws-${suffix}${n}abc`,
    name: `WSAMZN-${n}`,
    state: STATES[i % STATES.length] ?? 'AVAILABLE',
    attributes: {
      userName: `user.${n}@example.com`,
      computerName: `WSAMZN-${n}`,
      ipAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      bundleId: 'wsb-0123456789',
      directoryId: 'd-9067012345',
      runningMode: MODES[i % MODES.length] ?? 'AUTO_STOP',
      computeType: 'STANDARD',
      operatingSystem: 'WINDOWS_SERVER_2022',
      protocols: 'WSP',
      rootVolumeGib: 80,
      userVolumeGib: 50,
      rootVolumeEncrypted: i % 3 !== 0,
      userVolumeEncrypted: i % 3 !== 0,
    },
    tags: { CostCenter: `cc-${i % 40}`, Team: i % 2 === 0 ? 'finance' : 'engineering' },
  };
}

interface SyntheticOptions {
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  readonly desktopsPerScope: number;
  /** Scopes (`account/region`) whose collection fails with AccessDeniedException. */
  readonly failing?: readonly string[];
}

/** A host with the built-in tools over the synthetic desktops of every configured scope. */
async function syntheticHost(options: SyntheticOptions): Promise<AssembledHost> {
  const plugin = definePlugin({
    name: 'synthetic-desktops',
    version: '0.0.0',
    description: 'Synthetic desktops for budget tests.',
    tools: [],
    contributes: {
      inventory: [
        {
          id: 'synthetic.desktops',
          service: 'WorkSpaces Personal',
          resourceType: 'WorkSpace',
          iam: [],
          collect: async (_ctx, scope) => {
            if (options.failing?.includes(`${scope.account}/${scope.region}`))
              throw Object.assign(new Error('User is not authorized to perform DescribeWorkspaces'), {
                name: 'AccessDeniedException',
              });
            const rows = Array.from({ length: options.desktopsPerScope }, (_, i) => desktopRow(scope, i));
            const byState: Record<string, number> = {};
            const runningMode: Record<string, number> = {};
            for (const row of rows) {
              byState[row.state] = (byState[row.state] ?? 0) + 1;
              const mode = String(row.attributes.runningMode);
              runningMode[mode] = (runningMode[mode] ?? 0) + 1;
            }
            return { byState, breakdowns: { runningMode }, rows };
          },
        },
      ],
    },
  });
  return assembleHost({
    plugins: [plugin],
    hostTools: true,
    aws: {
      credentials: async () => ({ accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'test-secret' }),
      targets: options.accounts.map((account) => ({ account, regions: options.regions })),
    },
  });
}

/**
 * What an answer costs the assistant as MCP sends it (the testing kit's `answerBytes`, which this
 * package cannot import): the `tools/call` result carries it as structured content and again as
 * the summary and the JSON in a text block.
 */
function sentBytes(structured: Readonly<Record<string, unknown>>): number {
  const json = JSON.stringify(structured);
  const summary = String(structured.summary ?? '');
  return Buffer.byteLength(
    JSON.stringify({
      content: [{ type: 'text', text: `${summary}\n\n${json}` }],
      structuredContent: structured,
    }),
  );
}

/** The assistant's budget for one default answer (the testing kit's ANSWER_BUDGET). */
const ANSWER_BUDGET = 20_000;

const FIVE_ACCOUNTS = ['111122223333', '222233334444', '333344445555', '444455556666', '555566667777'];
const FOUR_REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

/** Schema bytes as the testing kit counts them (description and input schema). */
function schemaBytes(tool: { readonly description: string; readonly input: unknown }): number {
  return Buffer.byteLength(JSON.stringify({ description: tool.description, input: tool.input }));
}

type Row = { id: string; account?: string; attributes: Record<string, unknown> };

describe('the host inventory tools within the assistant budget', () => {
  it('describe themselves in at most 650 bytes (the report, with eight inputs, 700)', () => {
    expect(schemaBytes(getEucInventorySummary)).toBeLessThanOrEqual(650);
    expect(schemaBytes(generateInventoryReport)).toBeLessThanOrEqual(700);
  });

  it('summarise 10,000 desktops in one region within 20 KB, with progress', async () => {
    const host = await syntheticHost({
      accounts: ['111122223333'],
      regions: ['us-east-1'],
      desktopsPerScope: 10_000,
    });
    try {
      const progress: number[] = [];
      const result = await host.invoke(
        'get_euc_inventory_summary',
        {},
        { progress: (done) => progress.push(done) },
      );
      if (!result.ok) throw new Error(result.text);
      expect(result.structured.totalResources).toBe(10_000);
      expect(sentBytes(result.structured)).toBeLessThanOrEqual(ANSWER_BUDGET);
      expect(progress).toEqual([1]);
    } finally {
      host.close();
    }
  });

  it('summarise 5 accounts × 4 regions of 2,500 desktops within 20 KB, a failing scope in errors', async () => {
    const host = await syntheticHost({
      accounts: FIVE_ACCOUNTS,
      regions: FOUR_REGIONS,
      desktopsPerScope: 2_500,
      failing: ['333344445555/eu-central-1'],
    });
    try {
      const progress: number[] = [];
      const result = await host.invoke(
        'get_euc_inventory_summary',
        {},
        { progress: (done) => progress.push(done) },
      );
      if (!result.ok) throw new Error(result.text);
      expect(result.structured).toMatchObject({
        totalResources: 19 * 2_500,
        complete: false,
        errors: [{ account: '333344445555', region: 'eu-central-1', code: 'AccessDeniedException' }],
      });
      expect(progress).toHaveLength(20);
      expect(sentBytes(result.structured)).toBeLessThanOrEqual(ANSWER_BUDGET);
    } finally {
      host.close();
    }
  });

  it('page 10,000 desktops by bytes by default, say the page was cut, and honour an explicit limit', async () => {
    const host = await syntheticHost({
      accounts: ['111122223333'],
      regions: ['us-east-1'],
      desktopsPerScope: 10_000,
    });
    try {
      const first = await host.invoke('generate_inventory_report', {});
      if (!first.ok) throw new Error(first.text);
      const rows = first.structured.rows as Row[];
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.length).toBeLessThan(50);
      expect(rows.every((r) => r.account === undefined)).toBe(true);
      expect(sentBytes(first.structured)).toBeLessThanOrEqual(ANSWER_BUDGET);
      expect(String(first.structured.summary)).toContain('Page cut to');
      const second = await host.invoke('generate_inventory_report', { cursor: first.structured.nextCursor });
      if (!second.ok) throw new Error(second.text);
      expect(second.structured.offset).toBe(rows.length);
      const asked = await host.invoke('generate_inventory_report', { limit: 100 });
      expect(asked.ok && (asked.structured.rows as Row[]).length).toBe(100);
    } finally {
      host.close();
    }
  });

  it('page 5 accounts × 4 regions within 20 KB, each row naming its account', async () => {
    const host = await syntheticHost({
      accounts: FIVE_ACCOUNTS,
      regions: FOUR_REGIONS,
      desktopsPerScope: 2_500,
    });
    try {
      const result = await host.invoke('generate_inventory_report', { states: ['STOPPED'] });
      if (!result.ok) throw new Error(result.text);
      const stopped = Array.from({ length: 2_500 }, (_, i) => STATES[i % STATES.length]).filter(
        (state) => state === 'STOPPED',
      ).length;
      expect(result.structured.totalMatching).toBe(20 * stopped);
      expect((result.structured.rows as Row[]).every((r) => r.account)).toBe(true);
      expect(sentBytes(result.structured)).toBeLessThanOrEqual(ANSWER_BUDGET);
    } finally {
      host.close();
    }
  });

  it('refuse a malformed filter with an error naming the field, before reading anything', async () => {
    const host = await syntheticHost({
      accounts: ['111122223333'],
      regions: ['us-east-1'],
      desktopsPerScope: 10,
    });
    try {
      for (const [input, field] of [
        [{ tag: '=value' }, 'tag:'],
        [{ limit: 0 }, 'limit:'],
        [{ services: [] }, 'services:'],
        [{ search: '' }, 'search:'],
      ] as const) {
        const result = await host.invoke('generate_inventory_report', input);
        expect(result.ok).toBe(false);
        expect(result.text).toContain(field);
      }
    } finally {
      host.close();
    }
  });
});
