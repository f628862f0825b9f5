import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import { awsError } from '../__tests__/fake-aws.js';
import { call, personalHost } from '../__tests__/host.js';
import type { Outcome } from '../__tests__/outcome.js';

const TOOL = 'start_workspaces';

describe('start_workspaces', () => {
  it('starts STOPPED AutoStop and Manual desktops; AVAILABLE ones are skipped', async () => {
    const { host, requests } = await personalHost(smallEstate(), { enableWrites: true });
    const result = await call<Outcome>(host, TOOL, {
      workspaceIds: ['ws-stopped01', 'ws-manual001', 'ws-avail0001'],
      confirm: true,
    });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 2, skipped: 1 } });
    expect(result.targets.find((t) => t.id === 'ws-avail0001')?.message).toBe(
      'cannot start a desktop in AVAILABLE; only STOPPED desktops start.',
    );
    expect(requests.filter((r) => r.operation === 'StartWorkspaces')).toHaveLength(1);
  });

  it('when the only batch fails with throttling, every target is failed, none reported ok', {
    timeout: 20_000,
  }, async () => {
    const { host } = await personalHost(smallEstate(), {
      enableWrites: true,
      overrides: {
        StartWorkspaces: () => {
          throw awsError('ThrottlingException', 'Rate exceeded');
        },
      },
    });
    const result = await call<Outcome>(host, TOOL, {
      workspaceIds: ['ws-stopped01', 'ws-manual001'],
      confirm: true,
    });
    expect(result).toMatchObject({ status: 'failed', counts: { ok: 0, failed: 2 } });
    expect(result.targets.map((t) => t.code)).toEqual(['ThrottlingException', 'ThrottlingException']);
  });
});
