import { describe, expect, it } from 'vitest';
import { runningBuilders } from './builders.js';

const NOW = new Date('2026-11-16T12:00:00Z');

describe('running builders', () => {
  it('lists RUNNING image and app block builders created at least 2 hours ago (AS2CO notifies at 2 h)', () => {
    const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
    const listed = runningBuilders(
      [
        { Name: 'old', State: 'RUNNING', InstanceType: 'stream.standard.large', CreatedTime: hoursAgo(26) },
        { Name: 'fresh', State: 'RUNNING', CreatedTime: hoursAgo(1) },
        { Name: 'stopped', State: 'STOPPED', CreatedTime: hoursAgo(500) },
        { Name: 'updating', State: 'UPDATING_AGENT', CreatedTime: hoursAgo(500) },
      ],
      [
        {
          Arn: 'arn:aws:appstream:us-east-1:111122223333:app-block-builder/packager',
          Name: 'packager',
          Platform: 'WINDOWS_SERVER_2019',
          InstanceType: 'stream.standard.large',
          VpcConfig: {},
          State: 'RUNNING',
          CreatedTime: hoursAgo(2),
        },
      ],
      NOW,
    );
    expect(listed.map((b) => [b.name, b.kind, Math.round(b.hoursSinceCreated)])).toEqual([
      ['old', 'Image builder', 26],
      ['packager', 'App block builder', 2],
    ]);
  });
});
