import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import { call, personalHost } from '../__tests__/host.js';
import { mutating, type Outcome } from '../__tests__/outcome.js';

const TOOL = 'terminate_workspaces';
const options = { enableWrites: true, enableDestructive: true };

describe('terminate_workspaces', () => {
  it('the plan states the permanent impact, skips SUSPENDED and calls out standby pairs', async () => {
    const { host, requests } = await personalHost(smallEstate(), options);
    const result = await call<Outcome>(host, TOOL, { workspaceIds: ['ws-graph0001', 'ws-susp00001'] });
    expect(result.status).toBe('planned');
    expect(result.impact).toContain('PERMANENT and IRREVERSIBLE');
    expect(result.targets.find((t) => t.id === 'ws-susp00001')?.message).toContain('SUSPENDED');
    expect(result.warnings).toEqual([
      expect.stringContaining('has a standby desktop ws-stdby0001 in us-west-2'),
    ]);
    expect(mutating(requests)).toEqual([]);
  });

  it('a wrong or lower-case acknowledgement is refused and nothing is terminated', async () => {
    const { host, requests } = await personalHost(smallEstate(), options);
    const result = await call<Outcome>(host, TOOL, {
      workspaceIds: ['ws-avail0001'],
      confirm: true,
      acknowledge: 'terminate',
    });
    expect(result).toMatchObject({ status: 'refused', refusal: { gate: 'acknowledgement' } });
    expect(mutating(requests)).toEqual([]);
  });

  it('terminates with confirm and the exact phrase', async () => {
    const { host, requests } = await personalHost(smallEstate(), options);
    const result = await call<Outcome>(host, TOOL, {
      workspaceIds: ['ws-avail0001'],
      confirm: true,
      acknowledge: 'TERMINATE',
    });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(mutating(requests)).toEqual(['TerminateWorkspaces']);
  });
});
