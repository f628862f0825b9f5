import { afterEach, describe, expect, it } from 'vitest';
import { assembleHost } from '../src/assemble.js';
import { csvCell } from '../src/builtin/csv.js';
import { awsError, FAKE_CREDENTIALS, type FakeHandler, fakeAws } from './fixtures/fake-aws.js';
import { testPlugin } from './fixtures/test-plugin.js';

const DESKTOPS: Record<
  string,
  {
    WorkspaceId: string;
    State: string;
    UserName: string;
    ComputerName: string;
    WorkspaceProperties: { RunningMode: string };
  }[]
> = {
  'eu-west-1': [
    {
      WorkspaceId: 'ws-west00001',
      State: 'AVAILABLE',
      UserName: 'alice',
      ComputerName: 'WSAMZN-A1',
      WorkspaceProperties: { RunningMode: 'AUTO_STOP' },
    },
    {
      WorkspaceId: 'ws-west00002',
      State: 'STOPPED',
      UserName: '=cmd|calc',
      ComputerName: 'WSAMZN-A2',
      WorkspaceProperties: { RunningMode: 'AUTO_STOP' },
    },
    {
      WorkspaceId: 'ws-west00003',
      State: 'AVAILABLE',
      UserName: 'carol',
      ComputerName: 'WSAMZN-A3',
      WorkspaceProperties: { RunningMode: 'ALWAYS_ON' },
    },
  ],
  'eu-central-1': [
    {
      WorkspaceId: 'ws-cent00001',
      State: 'UNHEALTHY',
      UserName: 'dave',
      ComputerName: 'WSAMZN-C1',
      WorkspaceProperties: { RunningMode: 'ALWAYS_ON' },
    },
  ],
};

let close: (() => void) | undefined;
afterEach(() => close?.());

async function inventoryHost(handler?: FakeHandler) {
  const aws = fakeAws(
    handler ??
      ((request) => {
        if (request.operation !== 'DescribeWorkspaces') throw awsError('UnknownOperation', request.operation);
        return { Workspaces: DESKTOPS[request.region] ?? [] };
      }),
  );
  const host = await assembleHost({
    plugins: [testPlugin],
    hostTools: true,
    aws: {
      clientHook: aws.clientHook,
      credentials: FAKE_CREDENTIALS,
      targets: [{ regions: ['eu-west-1', 'eu-central-1'] }],
    },
    limits: { pageSize: 2 },
  });
  close = host.close;
  return { host, requests: aws.requests };
}

describe('get_euc_inventory_summary', () => {
  it('rolls up every contributor by state, breakdown and region', async () => {
    const { host } = await inventoryHost();
    const result = await host.invoke('get_euc_inventory_summary', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.structured).toMatchObject({
      totalResources: 4,
      complete: true,
      services: [
        {
          service: 'WorkSpaces Personal',
          total: 4,
          byState: { AVAILABLE: 2, STOPPED: 1, UNHEALTHY: 1 },
          breakdowns: { runningMode: { AUTO_STOP: 2, ALWAYS_ON: 2 } },
          byRegion: { 'eu-west-1': 3, 'eu-central-1': 1 },
        },
      ],
    });
    expect(result.structured.summary).toMatch(/^4 EUC resources across 2 account-region scopes/);
  });

  it('a failing region is listed as an error and the total is marked as a lower bound', async () => {
    const { host } = await inventoryHost((request) => {
      if (request.region === 'eu-central-1') throw awsError('AccessDeniedException', 'denied', 403);
      return { Workspaces: DESKTOPS[request.region] ?? [] };
    });
    const result = await host.invoke('get_euc_inventory_summary', {});
    expect(result.ok && result.structured).toMatchObject({
      totalResources: 3,
      complete: false,
      errors: [{ service: 'WorkSpaces Personal', region: 'eu-central-1', code: 'AccessDeniedException' }],
    });
    expect(result.ok && String(result.structured.summary)).toContain('At least 3 EUC resources (incomplete');
    expect(result.ok && JSON.stringify(result.structured.errors)).toContain('workspaces:DescribeWorkspaces');
  });

  it("declares exactly its contributors' IAM actions", async () => {
    const { host } = await inventoryHost();
    expect(host.registered.get('get_euc_inventory_summary')?.iamActions).toEqual([
      'workspaces:DescribeWorkspaces',
    ]);
  });

  it('an unknown account in the input is a clear error', async () => {
    const { host } = await inventoryHost();
    const result = await host.invoke('get_euc_inventory_summary', { accounts: ['999999999999'] });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('accounts: "999999999999" is not a configured target');
  });
});

describe('generate_inventory_report', () => {
  it('pages with a cursor bound to the filters', async () => {
    const { host } = await inventoryHost();
    const first = await host.invoke('generate_inventory_report', {});
    expect(first.ok && first.structured).toMatchObject({ totalMatching: 4, returned: 2, offset: 0 });
    const cursor = first.ok ? String(first.structured.nextCursor) : '';
    const second = await host.invoke('generate_inventory_report', { cursor });
    expect(second.ok && second.structured).toMatchObject({ returned: 2, offset: 2 });
    expect(second.ok && second.structured.nextCursor).toBeUndefined();
    const ids = [first, second].flatMap((r) =>
      r.ok ? (r.structured.rows as { id: string }[]).map((row) => row.id) : [],
    );
    expect(new Set(ids).size).toBe(4);
    const misuse = await host.invoke('generate_inventory_report', { cursor, states: ['AVAILABLE'] });
    expect(misuse.ok).toBe(false);
    expect(misuse.text).toContain('cursor:');
  });

  it('filters by state and free text', async () => {
    const { host } = await inventoryHost();
    const available = await host.invoke('generate_inventory_report', { states: ['available'], limit: 10 });
    expect(available.ok && (available.structured.rows as { id: string }[]).map((r) => r.id)).toEqual([
      'ws-west00001',
      'ws-west00003',
    ]);
    const carol = await host.invoke('generate_inventory_report', { search: 'CAROL' });
    expect(carol.ok && carol.structured.totalMatching).toBe(1);
  });

  it('csv comes back as an embedded resource with formula injection neutralised', async () => {
    const { host } = await inventoryHost();
    const result = await host.invoke('generate_inventory_report', { format: 'csv', limit: 10 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.structured.rows).toEqual([]);
    expect(result.attachments).toHaveLength(1);
    const csv = result.attachments[0]?.text ?? '';
    expect(csv.split('\r\n')[0]).toBe('service,resource_type,account,region,id,name,state,userName,tags');
    expect(csv).toContain(`'=cmd|calc`);
    expect(csv).not.toMatch(/,=cmd/);
    expect(result.attachments[0]?.mimeType).toBe('text/csv');
  });

  it('summary and report in one composite call scan the estate once', async () => {
    const { host, requests } = await inventoryHost();
    await host.invoke('generate_inventory_report', {});
    expect(requests.filter((r) => r.operation === 'DescribeWorkspaces')).toHaveLength(2);
  });
});

describe('csv cells', () => {
  it('quotes separators and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});
