import type { Image } from '@aws-sdk/client-appstream';
import { describe, expect, it } from 'vitest';
import { byImpact, judgeImage, STALE_BASE_DAYS } from './audit.js';

const NOW = new Date('2026-11-16T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

function image(extra: Partial<Image> = {}): Image {
  return {
    Name: 'apps-2026-10-01',
    Arn: 'arn:aws:appstream:us-east-1:111122223333:image/apps-2026-10-01',
    State: 'AVAILABLE',
    Visibility: 'PRIVATE',
    AppstreamAgentVersion: 'LATEST',
    LatestAppstreamAgentVersion: 'TRUE',
    PublicBaseImageReleasedDate: daysAgo(30),
    ...extra,
  };
}

describe('judgeImage', () => {
  it('a current image on the latest agent has nothing to say', () => {
    expect(judgeImage(image(), [], 2, NOW)).toBeUndefined();
  });

  it('a pinned agent and a base older than 180 days warn when a fleet streams the image, inform otherwise', () => {
    const old = image({
      AppstreamAgentVersion: '1.1.1200',
      LatestAppstreamAgentVersion: 'FALSE',
      PublicBaseImageReleasedDate: daysAgo(STALE_BASE_DAYS + 1),
    });
    expect(judgeImage(old, [], 3, NOW)).toMatchObject({
      severity: 'warning',
      issues: ['agent pinned 1.1.1200', 'base 181 d old'],
      pinnedAgent: true,
      staleBase: true,
    });
    expect(judgeImage(old, [], 0, NOW)?.severity).toBe('info');
    // Exactly 180 days is not yet stale.
    expect(judgeImage(image({ PublicBaseImageReleasedDate: daysAgo(180) }), [], 1, NOW)).toBeUndefined();
  });

  it('a FAILED image with errors warns with its reason code; a PENDING one informs', () => {
    const failed = image({
      State: 'FAILED',
      StateChangeReason: { Code: 'IMAGE_BUILDER_NOT_AVAILABLE' },
      ImageErrors: [{ ErrorCode: 'INTERNAL_SERVICE_ERROR' }, { ErrorCode: 'INTERNAL_SERVICE_ERROR' }],
    });
    expect(judgeImage(failed, [], 0, NOW)).toMatchObject({
      severity: 'warning',
      issues: ['FAILED (IMAGE_BUILDER_NOT_AVAILABLE)', 'errors: INTERNAL_SERVICE_ERROR'],
    });
    expect(judgeImage(image({ State: 'PENDING' }), [], 0, NOW)).toMatchObject({
      severity: 'info',
      issues: ['PENDING'],
    });
  });

  it('sharing out names the accounts (three at most); an image shared in names its owner and is not ours to patch', () => {
    const shares = ['444455556666', '777788889999', '121212121212', '343434343434'].map((id, i) => ({
      sharedAccountId: id,
      imagePermissions: { allowFleet: true, allowImageBuilder: i === 0 },
    }));
    expect(judgeImage(image(), shares, 0, NOW)?.issues).toEqual([
      'shared with 4: 444455556666 (fleet+builder), 777788889999, 121212121212, …',
    ]);
    const sharedIn = image({
      Visibility: 'SHARED',
      Arn: 'arn:aws:appstream:us-east-1:444455556666:image/erp',
      AppstreamAgentVersion: '1.1.1200',
      PublicBaseImageReleasedDate: daysAgo(400),
      ImagePermissions: { allowFleet: true, allowImageBuilder: false },
    });
    expect(judgeImage(sharedIn, [], 1, NOW)).toMatchObject({
      severity: 'info',
      issues: ['shared in from 444455556666 (allows fleets)'],
      pinnedAgent: false,
      staleBase: false,
    });
  });

  it('ranks worst first, then by fleets streaming, then by name', () => {
    const verdicts = [
      judgeImage(image({ Name: 'b', State: 'PENDING' }), [], 0, NOW),
      judgeImage(image({ Name: 'a', AppstreamAgentVersion: '1.0' }), [], 1, NOW),
      judgeImage(image({ Name: 'c', AppstreamAgentVersion: '1.0' }), [], 4, NOW),
    ].flatMap((v) => (v ? [v] : []));
    expect(verdicts.sort(byImpact).map((v) => v.name)).toEqual(['c', 'a', 'b']);
  });
});
