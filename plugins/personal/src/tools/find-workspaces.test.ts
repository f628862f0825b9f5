import { describe, expect, it } from 'vitest';
import { AD, smallEstate } from '../__tests__/estate.js';
import { generatedEstate } from '../__tests__/estate-generated.js';
import { call, operations, personalHost } from '../__tests__/host.js';

interface Found {
  summary: string;
  matched: number;
  scanned: number;
  lookup: string;
  byState: Record<string, number>;
  rows: { workspaceId: string; userName: string | null; state: string }[];
  nextCursor?: string;
}
const TOOL = 'find_workspaces';

describe('find_workspaces', () => {
  it('matches partially and case-insensitively on state, compute type and free text', async () => {
    const { host } = await personalHost(smallEstate());
    const stopped = await call<Found>(host, TOOL, { state: 'stop' });
    expect(stopped.rows.map((r) => r.workspaceId)).toEqual(['ws-manual001', 'ws-stopped01']);
    expect(stopped.byState).toEqual({ STOPPED: 2 });
    const graphics = await call<Found>(host, TOOL, { computeType: 'graph' });
    expect(graphics.rows.map((r) => r.workspaceId)).toEqual(['ws-graph0001']);
    const alice = await call<Found>(host, TOOL, { query: 'ALI' });
    expect(alice.rows.map((r) => r.userName)).toEqual(['alice']);
    expect(alice.lookup).toMatch(/^full scan/);
  });

  it('a full directory id is filtered server-side; with exact=true the user name is too', async () => {
    const { host, requests } = await personalHost(smallEstate());
    const inDir = await call<Found>(host, TOOL, { directoryId: AD, runningMode: 'always' });
    expect(inDir.lookup).toBe('DirectoryId');
    expect(inDir.rows.map((r) => r.workspaceId)).toEqual(['ws-admin0001', 'ws-graph0001', 'ws-unheal001']);
    expect(requests[0]?.input).toMatchObject({ DirectoryId: AD });
    const exact = await call<Found>(host, TOOL, { directoryId: AD, userName: 'BOB', exact: true });
    expect(exact.lookup).toBe('DirectoryId+UserName');
    expect(exact.rows.map((r) => r.workspaceId)).toEqual(['ws-unheal001']);
    expect(requests.at(-1)?.input).toMatchObject({ DirectoryId: AD, UserName: 'BOB' });
  });

  it('workspace ids are looked up 25 per call, unknown ids simply do not match', async () => {
    const estate = generatedEstate(60);
    const { host, requests } = await personalHost(estate);
    const ids = [...estate.workspaces.slice(0, 30).map((w) => w.WorkspaceId ?? ''), 'ws-unknown001'];
    const result = await call<Found>(host, TOOL, { workspaceIds: ids, limit: 100 });
    expect(result.matched).toBe(30);
    expect(operations(requests)).toEqual(['DescribeWorkspaces', 'DescribeWorkspaces']);
  });

  it('pages with an opaque cursor bound to the filters', async () => {
    const { host } = await personalHost(generatedEstate(60));
    const first = await call<Found>(host, TOOL, { limit: 25 });
    expect(first.matched).toBe(60);
    expect(first.rows[0]?.workspaceId).toBe('ws-gen000000');
    const second = await call<Found>(host, TOOL, { limit: 25, cursor: first.nextCursor });
    expect(second.rows[0]?.workspaceId).toBe('ws-gen000025');
    const third = await call<Found>(host, TOOL, { limit: 25, cursor: second.nextCursor });
    expect(third.rows).toHaveLength(10);
    expect(third.nextCursor).toBeUndefined();
    const foreign = await host.invoke(TOOL, { limit: 25, state: 'AVAILABLE', cursor: first.nextCursor });
    expect(foreign.ok).toBe(false);
    expect(foreign.text).toContain('not a cursor this tool issued for these filters');
  });

  it('scans 1,000 desktops in 40 DescribeWorkspaces calls (25 a page) and returns one page', async () => {
    const { host, requests } = await personalHost(generatedEstate(1000));
    const result = await call<Found>(host, TOOL, { state: 'UNHEALTHY', limit: 10 });
    expect(operations(requests).filter((op) => op === 'DescribeWorkspaces')).toHaveLength(40);
    expect(result.scanned).toBe(1000);
    expect(result.rows).toHaveLength(10);
    expect(result.matched).toBe(result.byState.UNHEALTHY);
    expect(result.nextCursor).toBeDefined();
  });
});
