import { describe, expect, it } from 'vitest';
import { accessLogLine } from './access-log.js';

describe('accessLogLine', () => {
  it('stamps the start time, rounds the duration and omits what is unknown', () => {
    const line = accessLogLine({
      startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
      endedAt: Date.UTC(2026, 0, 2, 3, 4, 5) + 41.6,
      method: 'GET',
      path: '/healthz',
      status: 200,
      principal: undefined,
    });
    expect(line).toEqual({
      ts: '2026-01-02T03:04:05.000Z',
      method: 'GET',
      path: '/healthz',
      status: 200,
      durationMs: 42,
    });
    expect(Object.keys(line)).not.toContain('principal');
  });

  it('carries who, which tool, its tier and how the call ended', () => {
    const line = accessLogLine({
      startedAt: 0,
      endedAt: 5,
      method: 'POST',
      path: '/mcp',
      status: 200,
      principal: 'alice',
      rpcMethod: 'tools/call',
      tool: 'describe_workspaces',
      tier: 1,
      outcome: 'error',
    });
    expect(line).toMatchObject({
      principal: 'alice',
      tool: 'describe_workspaces',
      tier: 1,
      outcome: 'error',
    });
  });
});
