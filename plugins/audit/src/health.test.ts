import { describe, expect, it } from 'vitest';
import { alarmsSection, inventorySection, quotasSection, securitySection, unusedSection } from './health.js';
import { headlineSentence, renderMarkdown } from './health-markdown.js';

describe('health report sections', () => {
  it('reads other tools’ results by field name and tolerates missing or odd fields', () => {
    expect(
      inventorySection({ services: [{ service: 'X', byState: { A: 'two', B: 3 } }, 'junk'] }, 5),
    ).toEqual({
      totalResources: 0,
      complete: false,
      services: [{ service: 'X', resourceType: '', total: 0, topStates: '3 B' }],
    });
    expect(securitySection({}, 5)).toEqual({ critical: 0, warning: 0, info: 0, top: [], notAudited: [] });
  });

  it('keeps scaling alarms out of the firing list and cuts every list to top', () => {
    const alarms = Array.from({ length: 9 }, (_, i) => ({
      name: `a${i}`,
      autoscaling: i % 2 === 0,
      service: 's',
      region: 'r',
    }));
    const section = alarmsSection({ counts: { incidents: 4, autoscaling: 5 }, alarms }, 3);
    expect(section.top.map((a) => a.name)).toEqual(['a1', 'a3', 'a5']);
    expect(section.incidents).toBe(4);
  });

  it('adds the unused desktops of every region, never-connected included', () => {
    const section = unusedSection(
      [
        {
          region: 'us-east-1',
          counts: { unused: 3, neverConnected: 1, otherServices: 2 },
          items: [{ id: 'ws-1', service: 'P', reason: 'r' }],
        },
        { region: 'eu-west-1', counts: { unused: 2, neverConnected: 0, otherServices: 0 }, items: [] },
      ],
      5,
    );
    expect(section).toMatchObject({ unusedDesktops: 6, neverConnected: 1, otherServices: 2 });
    expect(section.top).toEqual([{ id: 'ws-1', service: 'P', region: 'us-east-1', reason: 'r' }]);
  });

  it('writes Markdown that names what is missing and marks non-adjustable quotas', () => {
    const parts = {
      generatedAt: '2026-11-16T12:00:00.000Z',
      scopes: 'us-east-1',
      sections: [
        { name: 'quotas', tool: 'get_euc_service_quotas', status: 'ok' as const },
        {
          name: 'cost',
          tool: 'get_euc_cost_summary',
          status: 'unavailable' as const,
          message: 'not registered',
        },
      ],
      quotas: quotasSection(
        {
          counts: { approaching: 1, nonAdjustableApproaching: 1 },
          findings: [
            {
              quotaName: 'Directories',
              region: 'us-east-1',
              utilizationPct: 96,
              usage: 48,
              limit: 50,
              adjustable: false,
            },
          ],
        },
        5,
      ),
    };
    const markdown = renderMarkdown(parts);
    expect(markdown).toContain('| Directories | us-east-1 | 48/50 (96 %) | **no** |');
    expect(markdown).toContain('- cost (`get_euc_cost_summary`): unavailable — not registered');
    expect(headlineSentence(parts)).toBe('1 quota near the limit. Not included: cost (see sections).');
  });
});
