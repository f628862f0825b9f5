import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleHost } from '../src/assemble.js';
import type { PlanKeySettings } from '../src/gates/plan-key.js';
import type { Host, InvocationResult } from '../src/host.js';
import { createMcpServerFactory } from '../src/mcp/server.js';
import { awsError, FAKE_CREDENTIALS, type FakeHandler, fakeAws } from './fixtures/fake-aws.js';
import { connectClient, type ProtocolEra } from './fixtures/mcp-client.js';
import { testPlugin } from './fixtures/test-plugin.js';

const ws = (id: string, state: string) => ({ WorkspaceId: id, State: state });
const ESTATE = [
  ws('ws-aaaaaaaa01', 'AVAILABLE'),
  ws('ws-aaaaaaaa02', 'AVAILABLE'),
  ws('ws-aaaaaaaa03', 'STOPPED'),
];

function estateHandler(overrides: Partial<Record<string, FakeHandler>> = {}): FakeHandler {
  return (request) => {
    const override = overrides[request.operation];
    if (override) return override(request);
    if (request.operation === 'DescribeWorkspaces') {
      const ids = request.input.WorkspaceIds as string[] | undefined;
      return { Workspaces: ids ? ESTATE.filter((w) => ids.includes(w.WorkspaceId)) : ESTATE };
    }
    if (request.operation === 'StopWorkspaces' || request.operation === 'TerminateWorkspaces')
      return { FailedRequests: [] };
    throw awsError('UnknownOperation', request.operation);
  };
}

// Retries that do not wait: the throttling tests count attempts, they need not sleep through backoff.
const NO_WAIT_RETRIES = new ConfiguredRetryStrategy(3, () => 0);

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** The tests' plan key: a given key, so no test reads or writes a key file unless it means to. */
const TEST_PLAN_KEY = 'host-test-plan-key-0123456789abcdef';
const START = Date.parse('2026-11-01T09:00:00Z');

/** A clock the test moves. */
function movableClock() {
  let at = START;
  return {
    now: () => new Date(at),
    advanceMinutes: (minutes: number) => {
      at += minutes * 60_000;
    },
  };
}

async function hostWith(
  handler: FakeHandler,
  options: {
    enableWrites?: boolean;
    enableDestructive?: boolean;
    maxBulkTargets?: number;
    now?: () => Date;
    plans?: PlanKeySettings;
  } = {},
) {
  const aws = fakeAws(handler);
  const host = await assembleHost({
    plugins: [testPlugin],
    enableWrites: options.enableWrites,
    enableDestructive: options.enableDestructive,
    limits: options.maxBulkTargets ? { maxBulkTargets: options.maxBulkTargets } : {},
    aws: { clientHook: aws.clientHook, credentials: FAKE_CREDENTIALS, retryStrategy: NO_WAIT_RETRIES },
    plans: options.plans ?? { key: TEST_PLAN_KEY },
    ...(options.now ? { now: options.now } : {}),
  });
  closers.push(host.close);
  return { host, requests: aws.requests };
}

/** A second host with writes on, as another process or replica would run. */
const assembledWith = (handler: FakeHandler, plans: PlanKeySettings) =>
  hostWith(handler, { enableWrites: true, enableDestructive: true, plans });

/** The planId of a dry run. */
async function planOf(host: Host, tool: string, input: Record<string, unknown>): Promise<string> {
  const result = await host.invoke(tool, input);
  const planId = result.ok ? result.structured.planId : undefined;
  if (typeof planId !== 'string') throw new Error(`${tool}: the dry run gave no planId: ${result.text}`);
  return planId;
}

/** A write confirmed as a user confirms it: the dry run, then the same input with its planId. */
async function confirmed(
  host: Host,
  tool: string,
  input: Record<string, unknown>,
): Promise<InvocationResult> {
  const planId = await planOf(host, tool, input);
  return host.invoke(tool, { ...input, confirm: true, planId });
}

const mutating = (requests: { operation: string }[]) =>
  requests.filter((r) => !r.operation.startsWith('Describe')).map((r) => r.operation);

describe('tool invocation', () => {
  it('validates input before the tool runs and names the bad field', async () => {
    const { host, requests } = await hostWith(estateHandler());
    const result = await host.invoke('list_test_workspaces', { region: 'mars-1', limit: 1000, extra: true });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('/region');
    expect(result.text).toContain('/limit');
    expect(result.text).toContain('/extra: is not a known field');
    expect(requests).toHaveLength(0);
  });

  it('returns structured output with a summary text and records the AWS calls', async () => {
    const { host } = await hostWith(estateHandler());
    const result = await host.invoke('list_test_workspaces', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.structured).toMatchObject({ count: 3 });
    expect(result.text.startsWith('3 desktops.')).toBe(true);
    expect(result.calls.countsByAction()).toEqual({ 'workspaces:DescribeWorkspaces': 1 });
  });

  it('an unregistered tool is unknown, with the reason it is not registered', async () => {
    const { host } = await hostWith(estateHandler());
    const result = await host.invoke('stop_test_workspaces', { workspaceIds: ['ws-aaaaaaaa01'] });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('tier 2 needs --enable-writes');
  });

  it('callTool reaches registered tools, shares one scan through memo, and reports unregistered ones', async () => {
    const { host, requests } = await hostWith(estateHandler());
    const result = await host.invoke('count_twice_test', {});
    expect(result.ok && result.structured).toMatchObject({ first: 3, second: 3, missing: 'not-registered' });
    expect(requests.filter((r) => r.operation === 'DescribeWorkspaces')).toHaveLength(1);
  });

  it("a composite tool's totals include what the tools it called sent; its own IAM actions do not", async () => {
    const { host } = await hostWith(estateHandler());
    const result = await host.invoke('count_twice_test', {});
    expect(result.calls.countsByAction()).toEqual({ 'workspaces:DescribeWorkspaces': 1 });
    expect([...result.calls.actions()]).toEqual([]);
  });

  it('AccessDenied names the IAM action and the tier policy that grants it', async () => {
    const { host } = await hostWith(
      estateHandler({
        DescribeWorkspaces: () => {
          throw awsError('AccessDeniedException', 'not authorized', 403);
        },
      }),
    );
    const result = await host.invoke('list_test_workspaces', {});
    expect(result.ok).toBe(false);
    expect(result.text).toContain('workspaces:DescribeWorkspaces');
    expect(result.text).toContain('iam/tier0-diagnostics.json');
  });

  it('throttling is retried by the SDK and then succeeds', async () => {
    let attempts = 0;
    const { host } = await hostWith(
      estateHandler({
        DescribeWorkspaces: () => {
          attempts += 1;
          if (attempts < 3) throw awsError('ThrottlingException', 'Rate exceeded', 400);
          return { Workspaces: ESTATE };
        },
      }),
    );
    const result = await host.invoke('list_test_workspaces', {});
    expect(result.ok).toBe(true);
    expect(attempts).toBe(3);
  });

  it('persistent throttling is reported as throttling after the retries', async () => {
    const { host } = await hostWith(
      estateHandler({
        DescribeWorkspaces: () => {
          throw awsError('ThrottlingException', 'Rate exceeded', 400);
        },
      }),
    );
    const result = await host.invoke('list_test_workspaces', {});
    expect(result.ok).toBe(false);
    expect(result.text).toContain('kept throttling workspaces:DescribeWorkspaces');
  });
});

describe('write gates', () => {
  const ids = ['ws-aaaaaaaa01', 'ws-aaaaaaaa02', 'ws-aaaaaaaa03', 'ws-bbbbbbbb99'];

  it('without confirm returns the plan and its planId and sends no mutating call; illegal and unknown targets are skipped', async () => {
    const clock = movableClock();
    const { host, requests } = await hostWith(estateHandler(), { enableWrites: true, now: clock.now });
    const result = await host.invoke('stop_test_workspaces', { workspaceIds: ids });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.structured).toMatchObject({
      status: 'planned',
      dryRun: true,
      counts: { actionable: 2, skipped: 2 },
      planId: expect.stringMatching(/^p1\.stop_test_workspaces\./),
      planExpiresAt: new Date(START + 10 * 60_000).toISOString(),
    });
    const targets = result.structured.targets as { id: string; status: string; message?: string }[];
    expect(targets.find((t) => t.id === 'ws-aaaaaaaa03')).toMatchObject({
      status: 'skipped',
      message: 'cannot stop in STOPPED',
    });
    expect(targets.find((t) => t.id === 'ws-bbbbbbbb99')).toMatchObject({
      status: 'skipped',
      message: 'not found',
    });
    expect(mutating(requests)).toEqual([]);
  });

  it('a confirmed first call (no planId) is refused with a fresh plan, and nothing is sent', async () => {
    const { host, requests } = await hostWith(estateHandler(), { enableWrites: true });
    const refused = await host.invoke('stop_test_workspaces', { workspaceIds: ids, confirm: true });
    expect(refused.ok && refused.structured).toMatchObject({
      status: 'refused',
      dryRun: true,
      refusal: { gate: 'plan', message: expect.stringContaining('needs the planId of a dry run') },
      planId: expect.stringMatching(/^p1\./),
      next: expect.stringContaining('confirm=true, this planId'),
    });
    expect(mutating(requests)).toEqual([]);
    // The fresh plan in the refusal is one the caller can confirm.
    const planId = refused.ok ? refused.structured.planId : undefined;
    const applied = await host.invoke('stop_test_workspaces', { workspaceIds: ids, confirm: true, planId });
    expect(applied.ok && applied.structured.status).toBe('applied');
  });

  it("a planId from another tool's dry run is refused", async () => {
    const { host, requests } = await hostWith(estateHandler(), {
      enableWrites: true,
      enableDestructive: true,
    });
    const input = { workspaceIds: ['ws-aaaaaaaa01'] };
    const stopPlan = await planOf(host, 'stop_test_workspaces', input);
    const result = await host.invoke('terminate_test_workspaces', {
      ...input,
      confirm: true,
      planId: stopPlan,
      acknowledge: 'TERMINATE',
    });
    expect(result.ok && result.structured).toMatchObject({
      status: 'refused',
      refusal: {
        gate: 'plan',
        message: expect.stringContaining('is for stop_test_workspaces, not terminate_test_workspaces'),
      },
    });
    expect(mutating(requests)).toEqual([]);
  });

  it('other targets than the plan had are refused, with a fresh plan for the new targets', async () => {
    const { host, requests } = await hostWith(estateHandler(), { enableWrites: true });
    const planId = await planOf(host, 'stop_test_workspaces', { workspaceIds: ['ws-aaaaaaaa01'] });
    const wider = { workspaceIds: ['ws-aaaaaaaa01', 'ws-aaaaaaaa02'] };
    const refused = await host.invoke('stop_test_workspaces', { ...wider, confirm: true, planId });
    expect(refused.ok && refused.structured).toMatchObject({
      status: 'refused',
      refusal: { gate: 'plan', message: expect.stringContaining('targets differ from the plan') },
      counts: { actionable: 2 },
    });
    const fresh = refused.ok ? refused.structured.planId : undefined;
    expect(fresh).not.toBe(planId);
    expect(mutating(requests)).toEqual([]);
    const applied = await host.invoke('stop_test_workspaces', { ...wider, confirm: true, planId: fresh });
    expect(applied.ok && applied.structured).toMatchObject({ status: 'applied', counts: { ok: 2 } });
  });

  it('a target whose state changed since the plan is refused', async () => {
    const states = new Map([['ws-aaaaaaaa01', 'AVAILABLE']]);
    const { host, requests } = await hostWith(
      estateHandler({
        DescribeWorkspaces: () => ({
          Workspaces: [...states].map(([id, state]) => ws(id, state)),
        }),
      }),
      { enableWrites: true, enableDestructive: true },
    );
    const input = { workspaceIds: ['ws-aaaaaaaa01'] };
    const planId = await planOf(host, 'terminate_test_workspaces', input);
    states.set('ws-aaaaaaaa01', 'STOPPED'); // changed outside the server between plan and confirm
    const result = await host.invoke('terminate_test_workspaces', {
      ...input,
      confirm: true,
      planId,
      acknowledge: 'TERMINATE',
    });
    expect(result.ok && result.structured).toMatchObject({
      status: 'refused',
      refusal: { gate: 'plan', message: expect.stringContaining("a target's state or action changed") },
      targets: [expect.objectContaining({ id: 'ws-aaaaaaaa01', current: 'STOPPED' })],
    });
    expect(mutating(requests)).toEqual([]);
  });

  it('a planId older than 10 minutes is refused as expired', async () => {
    const clock = movableClock();
    const { host, requests } = await hostWith(estateHandler(), { enableWrites: true, now: clock.now });
    const input = { workspaceIds: ['ws-aaaaaaaa01'] };
    const planId = await planOf(host, 'stop_test_workspaces', input);
    clock.advanceMinutes(10);
    const expired = await host.invoke('stop_test_workspaces', { ...input, confirm: true, planId });
    expect(expired.ok && expired.structured).toMatchObject({
      status: 'refused',
      refusal: { gate: 'plan', message: expect.stringContaining('expired') },
    });
    expect(mutating(requests)).toEqual([]);
  });

  it('two hosts with one key folder (two CLI processes) accept each other’s planIds; another key does not', async () => {
    const keyDir = mkdtempSync(path.join(tmpdir(), 'euc-plan-key-test-'));
    try {
      const first = await hostWith(estateHandler(), {
        enableWrites: true,
        plans: { stateDir: keyDir, env: {} },
      });
      const input = { workspaceIds: ['ws-aaaaaaaa01'] };
      const planId = await planOf(first.host, 'stop_test_workspaces', input);
      expect(statSync(path.join(keyDir, 'plan-key')).mode & 0o777).toBe(0o600);
      const second = await assembledWith(estateHandler(), { stateDir: keyDir, env: {} });
      const applied = await second.host.invoke('stop_test_workspaces', { ...input, confirm: true, planId });
      expect(applied.ok && applied.structured.status).toBe('applied');
      const stranger = await assembledWith(estateHandler(), { key: 'another-replica-key-0123456789abcdef' });
      const refused = await stranger.host.invoke('stop_test_workspaces', { ...input, confirm: true, planId });
      expect(refused.ok && refused.structured).toMatchObject({
        refusal: { gate: 'plan', message: expect.stringContaining('WORKSPACES_EUC_PLAN_KEY') },
      });
    } finally {
      rmSync(keyDir, { recursive: true, force: true });
    }
  });

  it('an oversized plan gets no planId, and a replica with a lower cap refuses a planId from one with a higher cap', async () => {
    const small = await hostWith(estateHandler(), { enableWrites: true, maxBulkTargets: 1 });
    const oversized = await small.host.invoke('stop_test_workspaces', { workspaceIds: ids });
    expect(oversized.ok && oversized.structured).toMatchObject({ status: 'planned', withinBulkCap: false });
    expect(oversized.ok && oversized.structured.planId).toBeUndefined();
    const wide = await assembledWith(estateHandler(), { key: TEST_PLAN_KEY });
    const planId = await planOf(wide.host, 'stop_test_workspaces', { workspaceIds: ids });
    const refused = await small.host.invoke('stop_test_workspaces', {
      workspaceIds: ids,
      confirm: true,
      planId,
    });
    expect(refused.ok && refused.structured).toMatchObject({
      status: 'refused',
      refusal: { gate: 'bulk-cap' },
    });
    expect(mutating(small.requests)).toEqual([]);
  });

  it('applies a confirmed write to actionable targets only and reports each', async () => {
    const { host, requests } = await hostWith(estateHandler(), { enableWrites: true });
    const result = await confirmed(host, 'stop_test_workspaces', { workspaceIds: ids });
    expect(result.ok && result.structured).toMatchObject({
      status: 'applied',
      dryRun: false,
      counts: { ok: 2, skipped: 2 },
    });
    const stop = requests.find((r) => r.operation === 'StopWorkspaces');
    expect(stop?.input).toEqual({
      StopWorkspaceRequests: [{ WorkspaceId: 'ws-aaaaaaaa01' }, { WorkspaceId: 'ws-aaaaaaaa02' }],
    });
  });

  it('a partial batch failure is failed for that target only', async () => {
    const { host } = await hostWith(
      estateHandler({
        StopWorkspaces: () => ({
          FailedRequests: [
            { WorkspaceId: 'ws-aaaaaaaa02', ErrorCode: 'InvalidResourceState', ErrorMessage: 'busy' },
          ],
        }),
      }),
      { enableWrites: true },
    );
    const result = await confirmed(host, 'stop_test_workspaces', { workspaceIds: ids.slice(0, 2) });
    expect(result.ok && result.structured).toMatchObject({
      status: 'partially-applied',
      counts: { ok: 1, failed: 1 },
    });
  });

  it('a whole failed batch call reports every target failed, never ok', async () => {
    const { host } = await hostWith(
      estateHandler({
        StopWorkspaces: () => {
          throw awsError('AccessDeniedException', 'denied', 403);
        },
      }),
      { enableWrites: true },
    );
    const result = await confirmed(host, 'stop_test_workspaces', { workspaceIds: ids.slice(0, 2) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.structured).toMatchObject({ status: 'failed', counts: { ok: 0, failed: 2 } });
    const targets = result.structured.targets as { status: string; message?: string }[];
    expect(
      targets.every((t) => t.status === 'failed' && t.message?.includes('workspaces:StopWorkspaces')),
    ).toBe(true);
    expect(targets[0]?.message).toContain('iam/tier2-lifecycle.json');
  });

  it('destructive tools refuse a wrong or lower-case acknowledgement and accept the exact phrase the plan names', async () => {
    const { host, requests } = await hostWith(estateHandler(), {
      enableWrites: true,
      enableDestructive: true,
    });
    const input = { workspaceIds: ['ws-aaaaaaaa01'] };
    const dryRun = await host.invoke('terminate_test_workspaces', input);
    expect(dryRun.ok && dryRun.structured.next).toContain('acknowledge="TERMINATE"');
    const planId = dryRun.ok ? dryRun.structured.planId : undefined;
    for (const acknowledge of [undefined, 'terminate', 'TERMINATE PLEASE']) {
      const refused = await host.invoke('terminate_test_workspaces', {
        ...input,
        confirm: true,
        planId,
        ...(acknowledge ? { acknowledge } : {}),
      });
      expect(refused.ok && refused.structured).toMatchObject({
        status: 'refused',
        refusal: { gate: 'acknowledgement' },
      });
    }
    expect(mutating(requests)).toEqual([]);
    const applied = await host.invoke('terminate_test_workspaces', {
      ...input,
      confirm: true,
      planId,
      acknowledge: ' TERMINATE ',
    });
    expect(applied.ok && applied.structured).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(mutating(requests)).toEqual(['TerminateWorkspaces']);
  });

  it('confirmed destructive targets are capped per hour too, and the refusal says when room frees up', async () => {
    const clock = movableClock();
    const { host, requests } = await hostWith(estateHandler(), {
      enableWrites: true,
      enableDestructive: true,
      maxBulkTargets: 2,
      now: clock.now,
    });
    const terminate = (workspaceIds: string[]) =>
      confirmed(host, 'terminate_test_workspaces', { workspaceIds, acknowledge: 'TERMINATE' });
    expect((await terminate(['ws-aaaaaaaa01'])).ok).toBe(true);
    clock.advanceMinutes(10);
    const second = await terminate(['ws-aaaaaaaa02']);
    expect(second.ok && second.structured.status).toBe('applied');
    clock.advanceMinutes(10);
    const third = await terminate(['ws-aaaaaaaa01']);
    expect(third.ok && third.structured).toMatchObject({
      status: 'refused',
      refusal: {
        gate: 'hourly-cap',
        message: expect.stringContaining(
          `Room frees up at ${new Date(START + 60 * 60_000).toISOString()} (in 40 min)`,
        ),
      },
    });
    expect(mutating(requests)).toEqual(['TerminateWorkspaces', 'TerminateWorkspaces']);
    // Writes that destroy nothing are bounded per call only.
    const stop = await confirmed(host, 'stop_test_workspaces', { workspaceIds: ['ws-aaaaaaaa01'] });
    expect(stop.ok && stop.structured.status).toBe('applied');
    clock.advanceMinutes(41);
    const later = await terminate(['ws-aaaaaaaa01']);
    expect(later.ok && later.structured.status).toBe('applied');
  });

  it('write tools get confirm and planId (and an acknowledge that does not print the phrase) and tier-derived annotations', async () => {
    const { host } = await hostWith(estateHandler(), { enableWrites: true, enableDestructive: true });
    const stop = host.registered.get('stop_test_workspaces');
    const terminate = host.registered.get('terminate_test_workspaces');
    const list = host.registered.get('list_test_workspaces');
    expect(Object.keys(stop?.inputSchema.properties ?? {})).toEqual([
      'workspaceIds',
      'region',
      'confirm',
      'planId',
    ]);
    expect(Object.keys(terminate?.inputSchema.properties ?? {})).toContain('acknowledge');
    expect(JSON.stringify(terminate?.inputSchema)).not.toContain('TERMINATE');
    expect(list?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(stop?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(terminate?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
    });
  });
});

describe.each<ProtocolEra>(['legacy', 'modern'])('asking the human (MCP elicitation, %s era)', (era) => {
  /**
   * Plans a terminate, then confirms it, through a client that answers approval questions with
   * `answer` (or cannot be asked); `extra` goes into the confirming call's params.
   */
  async function connected(answer: 'accept' | 'decline' | undefined, extra: Record<string, unknown> = {}) {
    const { host, requests } = await hostWith(estateHandler(), {
      enableWrites: true,
      enableDestructive: true,
    });
    const { factory } = createMcpServerFactory(host, { name: 'test', version: '0.0.0' });
    const asked: string[] = [];
    const client = await connectClient(factory, {
      era,
      ...(answer
        ? {
            elicit: (message: string) => {
              asked.push(message);
              return answer;
            },
          }
        : {}),
    });
    const call = async (args: Record<string, unknown>, more: Record<string, unknown> = {}) =>
      (
        await client.callTool({
          name: 'terminate_test_workspaces',
          arguments: args,
          ...more,
        } as Parameters<typeof client.callTool>[0])
      ).structuredContent as Record<string, unknown> | undefined;
    const input = { workspaceIds: ['ws-aaaaaaaa01'] };
    const plan = await call(input);
    const result = await call(
      { ...input, confirm: true, planId: plan?.planId, acknowledge: 'TERMINATE' },
      extra,
    );
    await client.close();
    return { result, asked, requests };
  }

  it('a client that can ask shows the plan to the human, and an accept runs the call', async () => {
    const { result, asked, requests } = await connected('accept');
    expect(asked).toEqual([
      'Terminate test workspaces: 1 target(s): ws-aaaaaaaa01 (AVAILABLE).\nThe desktops and their user volumes are deleted.\nApprove?',
    ]);
    expect(result).toMatchObject({ status: 'applied' });
    expect(mutating(requests)).toEqual(['TerminateWorkspaces']);
  });

  it('a decline refuses cleanly and nothing is sent', async () => {
    const { result, asked, requests } = await connected('decline');
    expect(asked).toHaveLength(1);
    expect(result).toMatchObject({
      status: 'refused',
      refusal: { gate: 'approval', message: expect.stringContaining('the user declined') },
    });
    expect(result?.planId).toBeUndefined();
    expect(mutating(requests)).toEqual([]);
  });

  it('an answer the client makes up (no signed question behind it) does not count: the human is asked', async () => {
    // The 2026-07-28 retry field, sent unasked with the confirming call.
    const { result, asked, requests } = await connected('decline', {
      inputResponses: { approval: { action: 'accept' } },
    });
    expect(asked).toHaveLength(1);
    expect(result).toMatchObject({ status: 'refused', refusal: { gate: 'approval' } });
    expect(mutating(requests)).toEqual([]);
  });

  it('a client that cannot ask is not asked: the planId alone applies', async () => {
    const { result, asked } = await connected(undefined);
    expect(asked).toEqual([]);
    expect(result).toMatchObject({ status: 'applied' });
  });
});
