import {
  DescribeWorkspacesCommand,
  paginateDescribeWorkspaces,
  StopWorkspacesCommand,
  WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { collectPages } from '@workspaces-euc-mcp/host';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulatedClient, withNodeTimerClamping } from './__tests__/client.js';
import { createSimulator } from './engine.js';
import { generateEstate } from './estate.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the simulator engine', () => {
  it('counts every request by IAM action, failed attempts included', async () => {
    const sim = createSimulator(generateEstate({ seed: 3, desktops: 60 }));
    const client = simulatedClient(WorkSpacesClient, sim);
    const all = await collectPages(paginateDescribeWorkspaces({ client }, {}), (p) => p.Workspaces);
    expect(all.length).toBe(sim.estate.personal.desktops.filter((d) => d.region === 'us-east-1').length);
    expect(sim.countsByAction()['workspaces:DescribeWorkspaces']).toBe(Math.ceil(all.length / 25));
    await expect(client.send(new DescribeWorkspacesCommand({ Limit: 26 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    expect(sim.calls.at(-1)).toMatchObject({
      action: 'workspaces:DescribeWorkspaces',
      errorCode: 'ValidationException',
    });
  });

  it('fails matching requests with an injected fault, the first N times only', async () => {
    const sim = createSimulator(generateEstate({ seed: 3, desktops: 10 }), {
      faults: [
        { service: 'workspaces', operation: 'DescribeWorkspaces', code: 'AccessDeniedException', times: 1 },
      ],
    });
    const client = simulatedClient(WorkSpacesClient, sim);
    await expect(client.send(new DescribeWorkspacesCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('workspaces:DescribeWorkspaces'),
    });
    await expect(client.send(new DescribeWorkspacesCommand({}))).resolves.toHaveProperty('Workspaces');
  });

  it('fails only the requests a fault rule matches by input', async () => {
    const estate = generateEstate({ seed: 3, desktops: 30 });
    const [first, second] = estate.personal.desktops.filter((d) => d.region === 'us-east-1');
    const victim = first?.workspace.WorkspaceId ?? '';
    const sim = createSimulator(estate, {
      faults: [
        {
          operation: 'DescribeWorkspaces',
          code: 'ResourceNotFoundException',
          when: (input) => (input.WorkspaceIds as string[] | undefined)?.includes(victim) === true,
        },
      ],
    });
    const client = simulatedClient(WorkSpacesClient, sim);
    await expect(
      client.send(new DescribeWorkspacesCommand({ WorkspaceIds: [victim] })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    const other = await client.send(
      new DescribeWorkspacesCommand({ WorkspaceIds: [second?.workspace.WorkspaceId ?? ''] }),
    );
    expect(other.Workspaces).toHaveLength(1);
  });

  it('fails a whole region when told to, and leaves the others answering', async () => {
    const sim = createSimulator(generateEstate({ seed: 3, desktops: 10 }), {
      faults: [{ region: 'eu-west-1', code: 'InternalFailure' }],
    });
    const europe = simulatedClient(WorkSpacesClient, sim, { region: 'eu-west-1' });
    const virginia = simulatedClient(WorkSpacesClient, sim, { region: 'us-east-1' });
    await expect(europe.send(new DescribeWorkspacesCommand({}))).rejects.toMatchObject({
      name: 'InternalFailure',
    });
    // 5xx errors are retried by the SDK: three attempts reached the simulator.
    expect(sim.calls.filter((c) => c.region === 'eu-west-1')).toHaveLength(3);
    await expect(virginia.send(new DescribeWorkspacesCommand({}))).resolves.toHaveProperty('Workspaces');
  });

  it('throttles above the modelled rate and the SDK retries until it gets through', async () => {
    // Virtual time: fake setTimeout/Date only (the SDK's own file reads stay real), Node's 1 ms
    // clamping re-applied, and the retry jitter pinned so the run is the same every time.
    vi.useFakeTimers({
      now: new Date('2026-11-16T12:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
    const restore = withNodeTimerClamping();
    vi.spyOn(Math, 'random').mockReturnValue(0.9);
    try {
      const sim = createSimulator(generateEstate({ seed: 3, desktops: 10 }), {
        throttling: { 'workspaces:*': { rate: 10, burst: 2 } },
      });
      const client = simulatedClient(WorkSpacesClient, sim, { adaptiveRetries: true });
      let settled = false;
      const requests = Promise.allSettled(
        [1, 2, 3].map(() => client.send(new DescribeWorkspacesCommand({}))),
      ).then((results) => {
        settled = true;
        return results;
      });
      while (!settled) {
        await new Promise((resolve) => setImmediate(resolve));
        await vi.advanceTimersByTimeAsync(10);
      }
      const results = await requests;
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      expect(sim.calls.filter((c) => c.errorCode === 'ThrottlingException').length).toBeGreaterThan(0);
      expect(sim.calls.filter((c) => !c.errorCode)).toHaveLength(3);
    } finally {
      restore();
      vi.restoreAllMocks();
    }
  });

  it('adds the configured latency to every request', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const sim = createSimulator(generateEstate({ seed: 3, desktops: 10 }), { latencyMs: 250 });
    const client = simulatedClient(WorkSpacesClient, sim);
    let doneAt: number | undefined;
    const request = client.send(new DescribeWorkspacesCommand({})).then(() => {
      doneAt = Date.now();
    });
    while (doneAt === undefined) {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(10);
    }
    await request;
    expect(doneAt).toBeGreaterThanOrEqual(250);
    expect(doneAt).toBeLessThan(300);
  });

  it('answers an operation it does not simulate with an error naming it, never silently', async () => {
    const sim = createSimulator(generateEstate({ seed: 3, desktops: 10 }));
    const client = simulatedClient(WorkSpacesClient, sim);
    const { MigrateWorkspaceCommand } = await import('@aws-sdk/client-workspaces');
    await expect(
      client.send(new MigrateWorkspaceCommand({ SourceWorkspaceId: 'ws-x', BundleId: 'wsb-y' })),
    ).rejects.toMatchObject({
      name: 'UnknownOperationException',
      message: expect.stringContaining('MigrateWorkspace'),
    });
  });

  it('keeps writes in the estate: a stopped desktop is STOPPED for the next reader', async () => {
    const estate = generateEstate({ seed: 5, desktops: 80 });
    const sim = createSimulator(estate);
    const client = simulatedClient(WorkSpacesClient, sim);
    const target = estate.personal.desktops.find(
      (d) =>
        d.region === 'us-east-1' &&
        d.workspace.State === 'AVAILABLE' &&
        d.workspace.WorkspaceProperties?.RunningMode === 'AUTO_STOP',
    );
    const workspaceId = target?.workspace.WorkspaceId ?? '';
    const stopped = await client.send(
      new StopWorkspacesCommand({ StopWorkspaceRequests: [{ WorkspaceId: workspaceId }] }),
    );
    expect(stopped.FailedRequests).toEqual([]);
    const after = await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: [workspaceId] }));
    expect(after.Workspaces?.[0]?.State).toBe('STOPPED');
  });
});
