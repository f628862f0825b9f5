import { definePlugin, defineTool, SERVICE_LABELS, type ToolContext } from '@workspaces-euc-mcp/host';
import { createTestHost } from '@workspaces-euc-mcp/testing';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { always, editedEstate, hourlyMetrics, onlyWhileRunning, workingHours } from '../__tests__/sim.js';
import { DEFAULT_PLAN, planScope } from '../plan/plan-scope.js';
import { readEstate } from '../shared/estate.js';

/**
 * Where in `value` an hourly series is held: an object with timestamps and values arrays, or an
 * array of Dates longer than a day (the points of 50,000 desktops are what made a report 600 MB).
 */
function seriesHeldIn(value: unknown, path = '$', seen = new Set<unknown>()): string[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  if (ArrayBuffer.isView(value) || value instanceof Date) return [];
  if (Array.isArray(value)) {
    if (value.filter((item) => item instanceof Date).length > 24) return [path];
    return value.flatMap((item, i) => seriesHeldIn(item, `${path}[${i}]`, seen));
  }
  if (value instanceof Map)
    return [...value.entries()].flatMap(([key, item]) =>
      seriesHeldIn(item, `${path}.get(${String(key)})`, seen),
    );
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.timestamps) && Array.isArray(record.values)) return [path];
  return Object.entries(record).flatMap(([key, item]) => seriesHeldIn(item, `${path}.${key}`, seen));
}

describe('hourly metric reads', () => {
  it("the cost plan's per-call memo keeps reductions (connected hours, peak stats, counts), never hourly series", async () => {
    const estate = editedEstate([
      { id: 'ws-office', mode: 'AUTO_STOP', computeType: 'POWER' },
      { id: 'ws-busy', mode: 'ALWAYS_ON', computeType: 'STANDARD' },
      { id: 'ws-never', mode: 'ALWAYS_ON', computeType: 'VALUE' },
    ]);
    const weekdays = workingHours([1, 2, 3, 4, 5], 9, 17);
    estate.metricOverride = hourlyMetrics({
      'ws-office': {
        UserConnected: onlyWhileRunning(weekdays),
        CPUUsage: always(30),
        MemoryUsage: always(40),
      },
      'ws-busy': { UserConnected: weekdays, CPUUsage: always(90), MemoryUsage: always(95) },
      'ws-never': {
        UserConnected: always(0),
        Available: always(1),
        CPUUsage: always(1),
        MemoryUsage: always(5),
      },
    });
    const memoised: { key: string; value: unknown }[] = [];
    const probe = definePlugin({
      name: 'test-memo-probe',
      version: '0.0.0',
      description: 'plans the estate and reports what the call memoised',
      tools: [
        defineTool({
          name: 'plan_and_probe',
          title: 'test',
          description: 'test',
          tier: 0,
          iam: [],
          input: Type.Object({}),
          output: Type.Object({ rows: Type.Integer() }),
          async run(input, ctx) {
            const spied: ToolContext = {
              ...ctx,
              memo: async (key, compute) => {
                const value = await ctx.memo(key, compute);
                memoised.push({ key, value });
                return value;
              },
            };
            const read = await readEstate(spied, input, SERVICE_LABELS.personal, (scope) =>
              planScope(spied, scope, DEFAULT_PLAN),
            );
            return { rows: read.answered.reduce((n, { value }) => n + value.rows.length, 0) };
          },
        }),
      ],
    });
    const host = await createTestHost({ plugins: [probe], estate });
    const result = await host.invoke('plan_and_probe', {});
    expect(result.ok && result.structured.rows).toBeGreaterThanOrEqual(3);
    const metricReads = memoised.filter(({ key }) => key.startsWith('cost:metric:'));
    // UserConnected (connected hours), CPU, memory and GPU (peak stats), Available and Stopped (counts).
    // Keys read `cost:metric:<scope>:<metric>:<reduction>:<window start>:...`.
    const readOf = (key: string) => /:([A-Za-z]+):([a-z-]+):\d{4}-/.exec(key)?.slice(1, 3).join(':');
    expect(new Set(metricReads.map(({ key }) => readOf(key)))).toEqual(
      new Set([
        'UserConnected:connected-hours',
        'CPUUsage:peak-stats',
        'MemoryUsage:peak-stats',
        'GPUUsage:peak-stats',
        'Available:datapoints',
        'Stopped:datapoints',
      ]),
    );
    const office = metricReads.find(({ key }) => key.includes(':UserConnected:'))?.value;
    expect(office instanceof Map && office.get('ws-office')).toMatchObject({
      ok: true,
      value: { datapoints: expect.any(Number), connected: expect.any(Uint8Array) },
    });
    expect(memoised.flatMap(({ key, value }) => seriesHeldIn(value, key))).toEqual([]);
  });
});
