import type { Workspace } from '@aws-sdk/client-workspaces';
import { AD, desktop, type Estate, IMPAIRED_AD, smallEstate, WSD } from './estate.js';

/** A deterministic estate of `count` desktops over 4 directories, for scale and call-count tests. */
export function generatedEstate(count: number, seed = 7): Estate {
  let s = seed;
  const next = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  const base = smallEstate();
  const dirs = [AD, WSD, IMPAIRED_AD];
  const states: Workspace['State'][] = [
    'AVAILABLE',
    'AVAILABLE',
    'AVAILABLE',
    'STOPPED',
    'STOPPED',
    'UNHEALTHY',
    'ERROR',
  ];
  const modes = ['AUTO_STOP', 'AUTO_STOP', 'ALWAYS_ON'] as const;
  const workspaces = Array.from({ length: count }, (_, i) => {
    const id = `ws-gen${String(i).padStart(6, '0')}`;
    const compute = next() < 0.05 ? 'GRAPHICS_G4DN' : 'STANDARD';
    return desktop(
      id,
      states[Math.floor(next() * states.length)],
      modes[Math.floor(next() * modes.length)] ?? 'AUTO_STOP',
      `user${i}`,
      dirs[i % dirs.length] ?? AD,
      { RootVolumeEncryptionEnabled: next() < 0.8 },
      compute,
    );
  });
  return {
    ...base,
    workspaces,
    connection: new Map(),
    metric: (workspaceId, metricName) => {
      const n = Number(workspaceId.slice(6));
      if (metricName === 'CPUUsage') return n % 100;
      if (metricName === 'MemoryUsage') return (n * 7) % 100;
      return 1;
    },
  };
}

/** `count` desktops all in `state` with `mode`, ids ws-uni000000…, for batch-write tests. */
export function uniformEstate(
  count: number,
  state: Workspace['State'],
  mode: 'AUTO_STOP' | 'ALWAYS_ON' = 'AUTO_STOP',
): Estate {
  const estate = smallEstate();
  estate.workspaces = Array.from({ length: count }, (_, i) =>
    desktop(`ws-uni${String(i).padStart(6, '0')}`, state, mode, `user${i}`, AD),
  );
  return estate;
}
