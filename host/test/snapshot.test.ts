import {
  paginateDescribeWorkspaces,
  StopWorkspacesCommand,
  WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import Type from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleHost } from '../src/assemble.js';
import { listOnce, mapBoundedAll } from '../src/aws/helpers.js';
import { ScopeInput, selectScopes } from '../src/kit/scope.js';
import { createMcpServerFactory, DATA_AGE_META_KEY } from '../src/mcp/server.js';
import { definePlugin, defineTool, defineWriteTool } from '../src/plugin-api/define.js';
import type { ToolContext } from '../src/plugin-api/types.js';
import { awsError, FAKE_CREDENTIALS, type FakeHandler, fakeAws } from './fixtures/fake-aws.js';
import { connectClient } from './fixtures/mcp-client.js';

// The estate snapshot seen from tools: list scans through `listOnce` are kept across calls for the
// TTL by the tool clock, `fresh: true` and writes rescan, a write drops what it may have changed,
// and an answer built on kept data says how old it is.

const START = Date.parse('2026-11-01T09:00:00Z');

/** A mutable fake estate: desktop states by id, as DescribeWorkspaces answers them. */
function estate() {
  const states = new Map([
    ['ws-aaaaaaaa01', 'AVAILABLE'],
    ['ws-aaaaaaaa02', 'AVAILABLE'],
  ]);
  let failNext = false;
  const handler: FakeHandler = (request) => {
    if (request.operation === 'DescribeWorkspaces') {
      if (failNext) {
        failNext = false;
        throw awsError('AccessDeniedException', 'not yet', 403);
      }
      return { Workspaces: [...states].map(([WorkspaceId, State]) => ({ WorkspaceId, State })) };
    }
    if (request.operation === 'StopWorkspaces') {
      for (const r of request.input.StopWorkspaceRequests as { WorkspaceId: string }[])
        states.set(r.WorkspaceId, 'STOPPED');
      return { FailedRequests: [] };
    }
    throw awsError('UnknownOperation', request.operation);
  };
  return { states, handler, failOnce: () => (failNext = true) };
}

function desktops(ctx: ToolContext, region: string, account?: string) {
  const client = ctx.aws.client(WorkSpacesClient, { region, ...(account ? { account } : {}) });
  return listOnce(ctx, {
    action: 'workspaces:DescribeWorkspaces',
    where: { region, ...(account ? { account } : {}) },
    input: {},
    pages: () => paginateDescribeWorkspaces({ client }, {}),
    items: (page) => page.Workspaces,
  });
}

const Output = Type.Object({ summary: Type.String(), available: Type.Integer() });

const snapshotPlugin = definePlugin({
  name: 'snapshot-probe',
  version: '1.0.0',
  description: 'Reads the estate through listOnce.',
  tools: [
    defineTool({
      name: 'count_available',
      title: 'Count available',
      description: 'Counts AVAILABLE desktops.',
      tier: 0,
      iam: ['workspaces:DescribeWorkspaces'],
      input: Type.Object({ ...ScopeInput }, { additionalProperties: false }),
      output: Output,
      async run(input, ctx) {
        const scopes = selectScopes(ctx.aws, input);
        const lists = await mapBoundedAll(scopes, ctx.limits.concurrency, (s) =>
          desktops(ctx, s.region, s.account),
        );
        const available = lists.flat().filter((w) => w.State === 'AVAILABLE').length;
        return { summary: `${available} available.`, available };
      },
    }),
    defineTool({
      name: 'count_available_twice',
      title: 'Count twice',
      description: 'Reads the list itself, then through count_available.',
      tier: 0,
      iam: ['workspaces:DescribeWorkspaces'],
      input: Type.Object({ ...ScopeInput }, { additionalProperties: false }),
      output: Output,
      async run(_input, ctx) {
        const own = await desktops(ctx, 'us-east-1');
        const nested = await ctx.callTool('count_available', {}, Output);
        if (!nested.ok) throw new Error(nested.message);
        const available = own.filter((w) => w.State === 'AVAILABLE').length;
        return { summary: `${available}/${nested.result.available} available.`, available };
      },
    }),
    defineWriteTool({
      name: 'stop_available',
      title: 'Stop available',
      description: 'Stops every AVAILABLE desktop.',
      tier: 2,
      iam: ['workspaces:DescribeWorkspaces', 'workspaces:StopWorkspaces'],
      input: Type.Object({}, { additionalProperties: false }),
      async plan(_input, ctx) {
        const all = await desktops(ctx, 'us-east-1');
        return {
          targets: all.map((w) => ({
            id: w.WorkspaceId ?? '',
            action: 'stop',
            current: w.State ?? 'UNKNOWN',
            ...(w.State === 'AVAILABLE' ? {} : { skip: `already ${w.State}` }),
          })),
        };
      },
      async apply(targets, _input, ctx) {
        await ctx.aws
          .client(WorkSpacesClient, { region: 'us-east-1' })
          .send(
            new StopWorkspacesCommand({ StopWorkspaceRequests: targets.map((t) => ({ WorkspaceId: t.id })) }),
          );
        return targets.map((t) => ({ id: t.id, ok: true }));
      },
    }),
  ],
});

let close: (() => void) | undefined;
afterEach(() => close?.());

async function snapshotHost(options: { ttlSeconds?: number } = {}) {
  const fake = estate();
  const aws = fakeAws(fake.handler);
  let at = START;
  const host = await assembleHost({
    plugins: [snapshotPlugin],
    enableWrites: true,
    plans: { key: 'snapshot-test-plan-key-0123456789abcdef' },
    now: () => new Date(at),
    ...(options.ttlSeconds !== undefined ? { snapshot: { ttlSeconds: options.ttlSeconds } } : {}),
    aws: {
      credentials: FAKE_CREDENTIALS,
      clientHook: aws.clientHook,
      retryStrategy: new ConfiguredRetryStrategy(1, () => 0),
      maxAttempts: 1,
      targets: [{ account: '111122223333', regions: ['us-east-1'] }],
    },
  });
  close = host.close;
  const scans = () => aws.requests.filter((r) => r.operation === 'DescribeWorkspaces').length;
  return { host, fake, scans, advance: (seconds: number) => (at += seconds * 1000) };
}

async function available(host: Awaited<ReturnType<typeof snapshotHost>>['host'], input = {}) {
  const result = await host.invoke('count_available', input);
  if (!result.ok) throw new Error(result.text);
  return result;
}

describe('the estate snapshot behind listOnce', () => {
  it("a second call within the TTL answers from the first call's scan, saying how old it is", async () => {
    const { host, scans, advance } = await snapshotHost();
    const first = await available(host);
    expect(first.dataAgeSeconds).toBeUndefined();
    expect(first.text).not.toContain('Estate data from');
    advance(240);
    const second = await available(host);
    expect(scans()).toBe(1);
    expect(second.structured.available).toBe(2);
    expect(second.dataAgeSeconds).toBe(240);
    expect(second.text).toContain('Estate data from 4 min ago; pass fresh: true to rescan.');
  });

  it('scans again once the TTL has passed by the tool clock', async () => {
    const { host, scans, advance } = await snapshotHost({ ttlSeconds: 60 });
    await available(host);
    advance(60);
    const again = await available(host);
    expect(scans()).toBe(2);
    expect(again.dataAgeSeconds).toBeUndefined();
  });

  it('fresh: true rescans, and what it read is what the next call gets', async () => {
    const { host, fake, scans, advance } = await snapshotHost();
    await available(host);
    fake.states.set('ws-aaaaaaaa01', 'STOPPED'); // changed outside the server (the console)
    expect((await available(host)).structured.available).toBe(2); // still the kept scan
    const fresh = await available(host, { fresh: true });
    expect(fresh.structured.available).toBe(1);
    expect(fresh.dataAgeSeconds).toBeUndefined();
    advance(10);
    expect((await available(host)).structured.available).toBe(1);
    expect(scans()).toBe(2);
  });

  it('a fresh call scans once however often it and the tools it calls read the list', async () => {
    const { host, scans } = await snapshotHost();
    await available(host);
    const result = await host.invoke('count_available_twice', { fresh: true });
    expect(result.ok).toBe(true);
    expect(scans()).toBe(2);
    if (result.ok) expect(result.dataAgeSeconds).toBeUndefined();
  });

  it('a failed scan is not kept: the next call scans again and answers', async () => {
    const { host, fake, scans } = await snapshotHost();
    fake.failOnce();
    expect((await host.invoke('count_available', {})).ok).toBe(false);
    expect((await available(host)).structured.available).toBe(2);
    expect(scans()).toBe(2);
  });

  it('a write plans on a fresh scan and drops the kept scans of its services after applying', async () => {
    const { host, fake, scans } = await snapshotHost();
    await available(host);
    fake.states.set('ws-aaaaaaaa02', 'STOPPED');
    // The dry run sees the desktop stopped outside the server: it never plans on the kept scan.
    const plan = await host.invoke('stop_available', {});
    expect(plan.ok && plan.structured.targets).toEqual([
      expect.objectContaining({ id: 'ws-aaaaaaaa01', status: 'planned' }),
      expect.objectContaining({ id: 'ws-aaaaaaaa02', status: 'skipped', current: 'STOPPED' }),
    ]);
    expect(scans()).toBe(2);
    const planId = plan.ok ? plan.structured.planId : undefined;
    const applied = await host.invoke('stop_available', { confirm: true, planId });
    expect(applied.ok && applied.structured.status).toBe('applied');
    expect(applied.ok).toBe(true);
    expect(scans()).toBe(3);
    // The follow-up question sees the write, not the scan its plan made.
    const after = await available(host);
    expect(after.structured.available).toBe(0);
    expect(after.dataAgeSeconds).toBeUndefined();
    expect(scans()).toBe(4);
  });

  it('TTL 0 turns the snapshot off', async () => {
    const { host, scans } = await snapshotHost({ ttlSeconds: 0 });
    await available(host);
    const second = await available(host);
    expect(scans()).toBe(2);
    expect(second.dataAgeSeconds).toBeUndefined();
    expect(host.snapshotTtlSeconds).toBe(0);
  });

  it('over MCP, the data age is a _meta field beside the structured content, which stays as the schema says', async () => {
    const { host, advance } = await snapshotHost();
    const { factory } = createMcpServerFactory(host, { name: 'test', version: '0.0.0' });
    const client = await connectClient(factory, { era: 'legacy' });
    expect(client.getInstructions()).toContain('kept in an estate snapshot for 5 min');
    const first = await client.callTool({ name: 'count_available', arguments: {} });
    expect(first._meta).toBeUndefined();
    advance(90);
    const second = await client.callTool({ name: 'count_available', arguments: {} });
    expect(second._meta).toEqual({ [DATA_AGE_META_KEY]: 90 });
    expect(second.structuredContent).toEqual({ summary: '2 available.', available: 2 });
    expect(JSON.stringify(second.content)).toContain('Estate data from 2 min ago');
    await client.close();
  });
});
