import { describe, expect, it } from 'vitest';
import { createEstateSnapshot, serviceOfAction } from './estate-snapshot.js';

function clock(start = Date.parse('2026-11-01T09:00:00Z')) {
  let at = start;
  return { now: () => new Date(at), advance: (seconds: number) => (at += seconds * 1000) };
}

const LIST = 'workspaces:DescribeWorkspaces';

describe('estate snapshot', () => {
  it('keeps a scan for the TTL by the tool clock, then scans again', async () => {
    const time = clock();
    const snapshot = createEstateSnapshot({ now: time.now, ttlSeconds: 300 });
    let scans = 0;
    const fetch = async () => ++scans;
    expect(await snapshot.read(LIST, 'k', { fresh: false }, fetch)).toMatchObject({
      value: 1,
      reused: false,
    });
    time.advance(299);
    expect(await snapshot.read(LIST, 'k', { fresh: false }, fetch)).toMatchObject({ value: 1, reused: true });
    time.advance(1);
    expect(await snapshot.read(LIST, 'k', { fresh: false }, fetch)).toMatchObject({
      value: 2,
      reused: false,
    });
  });

  it('a fresh read scans again and replaces what was kept', async () => {
    const time = clock();
    const snapshot = createEstateSnapshot({ now: time.now });
    let scans = 0;
    const fetch = async () => ++scans;
    await snapshot.read(LIST, 'k', { fresh: false }, fetch);
    expect((await snapshot.read(LIST, 'k', { fresh: true }, fetch)).value).toBe(2);
    expect(await snapshot.read(LIST, 'k', { fresh: false }, fetch)).toMatchObject({ value: 2, reused: true });
  });

  it('concurrent readers share one scan in flight, and none of them counts it as old data', async () => {
    const snapshot = createEstateSnapshot({ now: clock().now });
    let scans = 0;
    let release: (n: number) => void = () => undefined;
    const fetch = () => {
      scans += 1;
      return new Promise<number>((resolve) => {
        release = resolve;
      });
    };
    const first = snapshot.read(LIST, 'k', { fresh: false }, fetch);
    const second = snapshot.read(LIST, 'k', { fresh: false }, fetch);
    release(7);
    expect(await first).toMatchObject({ value: 7, reused: false });
    expect(await second).toMatchObject({ value: 7, reused: false });
    expect(scans).toBe(1);
  });

  it('a failed scan is not kept: the next reader scans again', async () => {
    const snapshot = createEstateSnapshot({ now: clock().now });
    await expect(
      snapshot.read(LIST, 'k', { fresh: false }, async () => {
        throw new Error('AccessDenied');
      }),
    ).rejects.toThrow('AccessDenied');
    expect(snapshot.size).toBe(0);
    expect((await snapshot.read(LIST, 'k', { fresh: false }, async () => 'ok')).value).toBe('ok');
  });

  it('a write drops the scans of its services only, in every account and region', async () => {
    const snapshot = createEstateSnapshot({ now: clock().now });
    await snapshot.read(LIST, 'list:workspaces:111:us-east-1', { fresh: false }, async () => 1);
    await snapshot.read(LIST, 'list:workspaces:222:eu-west-1', { fresh: false }, async () => 1);
    await snapshot.read('ec2:DescribeInstances', 'list:ec2:111:us-east-1', { fresh: false }, async () => 1);
    expect(snapshot.invalidate(['workspaces'])).toBe(2);
    expect(snapshot.size).toBe(1);
    snapshot.clear();
    expect(snapshot.size).toBe(0);
  });

  it('a scan dropped while in flight is not kept when it lands', async () => {
    const snapshot = createEstateSnapshot({ now: clock().now });
    let release: (n: number) => void = () => undefined;
    const pending = snapshot.read(
      LIST,
      'k',
      { fresh: false },
      () =>
        new Promise<number>((resolve) => {
          release = resolve;
        }),
    );
    snapshot.invalidate(['workspaces']);
    release(1);
    await pending;
    expect((await snapshot.read(LIST, 'k', { fresh: false }, async () => 2)).value).toBe(2);
  });

  it('holds at most maxEntries scans, dropping the least recently read', async () => {
    const snapshot = createEstateSnapshot({ now: clock().now, maxEntries: 2 });
    await snapshot.read(LIST, 'a', { fresh: false }, async () => 'a1');
    await snapshot.read(LIST, 'b', { fresh: false }, async () => 'b1');
    await snapshot.read(LIST, 'a', { fresh: false }, async () => 'a2'); // a is now the most recent
    await snapshot.read(LIST, 'c', { fresh: false }, async () => 'c1');
    expect(snapshot.size).toBe(2);
    expect((await snapshot.read(LIST, 'a', { fresh: false }, async () => 'a3')).value).toBe('a1');
    expect((await snapshot.read(LIST, 'b', { fresh: false }, async () => 'b2')).value).toBe('b2');
  });

  it('TTL 0 turns it off: every read scans and nothing is kept', async () => {
    const snapshot = createEstateSnapshot({ now: clock().now, ttlSeconds: 0 });
    let scans = 0;
    await snapshot.read(LIST, 'k', { fresh: false }, async () => ++scans);
    await snapshot.read(LIST, 'k', { fresh: false }, async () => ++scans);
    expect(scans).toBe(2);
    expect(snapshot.size).toBe(0);
  });

  it('names the service of an IAM action by its prefix', () => {
    expect(serviceOfAction('workspaces-web:ListPortals')).toBe('workspaces-web');
    expect(serviceOfAction('EC2:DescribeInstances')).toBe('ec2');
  });
});
