import { describe, expect, it } from 'vitest';
import { closestName, didYouMean, editDistance } from './suggest.js';

describe('did you mean (issue 16, point 3)', () => {
  it('counts single-character edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
  it('suggests a close name and stays quiet for a far one', () => {
    expect(closestName('find_workspace', ['find_workspaces', 'find_pools'])).toBe('find_workspaces');
    expect(didYouMean('--enable-write', ['--enable-writes', '--demo'], '')).toBe(
      ' Did you mean --enable-writes?',
    );
    expect(didYouMean('deploy', ['serve', 'tools', 'iam-policy', 'call'])).toBe('');
  });
});
