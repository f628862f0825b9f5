import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import { call, personalHost } from '../__tests__/host.js';
import { mutating, type Outcome } from '../__tests__/outcome.js';

const TOOL = 'stop_workspaces';
const ids = ['ws-avail0001', 'ws-unheal001', 'ws-stopped01', 'ws-error0001', 'ws-nothere01'];

describe('stop_workspaces', () => {
  it('without confirm returns the plan, skips illegal and unknown targets, and sends no mutating call', async () => {
    const { host, requests } = await personalHost(smallEstate(), { enableWrites: true });
    const result = await call<Outcome>(host, TOOL, { workspaceIds: ids });
    expect(result).toMatchObject({
      status: 'planned',
      dryRun: true,
      counts: { targets: 5, actionable: 2, skipped: 3 },
    });
    const byId = new Map(result.targets.map((t) => [t.id, t]));
    expect(byId.get('ws-avail0001')).toMatchObject({ status: 'planned', current: 'AVAILABLE' });
    expect(byId.get('ws-error0001')).toMatchObject({ status: 'planned', current: 'ERROR' });
    expect(byId.get('ws-unheal001')?.message).toContain('ALWAYS_ON');
    expect(byId.get('ws-stopped01')?.message).toContain('cannot stop a desktop in STOPPED');
    expect(byId.get('ws-nothere01')?.message).toContain('not found');
    expect(mutating(requests)).toEqual([]);
  });

  it('with confirm stops only the legal targets in one request', async () => {
    const { host, requests } = await personalHost(smallEstate(), { enableWrites: true });
    const result = await call<Outcome>(host, TOOL, { workspaceIds: ids, confirm: true });
    expect(result).toMatchObject({
      status: 'applied',
      dryRun: false,
      counts: { ok: 2, failed: 0, skipped: 3 },
    });
    const stop = requests.filter((r) => r.operation === 'StopWorkspaces');
    expect(stop.map((r) => r.input.StopWorkspaceRequests)).toEqual([
      [{ WorkspaceId: 'ws-avail0001' }, { WorkspaceId: 'ws-error0001' }],
    ]);
  });

  it('is not registered without --enable-writes', async () => {
    const { host } = await personalHost(smallEstate());
    const result = await host.invoke(TOOL, { workspaceIds: ids });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('Unknown tool stop_workspaces');
  });
});
