import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
  TOOL_SCHEMA_BUDGET,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { AD, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import { findWorkspaces } from './find-workspaces.js';

type Found = ToolOutput<typeof findWorkspaces>;
const TOOL = 'find_workspaces';
const REGION = 'us-east-1';

/** A generated estate in one region, and its desktop ids sorted as the tool sorts rows. */
function generated(desktops: number) {
  const estate = generateEstate({ seed: 3, desktops, regions: [REGION] });
  const ids = estate.personal.desktops.map((d) => d.workspace.WorkspaceId ?? '').sort();
  return { estate, ids };
}

describe('find_workspaces', () => {
  it('matches partially and case-insensitively on state, compute type and free text', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const stopped = await invokeOk<Found>(host, TOOL, { state: 'stop' });
    expect(stopped.rows.map((r) => r.workspaceId)).toEqual(['ws-manual001', 'ws-stopped01']);
    expect(stopped.byState).toEqual({ STOPPED: 2 });
    const graphics = await invokeOk<Found>(host, TOOL, { computeType: 'graph' });
    expect(graphics.rows.map((r) => r.workspaceId)).toEqual(['ws-graph0001']);
    const alice = await invokeOk<Found>(host, TOOL, { query: 'ALI' });
    expect(alice.rows.map((r) => r.userName)).toEqual(['alice']);
    expect(alice.lookup).toMatch(/^full scan/);
    const byIp = await invokeOk<Found>(host, TOOL, { query: '10.0.12.17' });
    expect(byIp.rows.map((r) => r.userName)).toEqual(['mallory']);
  });

  it('a full directory id is filtered server-side; with exact=true the user name is too', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const inDir = await invokeOk<Found>(host, TOOL, { directoryId: AD, runningMode: 'always' });
    expect(inDir.lookup).toBe('DirectoryId');
    expect(inDir.rows.map((r) => r.workspaceId)).toEqual(['ws-admin0001', 'ws-graph0001', 'ws-unheal001']);
    expect(host.requests.filter((r) => r.action === 'workspaces:DescribeWorkspaces')[0]?.input).toMatchObject(
      { DirectoryId: AD },
    );
    const exact = await invokeOk<Found>(host, TOOL, { directoryId: AD, userName: 'BOB', exact: true });
    expect(exact.lookup).toBe('DirectoryId+UserName');
    expect(exact.rows.map((r) => r.workspaceId)).toEqual(['ws-unheal001']);
    expect(
      host.requests.filter((r) => r.action === 'workspaces:DescribeWorkspaces').at(-1)?.input,
    ).toMatchObject({
      DirectoryId: AD,
      UserName: 'BOB',
    });
  });

  it('an exact user name without a directory is looked up in each directory, not by scanning every desktop', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Found>(host, TOOL, { userName: 'Carol', exact: true });
    expect(result.lookup).toBe('UserName in each directory');
    expect(result.rows.map((r) => r.workspaceId)).toEqual(['ws-stopped01']);
    expect(host.simulator.countsByAction()).toEqual({
      'workspaces:DescribeWorkspaceDirectories': 1,
      'workspaces:DescribeWorkspaces': 3,
    });
  });

  it('workspace ids are looked up 25 per call, unknown ids simply do not match', async () => {
    const { estate, ids } = generated(60);
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Found>(host, TOOL, {
      workspaceIds: [...ids.slice(0, 30), 'ws-unknown001'],
      limit: 100,
    });
    expect(result.matched).toBe(30);
    expect(host.simulator.countsByAction()).toEqual({ 'workspaces:DescribeWorkspaces': 2 });
  });

  it('pages with an opaque cursor bound to the filters', async () => {
    const { estate, ids } = generated(60);
    const host = await createTestHost({ plugins: [plugin], estate });
    const first = await invokeOk<Found>(host, TOOL, { limit: 25 });
    expect(first.matched).toBe(60);
    expect(first.rows.map((r) => r.workspaceId)).toEqual(ids.slice(0, 25));
    const second = await invokeOk<Found>(host, TOOL, { limit: 25, cursor: first.nextCursor });
    expect(second.rows.map((r) => r.workspaceId)).toEqual(ids.slice(25, 50));
    const third = await invokeOk<Found>(host, TOOL, { limit: 25, cursor: second.nextCursor });
    expect(third.rows).toHaveLength(10);
    expect(third.nextCursor).toBeUndefined();
    const foreign = await host.invoke(TOOL, { limit: 25, state: 'AVAILABLE', cursor: first.nextCursor });
    expect(foreign.ok).toBe(false);
    expect(foreign.text).toContain('not a cursor this tool issued for these filters');
  });

  it('at 10,000 desktops a search scans the region once at 25 a page and returns one compact page', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 11, desktops: 10_000 });
    const inRegion = estate.personal.desktops.filter((d) => d.region === REGION);
    const unhealthy = inRegion.filter((d) => d.workspace.State === 'UNHEALTHY').length;
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Found>(host, TOOL, { state: 'UNHEALTHY', limit: 10, regions: [REGION] });
    expect(host.simulator.countsByAction()).toEqual({
      'workspaces:DescribeWorkspaces': Math.ceil(inRegion.length / 25),
    });
    expect(result.scanned).toBe(inRegion.length);
    expect(result.matched).toBe(unhealthy);
    expect(result.rows).toHaveLength(10);
    expect(result.nextCursor).toBeDefined();
  });

  it('at 10,000 desktops in one region the default answer (a page of rows) stays within the answer budget', {
    timeout: 60_000,
  }, async () => {
    expect(toolSchemaBytes(findWorkspaces)).toBeLessThanOrEqual(TOOL_SCHEMA_BUDGET);
    const host = await createTestHost({
      plugins: [plugin],
      estate: { seed: 11, desktops: 10_000, regions: [REGION] },
    });
    const result = await invokeOk<Found>(host, TOOL, {});
    expect(result.matched).toBe(10_000);
    expect(result.nextCursor).toBeDefined();
    expect(answerBytes(result)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });

  it('answers for every configured region: the UNHEALTHY desktops of both regions are counted, each row with its region', async () => {
    const estate = generateEstate({ seed: 42, desktops: 200 });
    const unhealthy = estate.personal.desktops.filter((d) => d.workspace.State === 'UNHEALTHY');
    const regions = [...new Set(unhealthy.map((d) => d.region))].sort();
    expect(regions).toEqual(['eu-west-1', 'us-east-1']);
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Found>(host, TOOL, { state: 'UNHEALTHY' });
    expect(result.matched).toBe(unhealthy.length);
    expect([...new Set(result.rows.map((r) => r.region))].sort()).toEqual(regions);
    expect(result.rows.every((r) => r.account === undefined)).toBe(true);
    expect(result.summary).toContain(`${unhealthy.length} WorkSpace(s) match in us-east-1, eu-west-1`);
    const narrowed = await invokeOk<Found>(host, TOOL, { state: 'UNHEALTHY', regions: ['eu-west-1'] });
    expect(narrowed.matched).toBe(unhealthy.filter((d) => d.region === 'eu-west-1').length);
  });

  it('reaches a second configured account, and rows then name their account', async () => {
    const accounts = ['111122223333', '444455556666'];
    const estate = generateEstate({ seed: 8, desktops: 80, accounts, regions: [REGION] });
    const inSecond = estate.personal.desktops.filter((d) => d.account === accounts[1]);
    expect(inSecond.length).toBeGreaterThan(0);
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Found>(host, TOOL, { limit: 500 });
    expect(result.matched).toBe(80);
    expect(result.rows.filter((r) => r.account === accounts[1])).toHaveLength(inSecond.length);
    const second = await invokeOk<Found>(host, TOOL, { accounts: [accounts[1]], limit: 500 });
    expect(second.matched).toBe(inSecond.length);
    expect(second.summary).toContain(`${accounts[1]}/${REGION}`);
  });

  it('a region that cannot be read is an errors entry; the other region still answers', async () => {
    const estate = generateEstate({ seed: 42, desktops: 200 });
    const inUsEast = estate.personal.desktops.filter((d) => d.region === 'us-east-1').length;
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [
          {
            service: 'workspaces',
            operation: 'DescribeWorkspaces',
            region: 'eu-west-1',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await invokeOk<Found>(host, TOOL, { limit: 500 });
    expect(result.matched).toBe(inUsEast);
    expect(result.errors).toEqual([
      expect.objectContaining({
        service: 'WorkSpaces Personal',
        region: 'eu-west-1',
        code: 'AccessDeniedException',
        iamAction: 'workspaces:DescribeWorkspaces',
      }),
    ]);
    expect(result.summary).toContain('match in us-east-1 (');
    expect(result.summary).toContain('Partial');
  });
});

describe('find_workspaces on a long scan', () => {
  it('keeps the client informed: a progress heartbeat every 25 AWS requests', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: { seed: 7, desktops: 1_500, regions: ['us-east-1'] },
    });
    const heartbeats: [number, number | undefined, string | undefined][] = [];
    const result = await host.invoke(
      'find_workspaces',
      {},
      {
        progress: (done, total, message) => heartbeats.push([done, total, message]),
      },
    );
    expect(result.ok).toBe(true);
    // 1,500 desktops at 25 a page: 60 DescribeWorkspaces pages, so heartbeats at 25 and 50.
    expect(heartbeats.map(([, , message]) => message)).toEqual([
      '25 AWS requests so far',
      '50 AWS requests so far',
    ]);
    expect(heartbeats[0]?.[0]).toBeLessThan(heartbeats[1]?.[0] ?? 0);
  });
});
