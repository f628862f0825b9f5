import { describe, expect, it } from 'vitest';
import { HEARTBEAT_REQUESTS, heartbeatValue, progressChannel } from './progress.js';

function recorded() {
  const sent: [number, number | undefined, string | undefined][] = [];
  return { sent, channel: progressChannel((done, total, message) => sent.push([done, total, message])) };
}

describe('progressChannel', () => {
  it('sends a heartbeat every 25 AWS requests while the tool reports nothing', () => {
    const { sent, channel } = recorded();
    for (let count = 1; count <= 2 * HEARTBEAT_REQUESTS + 3; count++) channel.requestSent(count);
    expect(sent).toEqual([
      [heartbeatValue(25), undefined, '25 AWS requests so far'],
      [heartbeatValue(50), undefined, '50 AWS requests so far'],
    ]);
    expect(heartbeatValue(25)).toBeLessThan(heartbeatValue(50));
    expect(heartbeatValue(1_000_000)).toBeLessThan(1);
  });

  it("passes a tool's own progress through and then sends no heartbeat", () => {
    const { sent, channel } = recorded();
    channel.report(0, 4, 'us-east-1');
    for (let count = 1; count <= 60; count++) channel.requestSent(count);
    channel.report(1, 4, 'eu-west-1');
    expect(sent).toEqual([
      [0, 4, 'us-east-1'],
      [1, 4, 'eu-west-1'],
    ]);
  });

  it("keeps a tool's steps and total after heartbeats, and the value increasing", () => {
    const { sent, channel } = recorded();
    for (let count = 1; count <= 50; count++) channel.requestSent(count);
    channel.report(1, 20, 'us-east-1');
    channel.report(2, 20, 'eu-west-1');
    expect(sent.slice(2)).toEqual([
      [1, 20, 'us-east-1'],
      [2, 20, 'eu-west-1'],
    ]);
  });

  it('sends a step 0 after heartbeats as a little more than the last value, the step in the message', () => {
    const { sent, channel } = recorded();
    for (let count = 1; count <= 25; count++) channel.requestSent(count);
    channel.report(0, 4, 'starting');
    const [heartbeat, step] = sent;
    expect(step?.[0]).toBeGreaterThan(heartbeat?.[0] ?? 1);
    expect(step?.slice(1)).toEqual([undefined, 'starting (0/4)']);
  });
});
