import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { assembleHost } from '../src/assemble.js';
import { definePlugin, defineTool } from '../src/plugin-api/define.js';
import type { Plugin, ToolContext } from '../src/plugin-api/types.js';
import { FAKE_CREDENTIALS } from './fixtures/fake-aws.js';

// The host-owned pieces of the plugin kit, seen from a plugin: options, cache, rate limits,
// service names, instructions and typed composition. No AWS request is sent by any tool here.

const Empty = Type.Object({}, { additionalProperties: false });

/** A plugin whose one tool runs `body` with the tool context. */
function probePlugin(
  body: (ctx: ToolContext, input: Record<string, unknown>) => Promise<Record<string, unknown>>,
  extra: Partial<Plugin> = {},
  input: ReturnType<typeof Type.Object> = Type.Object({ key: Type.Optional(Type.String()) }),
): Plugin {
  return definePlugin({
    name: 'kit-probe',
    version: '1.0.0',
    description: 'Probes the plugin kit.',
    tools: [
      defineTool({
        name: 'probe_kit',
        title: 'Probe',
        description: 'Probes the kit.',
        tier: 0,
        iam: [],
        input,
        output: Type.Object({ summary: Type.String() }, { additionalProperties: true }),
        run: async (given, ctx) => ({ summary: 'ok', ...(await body(ctx, given)) }),
      }),
    ],
    ...extra,
  });
}

async function hostOf(
  plugins: Plugin[],
  options: { now?: Date; pluginOptions?: Record<string, Record<string, unknown>> } = {},
) {
  return assembleHost({
    plugins,
    aws: { credentials: FAKE_CREDENTIALS, targets: [{ account: '111122223333', regions: ['us-east-1'] }] },
    ...(options.now ? { now: options.now } : {}),
    ...(options.pluginOptions ? { pluginOptions: options.pluginOptions } : {}),
  });
}

describe('plugin options', () => {
  const withOptions = (body: (ctx: ToolContext) => Promise<Record<string, unknown>>) =>
    probePlugin(body, {
      options: Type.Object(
        { lookbackDays: Type.Integer({ minimum: 1, maximum: 90, default: 14 }) },
        { additionalProperties: false },
      ),
    });

  it('are validated at load, naming the plugin and the field', async () => {
    await expect(
      hostOf([withOptions(async () => ({}))], { pluginOptions: { 'kit-probe': { lookbackDays: 400 } } }),
    ).rejects.toThrow(/kit-probe.*\n.*\/lookbackDays/);
  });

  it('reach the tool with their defaults applied', async () => {
    const host = await hostOf([withOptions(async (ctx) => ({ options: ctx.pluginOptions }))]);
    const result = await host.invoke('probe_kit', {});
    expect(result.ok && result.structured.options).toEqual({ lookbackDays: 14 });
    host.close();
  });

  it('are refused for a plugin that declares none', async () => {
    await expect(
      hostOf([probePlugin(async () => ({}))], { pluginOptions: { 'kit-probe': { verbose: true } } }),
    ).rejects.toThrow('Plugin kit-probe takes no options, but the config gives it "verbose"');
  });
});

describe('ctx.cache', () => {
  it('keeps a value across calls until its TTL passes on the tool clock, per account and region', async () => {
    const clock = new Date('2026-12-01T00:00:00Z');
    let computed = 0;
    const host = await hostOf(
      [
        probePlugin(async (ctx, input) => {
          const region = typeof input.key === 'string' ? input.key : 'us-east-1';
          const read = await ctx.cache.get(
            'answer',
            { ttlMs: 60_000, scope: { region } },
            async () => ++computed,
          );
          return { value: read.value, fetched: read.fetched, ageMs: read.ageMs };
        }),
      ],
      { now: clock },
    );
    const call = async (key?: string) => {
      const result = await host.invoke('probe_kit', key ? { key } : {});
      if (!result.ok) throw new Error(result.text);
      return result.structured;
    };
    expect(await call()).toMatchObject({ value: 1, fetched: true, ageMs: 0 });
    expect(await call()).toMatchObject({ value: 1, fetched: false });
    expect(await call('eu-west-1')).toMatchObject({ value: 2, fetched: true });
    host.close();
  });

  it('expires entries by the tool clock and never keeps a failure', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    let attempts = 0;
    const plugin = probePlugin(async (ctx) => {
      const read = await ctx.cache.get('flaky', { ttlMs: 1_000 }, async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('first attempt fails');
        return attempts;
      });
      return { value: read.value, ageMs: read.ageMs };
    });
    const host = await assembleHost({
      plugins: [plugin],
      aws: { credentials: FAKE_CREDENTIALS },
      now: () => new Date(now),
    });
    const value = async () => {
      const result = await host.invoke('probe_kit', {});
      return result.ok ? result.structured : { failed: result.text };
    };
    expect(await value()).toMatchObject({ failed: expect.stringContaining('first attempt fails') });
    expect(await value()).toEqual({ summary: 'ok', value: 2, ageMs: 0 });
    now += 600;
    expect(await value()).toEqual({ summary: 'ok', value: 2, ageMs: 600 });
    now += 600;
    expect(await value()).toEqual({ summary: 'ok', value: 3, ageMs: 0 });
    host.close();
  });
});

describe('ctx.rateLimit', () => {
  it('is one limiter per name for every host of the process, spacing requests per account and region', async () => {
    const sentAt: number[] = [];
    const plugin = probePlugin(async (ctx) => {
      await ctx.rateLimit('kit-probe:Slow', { intervalMs: 50 }).acquire({ region: 'us-east-1' });
      sentAt.push(Date.now());
      return {};
    });
    const [first, second] = [await hostOf([plugin]), await hostOf([plugin])];
    await Promise.all([
      first.invoke('probe_kit', {}),
      second.invoke('probe_kit', {}),
      first.invoke('probe_kit', {}),
    ]);
    const gaps = sentAt.slice(1).map((at, i) => at - (sentAt[i] ?? at));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(45);
    first.close();
    second.close();
  });
});

describe('service names and instructions', () => {
  it('match legacy names through the aliases plugins contribute', async () => {
    const host = await hostOf([
      probePlugin(
        async (ctx, input) => ({
          matches: ctx.matchesService([String(input.key)], 'WorkSpaces Applications'),
        }),
        { aliases: { appstream: 'WorkSpaces Applications' } },
      ),
    ]);
    const matches = async (key: string) => {
      const result = await host.invoke('probe_kit', { key });
      return result.ok && result.structured.matches;
    };
    expect(await matches('AppStream')).toBe(true);
    expect(await matches('applications')).toBe(true);
    expect(await matches('Secure Browser')).toBe(false);
    expect(host.instructions).toEqual([]);
    host.close();
  });

  it("gathers every plugin's instructions for the MCP server", async () => {
    const host = await hostOf([
      probePlugin(async () => ({}), { instructions: 'Probe desktops are imaginary.' }),
    ]);
    expect(host.instructions).toEqual(['Probe desktops are imaginary.']);
    host.close();
  });
});

describe('ctx.callTool with an expected output', () => {
  const answering = defineTool({
    name: 'answer_kit',
    title: 'Answer',
    description: 'Answers.',
    tier: 0,
    iam: [],
    input: Empty,
    output: Type.Object({ summary: Type.String(), total: Type.Integer() }),
    run: async () => ({ summary: 'two', total: 2 }),
  });

  it("types the answer by the reader's contract, and refuses one that does not match it", async () => {
    const reader = probePlugin(async (ctx) => {
      const good = await ctx.callTool('answer_kit', {}, Type.Object({ total: Type.Integer() }));
      const bad = await ctx.callTool('answer_kit', {}, Type.Object({ totalUsd: Type.Number() }));
      return {
        total: good.ok ? good.result.total : -1,
        bad: bad.ok ? 'read' : `${bad.reason}: ${bad.message}`,
      };
    });
    const host = await hostOf([{ ...reader, tools: [...reader.tools, answering] }]);
    const result = await host.invoke('probe_kit', {});
    expect(result.ok && result.structured.total).toBe(2);
    expect(result.ok && result.structured.bad).toMatch(
      /^contract: answer_kit answered in a shape probe_kit does not read[\s\S]*\/totalUsd/,
    );
    host.close();
  });
});
