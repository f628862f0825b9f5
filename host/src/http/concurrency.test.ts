import { describe, expect, it } from 'vitest';
import { busyResponse, createCallLimiter } from './concurrency.js';

describe('createCallLimiter', () => {
  it('grants up to the limit, refuses the next without reserving, and frees on release', () => {
    const limiter = createCallLimiter(2);
    expect(limiter.tryAcquire(1)).toBe(true);
    expect(limiter.tryAcquire(1)).toBe(true);
    expect(limiter.tryAcquire(1)).toBe(false);
    expect(limiter.inFlight).toBe(2);
    limiter.release(1);
    expect(limiter.tryAcquire(1)).toBe(true);
  });
  it('always admits a request carrying no tool call', () => {
    const limiter = createCallLimiter(1);
    limiter.tryAcquire(1);
    expect(limiter.tryAcquire(0)).toBe(true);
  });
  it('refuses a batch that would overshoot even when one slot is free', () => {
    const limiter = createCallLimiter(2);
    limiter.tryAcquire(1);
    expect(limiter.tryAcquire(2)).toBe(false);
    expect(limiter.inFlight).toBe(1);
  });
  it('rejects a limit below 1', () => {
    expect(() => createCallLimiter(0)).toThrow(/--max-concurrent-calls/);
  });
});

describe('busyResponse', () => {
  it('is a 503 with Retry-After and the JSON-RPC busy error for the request id', async () => {
    const response = busyResponse(7, 8, 8);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32000, message: 'Server busy: 8 tool calls already running (limit 8); retry shortly' },
    });
  });
});
