import { describe, expect, it } from 'vitest';
import { testPlugin } from '../../test/fixtures/test-plugin.js';
import type { Tier } from '../plugin-api/types.js';
import type { NormalizedEntry } from './load-plugins.js';
import { decideRegistration, tierAllowedByFlags } from './registration.js';

const entry = (overrides: Partial<NormalizedEntry> = {}): NormalizedEntry => ({
  specifier: 'test-plugin',
  enabled: true,
  options: {},
  ...overrides,
});
const TOOL_TIERS: Record<string, Tier> = Object.fromEntries(testPlugin.tools.map((t) => [t.name, t.tier]));
const FLAG_SETS = [
  { enableWrites: false, enableDestructive: false, max: 1 },
  { enableWrites: true, enableDestructive: false, max: 2 },
  { enableWrites: true, enableDestructive: true, max: 3 },
] as const;

describe('registration = config ∧ tier flags', () => {
  it('--enable-destructive without --enable-writes is refused', () => {
    expect(() => tierAllowedByFlags({ enableWrites: false, enableDestructive: true })).toThrow(
      /requires --enable-writes/,
    );
  });

  for (const flags of FLAG_SETS) {
    for (const configMaxTier of [undefined, 0, 1, 2, 3] as const) {
      for (const list of ['none', 'allow', 'deny'] as const) {
        it(`flags up to tier ${flags.max}, config maxTier ${configMaxTier ?? '-'}, ${list} list`, () => {
          const listed = 'stop_test_workspaces';
          const e = entry(
            list === 'allow'
              ? { allow: [listed, 'list_test_workspaces'] }
              : list === 'deny'
                ? { deny: [listed] }
                : {},
          );
          const decisions = decideRegistration([{ plugin: testPlugin, entry: e }], flags, configMaxTier);
          for (const decision of decisions) {
            const tier = TOOL_TIERS[decision.tool.name] ?? 0;
            const allowedByList =
              list === 'allow'
                ? [listed, 'list_test_workspaces'].includes(decision.tool.name)
                : list === 'deny'
                  ? decision.tool.name !== listed
                  : true;
            const expected =
              allowedByList && tier <= flags.max && (configMaxTier === undefined || tier <= configMaxTier);
            expect(decision.registered, decision.tool.name).toBe(expected);
            if (!expected) expect(decision.reason.length).toBeGreaterThan(0);
          }
        });
      }
    }
  }

  it('a config cannot widen: maxTier 3 without flags registers no write tool', () => {
    const decisions = decideRegistration(
      [{ plugin: testPlugin, entry: entry() }],
      { enableWrites: false, enableDestructive: false },
      3,
    );
    expect(decisions.filter((d) => d.registered).map((d) => d.tool.tier)).toEqual([0, 0]);
  });

  it('an allow/deny entry naming a tool the plugin lacks is refused with the plugin name', () => {
    expect(() =>
      decideRegistration(
        [{ plugin: testPlugin, entry: entry({ deny: ['no_such_tool'] }) }],
        { enableWrites: false, enableDestructive: false },
        undefined,
      ),
    ).toThrow(/test-plugin.*no_such_tool/);
  });

  it('a tool name declared by two plugins is refused naming both', () => {
    const twin = { ...testPlugin, name: 'twin-plugin' };
    expect(() =>
      decideRegistration(
        [
          { plugin: testPlugin, entry: entry() },
          { plugin: twin, entry: entry() },
        ],
        { enableWrites: false, enableDestructive: false },
        undefined,
      ),
    ).toThrow(/twin-plugin.*list_test_workspaces.*test-plugin/);
  });
});
