import { describe, expect, it } from 'vitest';
import { remediationLadder } from './remediation.js';

describe('remediation ladders', () => {
  it('UNHEALTHY: wait, reboot, check, and rebuild last', () => {
    const ladder = remediationLadder('UNHEALTHY', 'ALWAYS_ON', {
      lastRestore: undefined,
      lastRebuild: new Date('2026-06-17T00:00:00Z'),
    });
    expect(ladder.map((s) => s.tool)).toEqual([
      undefined,
      'reboot_workspaces',
      undefined,
      'rebuild_workspaces',
    ]);
    expect(ladder[0]?.step).toMatch(/^If it was started or rebooted/);
    expect(ladder[2]?.step).toContain('SkyLightWorkSpacesConfigService');
    expect(ladder[3]?.step).toContain('Only as a last resort');
  });

  it('IMPAIRED: stop/start only for AutoStop, then escalate', () => {
    expect(remediationLadder('IMPAIRED', 'AUTO_STOP', undefined).map((s) => s.tool)).toEqual([
      'stop_workspaces',
      undefined,
    ]);
    expect(remediationLadder('IMPAIRED', 'ALWAYS_ON', undefined)).toHaveLength(1);
  });

  it('ERROR: read the error, restore, rebuild last, Support case; each says what it loses', () => {
    const ladder = remediationLadder('ERROR', 'AUTO_STOP', undefined);
    expect(ladder.map((s) => s.tool)).toEqual([
      undefined,
      'restore_workspace',
      'rebuild_workspaces',
      undefined,
    ]);
    expect(ladder[1]?.step).toContain('anything written since is lost');
    expect(ladder[2]?.step).toContain('files written since are lost');
    expect(ladder[3]?.step).toContain('Do not terminate it');
  });

  it('ERROR without snapshots: terminate only when no use is recorded; any use, or an unread lookup, gets a Support case', () => {
    const none = { lastRestore: undefined, lastRebuild: undefined };
    const tools = (use: Parameters<typeof remediationLadder>[3]) =>
      remediationLadder('ERROR', 'AUTO_STOP', none, use).map((s) => s.tool);
    expect(tools({ use: { lastUserConnection: null, recentConnections: null } })).toEqual([
      undefined,
      'terminate_workspaces',
    ]);
    const connected = new Date('2026-11-10T09:00:00Z');
    for (const use of [
      { lastUserConnection: connected, recentConnections: null },
      { lastUserConnection: null, recentConnections: 3 },
      { lastUserConnection: undefined, recentConnections: 0 },
      { lastUserConnection: null, recentConnections: undefined },
    ])
      expect(tools({ use })).toEqual([undefined, undefined]);
    expect(tools({})).toEqual([undefined, undefined]);
    const step = remediationLadder('ERROR', 'ALWAYS_ON', none, {
      use: { lastUserConnection: connected, recentConnections: 0 },
    })[1]?.step;
    expect(step).toContain('last connected 2026-11-10T09:00:00.000Z');
    expect(step).toContain('no snapshot to restore or rebuild from');
    expect(step).toContain('deletes the root and user volumes permanently');
    // A snapshot proves the desktop ran: no terminate even with no recorded connection.
    expect(
      remediationLadder(
        'ERROR',
        'AUTO_STOP',
        { lastRestore: undefined, lastRebuild: connected },
        { use: { lastUserConnection: null, recentConnections: 0 } },
      ).map((s) => s.tool),
    ).toEqual([undefined, 'rebuild_workspaces', undefined]);
  });

  it('a rebuild rung warns when the directory has no address to give the rebuilt desktop', () => {
    const rebuild = (freeIps?: number) =>
      remediationLadder('UNHEALTHY', 'ALWAYS_ON', undefined, freeIps === undefined ? {} : { freeIps }).at(-1)
        ?.step;
    expect(rebuild(3)).toContain('only 3: free addresses first');
    expect(rebuild(300)).not.toContain('free addresses first');
    expect(rebuild()).toContain('new private IP');
  });
});
