import { describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../mcp/call-log.js';
import { createCallCorrelation } from './call-correlation.js';

const entry = (tool: string): CallLogEntry => ({ tool, outcome: 'ok', durationMs: 1 });

describe('createCallCorrelation', () => {
  it('gives each request the calls reported from inside it, even when requests overlap', async () => {
    const forwarded: string[] = [];
    const correlation = createCallCorrelation((call) => forwarded.push(call.tool));
    const first: CallLogEntry[] = [];
    const second: CallLogEntry[] = [];
    const later = (tool: string, ms: number) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          correlation.onCall(entry(tool));
          resolve();
        }, ms),
      );
    await Promise.all([
      correlation.collect(first, () => later('slow', 20)),
      correlation.collect(second, () => later('fast', 1)),
    ]);
    expect(first.map((call) => call.tool)).toEqual(['slow']);
    expect(second.map((call) => call.tool)).toEqual(['fast']);
    expect(forwarded.sort()).toEqual(['fast', 'slow']);
  });

  it('drops nothing and attributes nothing when a call is reported outside any request', () => {
    const forwarded: string[] = [];
    const correlation = createCallCorrelation((call) => forwarded.push(call.tool));
    expect(() => correlation.onCall(entry('stdio'))).not.toThrow();
    expect(forwarded).toEqual(['stdio']);
  });
});
