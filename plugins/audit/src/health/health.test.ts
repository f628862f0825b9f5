import type { ToolOutput } from '@workspaces-euc-mcp/host';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { AlarmRow } from '../alarms/alarms.js';
import type { getEucActiveAlarms } from '../tools/get-euc-active-alarms.js';
import type { getEucServiceQuotas } from '../tools/get-euc-service-quotas.js';
import { InventoryContract, SECTIONS } from './contracts.js';
import { alarmsSection, inventorySection, quotasSection, unusedSection } from './health.js';
import { headlineSentence, renderMarkdown, scalingSentence } from './health-markdown.js';

/** get_euc_active_alarms' answer around the counts and rows a test cares about. */
function alarmsAnswer(
  alarms: AlarmRow[],
  counts: { incidents: number; autoscaling: number; scalingBlocked?: number },
): ToolOutput<typeof getEucActiveAlarms> {
  return {
    summary: '',
    scopes: [{ region: 'r' }],
    counts: { accountAlarmsInAlarm: alarms.length, eucInAlarm: alarms.length, composite: 0, ...counts },
    byService: {},
    alarms,
    alarmsTotal: alarms.length,
    offset: 0,
    errors: [],
    notes: [],
  };
}

/** get_euc_service_quotas' answer around its rows. */
function quotasAnswer(
  quotas: ToolOutput<typeof getEucServiceQuotas>['quotas'],
): ToolOutput<typeof getEucServiceQuotas> {
  const approaching = quotas.filter((q) => q.severity);
  return {
    summary: '',
    approachingPct: 80,
    scopes: [{ region: 'us-east-1' }],
    counts: {
      quotas: 10,
      withUsage: 5,
      approaching: approaching.length,
      atOrOverLimit: approaching.filter((q) => q.severity === 'critical').length,
      nonAdjustableApproaching: approaching.filter((q) => !q.adjustable).length,
      noUsageMetric: 5,
      hiddenZeroLimit: 0,
    },
    quotas,
    quotasTotal: 10,
    offset: 0,
    errors: [],
    notes: [],
  };
}

describe('health report sections', () => {
  it('reads answers through their contracts: an odd answer is refused, not read as zeros', () => {
    expect(
      Value.Check(InventoryContract, { services: [{ service: 'X', byState: { A: 'two', B: 3 } }, 'junk'] }),
    ).toBe(false);
    expect(Value.Check(SECTIONS.security.contract, {})).toBe(false);
    const section = inventorySection(
      {
        totalResources: 9,
        complete: true,
        services: [
          { service: 'X', resourceType: 'Desktop', total: 9, byState: { A: 2, B: 3, C: 1, D: 1, E: 2 } },
        ],
      },
      5,
    );
    expect(section).toEqual({
      totalResources: 9,
      complete: true,
      services: [{ service: 'X', resourceType: 'Desktop', total: 9, topStates: '3 B, 2 A, 2 E, 1 C' }],
    });
  });

  it('names every problem state with its count, even outside the top 3 by count', () => {
    const section = inventorySection(
      {
        totalResources: 1_211,
        complete: true,
        services: [
          {
            service: 'WorkSpaces Personal',
            resourceType: 'WorkSpace',
            total: 1_211,
            byState: {
              AVAILABLE: 900,
              STOPPED: 250,
              PENDING: 40,
              ERROR: 5,
              UNHEALTHY: 3,
              SUSPENDED: 2,
              IMPAIRED: 11,
            },
          },
        ],
      },
      3,
    );
    const [desktops] = section.services;
    expect(desktops?.problems).toEqual({ IMPAIRED: 11, ERROR: 5, UNHEALTHY: 3, SUSPENDED: 2 });
    for (const named of [
      '900 AVAILABLE',
      '250 STOPPED',
      '40 PENDING',
      '11 IMPAIRED',
      '5 ERROR',
      '3 UNHEALTHY',
      '2 SUSPENDED',
    ])
      expect(desktops?.topStates).toContain(named);
    const markdown = renderMarkdown({ generatedAt: 't', scopes: 'r', sections: [], inventory: section });
    expect(markdown).toContain('5 ERROR');
  });

  it('keeps scaling alarms out of the firing list and cuts every list to top', () => {
    const alarms = Array.from(
      { length: 9 },
      (_, i): AlarmRow => ({
        name: `a${i}`,
        autoscaling: i % 2 === 0,
        service: 's',
        region: 'r',
        type: 'metric',
        dimensions: {},
        actionsEnabled: true,
      }),
    );
    const section = alarmsSection(alarmsAnswer(alarms, { incidents: 4, autoscaling: 5 }), 3);
    expect(section.top.map((a) => a.name)).toEqual(['a1', 'a3', 'a5']);
    expect(section.incidents).toBe(4);
  });

  it('counts in the report read as a person writes them: 1 quota, 2 quotas', () => {
    const one = renderMarkdown({
      generatedAt: 't',
      scopes: 'r',
      sections: [],
      quotas: { approaching: 1, nonAdjustable: 0, top: [] },
    });
    expect(one).toContain('1 quota near its limit');
    const two = renderMarkdown({
      generatedAt: 't',
      scopes: 'r',
      sections: [],
      quotas: { approaching: 2, nonAdjustable: 1, top: [] },
    });
    expect(two).toContain('2 quotas near their limit');
  });

  it('never calls scaling normal while the fleet cannot get capacity', () => {
    expect(scalingSentence(4, 5, 0)).toBe('4 incidents; 5 scaling alarms in ALARM (scaling at work).');
    const blocked = scalingSentence(1, 3, 2);
    expect(blocked).toContain('1 scaling alarm in ALARM (scaling at work)');
    expect(blocked).toContain('2 scaling alarms on fleets that cannot get capacity');
    expect(blocked).not.toContain('normal');
    const section = alarmsSection(alarmsAnswer([], { incidents: 1, autoscaling: 3, scalingBlocked: 2 }), 3);
    expect(section.scalingBlocked).toBe(2);
  });

  it('counts the unused desktops, never-connected included, and names where each listed one is', () => {
    const section = unusedSection(
      {
        counts: { unused: 5, neverConnected: 1, otherServices: 2 },
        items: [
          { id: 'ws-1', service: 'P', reason: 'r', region: 'us-east-1', monthlyCostUsd: 78 },
          { id: 'ws-2', service: 'P', reason: 'r', account: '444455556666', region: 'eu-west-1' },
        ],
        totalMonthlySavingUsd: 97.68,
      },
      5,
    );
    expect(section).toMatchObject({
      unusedDesktops: 6,
      neverConnected: 1,
      otherServices: 2,
      monthlyCostUsd: 97.68,
    });
    expect(section.top).toEqual([
      { id: 'ws-1', service: 'P', region: 'us-east-1', reason: 'r', monthlyCostUsd: 78 },
      { id: 'ws-2', service: 'P', account: '444455556666', region: 'eu-west-1', reason: 'r' },
    ]);
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
        quotasAnswer([
          {
            severity: 'critical',
            region: 'us-east-1',
            serviceCode: 'workspaces',
            quotaCode: 'L-EEB759DE',
            quotaName: 'Directories',
            utilizationPct: 96,
            usage: 48,
            limit: 50,
            adjustable: false,
          },
          {
            region: 'us-east-1',
            serviceCode: 'workspaces',
            quotaCode: 'L-1',
            quotaName: 'Bundles',
            utilizationPct: 10,
            usage: 5,
            limit: 50,
            adjustable: true,
          },
        ]),
        5,
      ),
    };
    const markdown = renderMarkdown(parts);
    expect(markdown).toContain('| Directories | us-east-1 | 48/50 (96 %) | **no** |');
    expect(markdown).not.toContain('Bundles');
    expect(markdown).toContain('- cost (`get_euc_cost_summary`): unavailable — not registered');
    expect(headlineSentence(parts)).toBe('1 quota near the limit. Not included: cost (see sections).');
  });
});
