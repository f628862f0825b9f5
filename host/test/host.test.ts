import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleHost } from '../src/assemble.js';
import { awsError, FAKE_CREDENTIALS, type FakeHandler, fakeAws } from './fixtures/fake-aws.js';
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

let close: (() => void) | undefined;
afterEach(() => close?.());

async function hostWith(
  handler: FakeHandler,
  options: { enableWrites?: boolean; enableDestructive?: boolean; maxBulkTargets?: number } = {},
) {
  const aws = fakeAws(handler);
  const host = await assembleHost({
    plugins: [testPlugin],
    enableWrites: options.enableWrites,
    enableDestructive: options.enableDestructive,
    limits: options.maxBulkTargets ? { maxBulkTargets: options.maxBulkTargets } : {},
    aws: { clientHook: aws.clientHook, credentials: FAKE_CREDENTIALS, retryStrategy: NO_WAIT_RETRIES },
  });
  close = host.close;
  return { host, requests: aws.requests };
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

  it('without confirm returns the plan and sends no mutating call; illegal and unknown targets are skipped', async () => {
    const { host, requests } = await hostWith(estateHandler(), { enableWrites: true });
    const result = await host.invoke('stop_test_workspaces', { workspaceIds: ids });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.structured).toMatchObject({
      status: 'planned',
      dryRun: true,
      counts: { actionable: 2, skipped: 2 },
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

  it('refuses a confirmed batch above the blast-radius cap without calling the write API', async () => {
    const { host, requests } = await hostWith(estateHandler(), { enableWrites: true, maxBulkTargets: 1 });
    const result = await host.invoke('stop_test_workspaces', { workspaceIds: ids, confirm: true });
    expect(result.ok && result.structured).toMatchObject({
      status: 'refused',
      refusal: { gate: 'bulk-cap' },
    });
    expect(mutating(requests)).toEqual([]);
  });

  it('applies a confirmed write to actionable targets only and reports each', async () => {
    const { host, requests } = await hostWith(estateHandler(), { enableWrites: true });
    const result = await host.invoke('stop_test_workspaces', { workspaceIds: ids, confirm: true });
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
    const result = await host.invoke('stop_test_workspaces', {
      workspaceIds: ids.slice(0, 2),
      confirm: true,
    });
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
    const result = await host.invoke('stop_test_workspaces', {
      workspaceIds: ids.slice(0, 2),
      confirm: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.structured).toMatchObject({ status: 'failed', counts: { ok: 0, failed: 2 } });
    const targets = result.structured.targets as { status: string; message?: string }[];
    expect(
      targets.every((t) => t.status === 'failed' && t.message?.includes('workspaces:StopWorkspaces')),
    ).toBe(true);
    expect(targets[0]?.message).toContain('iam/tier2-lifecycle.json');
  });

  it('destructive tools refuse a wrong or lower-case acknowledgement and accept the exact phrase', async () => {
    const { host, requests } = await hostWith(estateHandler(), {
      enableWrites: true,
      enableDestructive: true,
    });
    const input = { workspaceIds: ['ws-aaaaaaaa01'], confirm: true };
    for (const acknowledge of [undefined, 'terminate', 'TERMINATE PLEASE']) {
      const refused = await host.invoke('terminate_test_workspaces', {
        ...input,
        ...(acknowledge ? { acknowledge } : {}),
      });
      expect(refused.ok && refused.structured).toMatchObject({
        status: 'refused',
        refusal: { gate: 'acknowledgement' },
      });
    }
    expect(mutating(requests)).toEqual([]);
    const applied = await host.invoke('terminate_test_workspaces', { ...input, acknowledge: ' TERMINATE ' });
    expect(applied.ok && applied.structured).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(mutating(requests)).toEqual(['TerminateWorkspaces']);
  });

  it('checks the cap before the acknowledgement', async () => {
    const { host } = await hostWith(estateHandler(), {
      enableWrites: true,
      enableDestructive: true,
      maxBulkTargets: 1,
    });
    const result = await host.invoke('terminate_test_workspaces', {
      workspaceIds: ['ws-aaaaaaaa01', 'ws-aaaaaaaa02'],
      confirm: true,
      acknowledge: 'nope',
    });
    expect(result.ok && result.structured).toMatchObject({
      status: 'refused',
      refusal: { gate: 'bulk-cap' },
    });
  });

  it('write tools get confirm (and acknowledge for tier 3) in their input schema and tier-derived annotations', async () => {
    const { host } = await hostWith(estateHandler(), { enableWrites: true, enableDestructive: true });
    const stop = host.registered.get('stop_test_workspaces');
    const terminate = host.registered.get('terminate_test_workspaces');
    const list = host.registered.get('list_test_workspaces');
    expect(Object.keys(stop?.inputSchema.properties ?? {})).toEqual(['workspaceIds', 'region', 'confirm']);
    expect(Object.keys(terminate?.inputSchema.properties ?? {})).toContain('acknowledge');
    expect(list?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(stop?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(terminate?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
    });
  });
});
