import type { InventorySummary, ToolOutput } from '@workspaces-euc-mcp/host';
import cost from '@workspaces-euc-mcp/plugin-cost';
import personal from '@workspaces-euc-mcp/plugin-personal';
import { createTestHost, fakeClock, invokeOk } from '@workspaces-euc-mcp/testing';
import type { Static } from 'typebox';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { sharedEstate } from '../__tests__/estate.js';
import audit from '../index.js';
import type { generateEucHealthReport } from '../tools/generate-euc-health-report.js';
import { type InventoryContract, SECTION_NAMES, SECTIONS } from './contracts.js';

describe('the health report’s contracts', () => {
  it('asks nothing of the host’s inventory summary that its type does not promise', () => {
    expectTypeOf<InventorySummary>().toExtend<Static<typeof InventoryContract>>();
  });

  // The cost plugin exports only its plugin object (its tools' types stay inside it), so its
  // tools' real answers are checked at run time: a contract mismatch makes a section fail or be
  // partial, with a message.
  it('is met by the real answers of every tool it calls (cost and personal loaded, every section)', async () => {
    const host = await createTestHost({
      plugins: [audit, personal, cost],
      estate: sharedEstate(),
      hostTools: true,
      pacing: fakeClock(),
    });
    const report = await invokeOk<ToolOutput<typeof generateEucHealthReport>>(
      host,
      'generate_euc_health_report',
      {},
    );
    expect(report.sections.map((s) => [s.name, s.tool, s.status, s.message])).toEqual(
      SECTION_NAMES.map((name) => [name, SECTIONS[name].tool, 'ok', undefined]),
    );
  });
});
