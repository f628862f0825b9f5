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

  it('ERROR: read the error, restore, rebuild last', () => {
    expect(remediationLadder('ERROR', 'AUTO_STOP', undefined).map((s) => s.tool)).toEqual([
      undefined,
      'restore_workspace',
      'rebuild_workspaces',
    ]);
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
