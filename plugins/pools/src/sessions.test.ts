import { describe, expect, it } from 'vitest';
import { ipMatches, matchesSession, type SessionRow } from './sessions.js';

const row: SessionRow = {
  sessionId: 's-1',
  user: 'Jane.Doe@example.com',
  state: 'NOT_CONNECTED',
  ip: '10.0.5.77',
  poolId: 'wspool-abcdefghi',
  region: 'us-east-1',
};

describe('ipMatches', () => {
  it('matches an exact address, a dotted prefix and a CIDR', () => {
    expect(ipMatches('10.0.5.77', '10.0.5.77')).toBe(true);
    expect(ipMatches('10.0.5.77', '10.0.5.7')).toBe(false);
    expect(ipMatches('10.0.5.77', '10.0.5.')).toBe(true);
    expect(ipMatches('10.0.5.77', '10.0.4.0/23')).toBe(true);
    expect(ipMatches('10.0.5.77', '10.0.5.96/27')).toBe(false);
    expect(ipMatches('10.0.5.77', '0.0.0.0/0')).toBe(true);
  });

  it('never matches a malformed CIDR or a session without an address', () => {
    expect(ipMatches('10.0.5.77', '10.0.5.0/33')).toBe(false);
    expect(ipMatches('10.0.5.77', 'ten/8')).toBe(false);
    expect(ipMatches(undefined, '10.0.5.')).toBe(false);
  });
});

describe('matchesSession', () => {
  it('needs every given filter: user part (any case), state and IP', () => {
    expect(matchesSession(row, { user: 'jane.doe' })).toBe(true);
    expect(matchesSession(row, { user: 'jane', state: 'CONNECTED' })).toBe(false);
    expect(matchesSession(row, { user: 'jane', state: 'NOT_CONNECTED', ip: '10.0.0.0/16' })).toBe(true);
    expect(matchesSession(row, {})).toBe(true);
  });
});
