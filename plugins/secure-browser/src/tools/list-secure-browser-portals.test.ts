import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
  TOOL_SCHEMA_BUDGET,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { portalEstate, portalOf } from '../__tests__/estate.js';
import plugin from '../index.js';
import { listSecureBrowserPortals } from './list-secure-browser-portals.js';

type Listed = ToolOutput<typeof listSecureBrowserPortals>;
const TOOL = 'list_secure_browser_portals';

describe('list_secure_browser_portals', () => {
  it('lists every portal with status, auth type and the settings associated, and counts the missing controls', async () => {
    const estate = portalEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Listed>(host, TOOL);
    expect(result.total).toBe(6);
    expect(result.byStatus).toEqual({ Active: 4, Incomplete: 1, Pending: 1 });
    const row = (profile: Parameters<typeof portalOf>[1]) =>
      result.rows.find((r) => r.portalId === portalOf(estate, profile).portalId);
    expect(row('well-configured')?.settings).toEqual(
      expect.arrayContaining(['user', 'network', 'ipAccess', 'dataProtection', 'browser', 'accessLogging']),
    );
    expect(row('risky')).toMatchObject({ status: 'Active', settings: ['user', 'browser'] });
    expect(row('incomplete')?.status).toBe('Incomplete');
    // The risky portal lacks all three controls; every Active portal is counted once per control.
    expect(result.activeWithout.ipAccess).toBeGreaterThanOrEqual(1);
    expect(result.activeWithout.accessLogging).toBeGreaterThanOrEqual(1);
    expect(result.summary).toContain('6 Amazon WorkSpaces Secure Browser portal(s)');
    expect(host.simulator.countsByAction()).toEqual({ 'workspaces-web:ListPortals': 1 });
  });

  it('a region that cannot be read is reported in errors while the other answers', async () => {
    const estate = generateEstate({ seed: 5, desktops: 10, fleets: 0, portals: 6 });
    const inUsEast = estate.secureBrowser.portals.filter((p) => p.region === 'us-east-1').length;
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [
          {
            service: 'workspaces-web',
            operation: 'ListPortals',
            region: 'eu-west-1',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await invokeOk<Listed>(host, TOOL);
    expect(result.total).toBe(inUsEast);
    expect(result.rows.every((r) => r.region === 'us-east-1')).toBe(true);
    expect(result.errors).toEqual([
      expect.objectContaining({
        service: 'WorkSpaces Secure Browser',
        region: 'eu-west-1',
        code: 'AccessDeniedException',
        iamAction: 'workspaces-web:ListPortals',
      }),
    ]);
    expect(result.summary).toContain('Partial');
    const narrowed = await invokeOk<Listed>(host, TOOL, { regions: ['us-east-1'] });
    expect(narrowed).toMatchObject({ total: inUsEast, errors: [] });
  });

  it('at 200 portals the answer is one page of 25 within budget, and the cursor walks the rest', async () => {
    expect(toolSchemaBytes(listSecureBrowserPortals)).toBeLessThanOrEqual(TOOL_SCHEMA_BUDGET);
    const estate = generateEstate({ seed: 7, desktops: 50, fleets: 0, portals: 200 });
    const host = await createTestHost({ plugins: [plugin], estate });
    const first = await invokeOk<Listed>(host, TOOL);
    expect(first.total).toBe(200);
    expect(first.rows).toHaveLength(25);
    expect(answerBytes(first)).toBeLessThanOrEqual(ANSWER_BUDGET);
    const seen = new Set(first.rows.map((r) => r.portalId));
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await invokeOk<Listed>(host, TOOL, { cursor });
      for (const r of next.rows) seen.add(r.portalId);
      cursor = next.nextCursor;
    }
    expect(seen.size).toBe(200);
    // A larger page is still there for an assistant that asks for it.
    expect((await invokeOk<Listed>(host, TOOL, { limit: 50 })).rows).toHaveLength(50);
  });
});
