import { ANSWER_BUDGET, answerBytes, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { TWENTY_SCOPES } from './__tests__/demo.js';
import { plugin } from './index.js';

/**
 * Issue #12's wide estate: 5 accounts × 4 regions (2,500 desktops in all). There the per-scope
 * breakdowns, not the row lists, decide an answer's size (before the top-5 cap the running-mode,
 * rightsizing, unused and utilisation answers were 20.6-23.9 KB). Every cost tool's default answer
 * stays within the 20 KB budget, aiming at 18 KB. One estate, one host.
 */
const TARGET_BYTES = 18_000;

const DEFAULT_INPUTS: Readonly<Record<string, Record<string, unknown>>> = {
  get_euc_service_prices: { service: 'personal' },
};

describe('every cost tool at 5 accounts × 4 regions', () => {
  it('answers within 20 KB (target 18 KB), naming at most 5 scopes and counting the rest', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: TWENTY_SCOPES });
    const sizes: Record<string, number> = {};
    for (const tool of plugin.tools) {
      const out = await invokeOk<{ byScope?: unknown[]; otherScopes?: { scopes: number } }>(
        host,
        tool.name,
        DEFAULT_INPUTS[tool.name] ?? {},
      );
      sizes[tool.name] = answerBytes(out);
      if (out.byScope) {
        expect(out.byScope.length).toBeLessThanOrEqual(5);
        expect(out.byScope.length + (out.otherScopes?.scopes ?? 0)).toBe(20);
      }
    }
    console.info(`cost tools at 20 scopes × 2,500 desktops (bytes as sent): ${JSON.stringify(sizes)}`);
    for (const [name, bytes] of Object.entries(sizes)) {
      expect(bytes, name).toBeLessThanOrEqual(ANSWER_BUDGET);
      expect(bytes, name).toBeLessThanOrEqual(TARGET_BYTES);
    }
  }, 3_600_000);
});
