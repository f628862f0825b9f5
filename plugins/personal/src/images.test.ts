import { describe, expect, it } from 'vitest';
import { imageFacts, imageFindings } from './images.js';

const now = new Date('2026-06-17T12:00:00Z');

describe('image audit rules', () => {
  it('computes age in whole days and flags images older than the threshold, not at it', () => {
    const at = imageFacts(
      { ImageId: 'wsi-a', State: 'AVAILABLE', Created: new Date('2025-12-19T12:00:00Z') },
      true,
      now,
      [],
    );
    expect(at.ageDays).toBe(180);
    expect(imageFindings(at, 180)).toEqual([]);
    const over = imageFacts(
      { ImageId: 'wsi-a', State: 'AVAILABLE', Created: new Date('2025-12-18T12:00:00Z') },
      true,
      now,
      [],
    );
    expect(imageFindings(over, 180)).toEqual([
      expect.objectContaining({ severity: 'info', issue: expect.stringContaining('181 days old') }),
    ]);
  });

  it('an ERROR image is a warning with its error; sharing in and out is info', () => {
    const broken = imageFacts(
      { ImageId: 'wsi-b', State: 'ERROR', ErrorCode: 'X', ErrorMessage: 'bad' },
      true,
      now,
      null,
    );
    expect(imageFindings(broken, 180)).toEqual([
      {
        imageId: 'wsi-b',
        severity: 'warning',
        issue: 'Image is in ERROR (X: bad); it cannot be used for bundles.',
      },
    ]);
    const shared = imageFacts(
      { ImageId: 'wsi-c', State: 'AVAILABLE', OwnerAccountId: '111122223333' },
      false,
      now,
      null,
    );
    expect(imageFindings(shared, 180).map((f) => f.issue)).toEqual([
      'Shared with this account by 111122223333.',
    ]);
    const out = imageFacts({ ImageId: 'wsi-d', State: 'AVAILABLE' }, true, now, ['444455556666']);
    expect(imageFindings(out, 180).map((f) => f.issue)).toEqual(['Shared with 1 account(s): 444455556666.']);
  });
});
