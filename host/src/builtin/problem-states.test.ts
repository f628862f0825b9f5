import { describe, expect, it } from 'vitest';
import { isProblemState, problemCountsPhrase, stateCountsPhrase } from './problem-states.js';

describe('problem states', () => {
  it('recognises the error, failure and attention states of every EUC service, not busy ones', () => {
    for (const state of [
      'ERROR',
      'IMPAIRED',
      'UNHEALTHY',
      'SUSPENDED',
      'FAILED',
      'ERROR_ALLOCATING',
      'Incomplete',
    ])
      expect(isProblemState(state)).toBe(true);
    for (const state of ['AVAILABLE', 'STOPPED', 'REBOOTING', 'PENDING', 'RUNNING', 'ALLOCATED', 'Active'])
      expect(isProblemState(state)).toBe(false);
  });

  it('keeps the three commonest fine states and adds every problem state, however few', () => {
    const byState = {
      AVAILABLE: 6000,
      STOPPED: 3000,
      REBOOTING: 20,
      STARTING: 12,
      UNHEALTHY: 150,
      ERROR: 7,
      SUSPENDED: 3,
    };
    expect(stateCountsPhrase(byState)).toBe(
      '6000 AVAILABLE, 3000 STOPPED, 20 REBOOTING; needs attention: 150 UNHEALTHY, 7 ERROR, 3 SUSPENDED',
    );
    expect(stateCountsPhrase({ AVAILABLE: 4 })).toBe('4 AVAILABLE');
    expect(stateCountsPhrase({ FAILED: 1 })).toBe('needs attention: 1 FAILED');
    expect(problemCountsPhrase({ AVAILABLE: 9, IMPAIRED: 0 })).toBe('');
  });
});
