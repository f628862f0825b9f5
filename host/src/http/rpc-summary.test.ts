import { describe, expect, it } from 'vitest';
import { summariseRpcBody } from './rpc-summary.js';

describe('summariseRpcBody', () => {
  it('names the method, tool and id of a tools/call', () => {
    const body = {
      jsonrpc: '2.0',
      id: 4,
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'x' } },
    };
    expect(summariseRpcBody(body)).toEqual({ rpcMethod: 'tools/call', tool: 'echo', toolCalls: 1, id: 4 });
  });
  it('counts every tools/call request in a batch but not notifications', () => {
    const call = { jsonrpc: '2.0', method: 'tools/call', params: { name: 'a' } };
    const body = [{ ...call, id: 1 }, { ...call, id: 2 }, call];
    expect(summariseRpcBody(body).toolCalls).toBe(2);
  });
  it('survives junk without inventing a method', () => {
    expect(summariseRpcBody(undefined)).toEqual({ toolCalls: 0, id: null });
    expect(summariseRpcBody([1, 'x'])).toEqual({ toolCalls: 0, id: null });
  });
});
