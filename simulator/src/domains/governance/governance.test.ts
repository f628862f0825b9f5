import { describe, expect, it } from 'vitest';
import { generateEstate } from '../../estate.js';
import { DAY_MS } from '../../model.js';
import { EUC_EVENT_SOURCES } from './trail-templates.js';

const euc = new Set<string>(Object.values(EUC_EVENT_SOURCES));

describe('the governance part of the estate', () => {
  it('is the same for the same seed, and different for another', () => {
    const a = generateEstate({ seed: 21, desktops: 80 }).governance;
    const b = generateEstate({ seed: 21, desktops: 80 }).governance;
    const c = generateEstate({ seed: 22, desktops: 80 }).governance;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('keeps a few hundred events per location, growing mildly with the estate, mostly EUC', {
    timeout: 30_000,
  }, () => {
    const small = generateEstate({ seed: 1, desktops: 100 });
    const large = generateEstate({ seed: 1, desktops: 1500 });
    const perLocation = (e: typeof small) => e.governance.trail.filter((t) => t.region === 'us-east-1');
    const smallTrail = perLocation(small);
    const largeTrail = perLocation(large);
    expect(smallTrail.length).toBeGreaterThanOrEqual(200);
    expect(largeTrail.length).toBeGreaterThan(smallTrail.length);
    expect(largeTrail.length).toBeLessThan(smallTrail.length * 5);
    const eucShare = smallTrail.filter((t) => euc.has(t.event.EventSource ?? '')).length / smallTrail.length;
    expect(eucShare).toBeGreaterThan(0.45);
    expect(eucShare).toBeLessThan(0.75);
    const oldest = Math.min(...smallTrail.map((t) => t.timeMs));
    expect(oldest).toBeGreaterThan(small.settings.now.getTime() - 90 * DAY_MS);
  });

  it('names desktops of the estate in WorkSpaces events (terminations aside: those desktops are gone)', () => {
    const estate = generateEstate({ seed: 2, desktops: 120 });
    const ids = new Set(estate.personal.desktops.map((d) => d.workspace.WorkspaceId));
    const named = estate.governance.trail.flatMap((t) =>
      t.event.EventName === 'TerminateWorkspaces'
        ? []
        : (t.event.Resources ?? []).filter((r) => r.ResourceType === 'AWS::WorkSpaces::Workspace'),
    );
    expect(named.length).toBeGreaterThan(20);
    expect(named.every((r) => ids.has(r.ResourceName))).toBe(true);
  });
});
