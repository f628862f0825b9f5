import { describe, expect, it } from 'vitest';
import { HEARTBEAT_REQUESTS, progressChannel } from './progress.js';

function recorded() {
  const sent: [number, number | undefined, string | undefined][] = [];
  return { sent, channel: progressChannel((done, total, message) => sent.push([done, total, message])) };
}

describe('progressChannel', () => {
  it('sends a heartbeat every 25 AWS requests while the tool reports nothing', () => {
    const { sent, channel } = recorded();
    for (let count = 1; count <= 2 * HEARTBEAT_REQUESTS + 3; count++) channel.requestSent(count);
    expect(sent).toEqual([
      [25, undefined, '25 AWS requests so far'],
      [50, undefined, '50 AWS requests so far'],
    ]);
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

  it('keeps the value increasing when a tool reports after heartbeats, its step in the message', () => {
    const { sent, channel } = recorded();
    for (let count = 1; count <= 50; count++) channel.requestSent(count);
    channel.report(3, 20, 'scopes read');
    channel.report(4, 20, 'scopes read');
    channel.report(60, undefined, undefined);
    expect(sent.map(([done]) => done)).toEqual([25, 50, 51, 52, 60]);
    expect(sent[2]).toEqual([51, undefined, 'scopes read (3/20)']);
  });
});
