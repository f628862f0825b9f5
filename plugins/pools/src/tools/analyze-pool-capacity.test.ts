import { definePlugin, defineTool, type ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  type Estate,
  generateEstate,
  invokeOk,
} from '@workspaces-euc-mcp/testing';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { POOL, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import type { analyzePoolCapacity } from './analyze-pool-capacity.js';

type Capacity = ToolOutput<typeof analyzePoolCapacity>;
const TOOL = 'analyze_pool_capacity';

/**
 * A stand-in for the cost plugin's get_euc_service_prices with round rates: $1.00/h streaming
 * (licence included), $0.05/h stopped instance, whatever the region and compute type.
 */
const fakePrices = definePlugin({
  name: 'test-prices',
  version: '0.0.0',
  description: 'fixed prices',
  tools: [
    defineTool({
      name: 'get_euc_service_prices',
      title: 'prices',
      description: 'test',
      tier: 0,
      iam: [],
      input: Type.Object({}, { additionalProperties: true }),
      output: Type.Object({}, { additionalProperties: true }),
      async run() {
        return {
          rates: [
            {
              item: 'Power-2 streaming, licence Bring Your Own License',
              unit: 'Hrs',
              usd: 0.8,
              attributes: { license: 'Bring Your Own License' },
            },
            {
              item: 'Power-2 streaming, licence Included',
              unit: 'Hrs',
              usd: 1,
              attributes: { license: 'Included' },
            },
            { item: 'Stopped instance (provisioned, idle)', unit: 'Hrs', usd: 0.05, attributes: {} },
          ],
        };
      },
    }),
  ],
});

function poolOf(e: Estate, role: string) {
  const found = e.pools.pools.find((p) => p.role === role);
  if (!found?.pool.PoolId) throw new Error(`no ${role} pool`);
  return found;
}

describe('analyze_pool_capacity', () => {
  it('the full pool is raised, the idle one lowered to 0; without the price tool the basis is instance-hours', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Capacity>(host, TOOL, {});
    const row = (id: string) => result.rows.find((r) => r.poolId === id);
    // Peak 20 of 20 with 61 rejections in 14 days: 20 × 1.2 = 24.
    expect(row(POOL.callCentre)).toMatchObject({
      verdict: 'under',
      desired: 20,
      activePeak: 20,
      recommended: 24,
      instanceHoursPerMonth: 4 * 730,
    });
    expect(row(POOL.financeIdle)).toMatchObject({
      verdict: 'over',
      recommended: 0,
      instanceHoursPerMonth: -40 * 730,
    });
    expect(row(POOL.subnetShort)?.verdict).toBe('no-data');
    expect(row(POOL.stopped)?.verdict).toBe('not-running');
    // Biggest change first.
    expect(result.rows[0]?.poolId).toBe(POOL.financeIdle);
    expect(result.monthlyUsd).toEqual({ savings: 0, added: 0, unpriced: 2 });
    expect(result.notes.join(' ')).toContain('get_euc_service_prices (cost plugin, tier 1)');
    expect(result.notes[0]).toContain('2027-12-31');
  });

  it('prices each change at the pool’s compute type through get_euc_service_prices', async () => {
    const e = generateEstate({ seed: 42, desktops: 300 });
    const busy = poolOf(e, 'exhausted');
    const idle = poolOf(e, 'idle');
    const host = await createTestHost({ plugins: [plugin, fakePrices], estate: e });
    const result = await invokeOk<Capacity>(host, TOOL, {});
    const row = (id: string | undefined) => result.rows.find((r) => r.poolId === id);
    const idleDesired = idle.pool.CapacityStatus?.DesiredUserSessions ?? 0;
    // ALWAYS_ON: every session less saves 730 h × $1.00.
    expect(row(idle.pool.PoolId)).toMatchObject({
      verdict: 'over',
      recommended: 0,
      monthlyUsd: -idleDesired * 730,
    });
    const busyRow = row(busy.pool.PoolId);
    expect(busyRow?.verdict).toBe('under');
    const rate = busy.pool.RunningMode === 'ALWAYS_ON' ? 1 : 0.05;
    expect(busyRow?.monthlyUsd).toBe(Math.round((busyRow?.instanceHoursPerMonth ?? 0) * rate * 100) / 100);
    expect(result.monthlyUsd?.unpriced).toBe(0);
    expect(result.summary).toContain(`save $${idleDesired * 730}/month`);
    // One bundle read per region with a change, never per pool.
    const bundleReads = host.requests.filter((r) => r.action === 'workspaces:DescribeWorkspaceBundles');
    expect(bundleReads.length).toBeLessThanOrEqual(2);
  });

  it('a region whose metrics fail is an error; the other regions are still sized', async () => {
    const e = generateEstate({ seed: 42, desktops: 300 });
    const host = await createTestHost({
      plugins: [plugin],
      estate: e,
      simulator: { faults: [{ service: 'cloudwatch', region: 'eu-west-1', code: 'AccessDeniedException' }] },
    });
    const result = await invokeOk<Capacity>(host, TOOL, {});
    expect(result.rows.every((r) => r.region === 'us-east-1')).toBe(true);
    expect(result.rows.find((r) => r.poolId === poolOf(e, 'exhausted').pool.PoolId)?.verdict).toBe('under');
    expect(result.errors).toEqual([
      expect.objectContaining({
        service: 'Amazon CloudWatch',
        region: 'eu-west-1',
        code: 'AccessDeniedException',
      }),
    ]);
  });

  it('one pool by name', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Capacity>(host, TOOL, { pool: 'finance-idle', lookbackDays: 7 });
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ poolId: POOL.financeIdle, verdict: 'over' });
    expect(result.rows[0]?.reason).toContain('no session in 7 day(s)');
  });

  it('stays within the answer budget at 10,000 desktops, with a cursor for the rest', async () => {
    const big = generateEstate({ seed: 7, desktops: 10_000 });
    const host = await createTestHost({ plugins: [plugin, fakePrices], estate: big });
    const result = await invokeOk<Capacity>(host, TOOL, {});
    const judged = Object.values(result.byVerdict).reduce((a, b) => a + (b ?? 0), 0);
    expect(judged).toBe(big.pools.pools.length);
    expect(result.rows).toHaveLength(15);
    expect(result.nextCursor).toBeDefined();
    expect(answerBytes(result)).toBeLessThanOrEqual(ANSWER_BUDGET);
    const next = await invokeOk<Capacity>(host, TOOL, { cursor: result.nextCursor });
    expect(next.rows[0]?.poolId).not.toBe(result.rows[0]?.poolId);
    expect(next.summary).toContain('Showing 16–30');
    // Changes (biggest $ first) lead the page.
    expect(Math.abs(result.rows[0]?.monthlyUsd ?? 0)).toBeGreaterThanOrEqual(
      Math.abs(result.rows[1]?.monthlyUsd ?? 0),
    );
  }, 120_000);
});
