import { describe, expect, it } from 'vitest';
import { deleteSkip } from './tools/delete-core-managed-instance.js';
import { describeVolume, survivingVolumesWarning } from './volumes.js';

const root = {
  volumeId: 'vol-1',
  device: '/dev/sda1',
  deleteOnTermination: true,
  sizeGiB: 100,
  volumeType: 'gp3',
  encrypted: true,
};
const data = { volumeId: 'vol-2', device: 'xvdf', deleteOnTermination: false, sizeGiB: 200 };

describe('what a deletion does to the volumes', () => {
  it('a volume with DeleteOnTermination goes with the instance; one without is kept', () => {
    expect(describeVolume(root)).toBe('vol-1 /dev/sda1 100 GiB gp3 encrypted, deleted with the instance');
    expect(describeVolume(data)).toBe('vol-2 xvdf 200 GiB, KEPT (DeleteOnTermination=false)');
  });

  it('warns once with the kept volumes and their size; nothing when every volume goes', () => {
    expect(
      survivingVolumesWarning('wsinst-a', [root, data, { ...data, volumeId: 'vol-3', sizeGiB: 50 }]),
    ).toEqual([
      'wsinst-a: 2 volume(s) (250 GiB) survive the deletion and stay billed as EBS: vol-2, vol-3. Keep them for their data, or delete them in EC2 afterwards.',
    ]);
    expect(survivingVolumesWarning('wsinst-a', [root])).toEqual([]);
  });
});

describe('which states can be deleted', () => {
  it('in service and failed ones can; launching, releasing and released ones are skipped', () => {
    for (const state of ['ALLOCATED', 'ERROR_ALLOCATING', 'ERROR_DEALLOCATING'] as const)
      expect(deleteSkip(state)).toBeUndefined();
    expect(deleteSkip('ALLOCATING')).toContain('still launching');
    expect(deleteSkip('DEALLOCATING')).toBe('already being deleted');
    expect(deleteSkip('DEALLOCATED')).toContain('already deleted');
  });
});
