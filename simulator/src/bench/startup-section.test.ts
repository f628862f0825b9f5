import { describe, expect, it } from 'vitest';
import { startupSectionOf, withStartupSection } from './startup-section.js';

describe('the start-up section of docs/benchmarks.md', () => {
  it('is appended once, then replaced in place, and found again by the tool benchmark', () => {
    const first = withStartupSection('# Benchmarks\n\ntools table\n', 'startup v1');
    expect(first).toContain('tools table');
    const second = withStartupSection(first, 'startup v2');
    expect(second).not.toContain('startup v1');
    expect(second.match(/startup benchmark: begin/g)).toHaveLength(1);
    expect(startupSectionOf(second)).toContain('startup v2');
    expect(startupSectionOf('# Benchmarks')).toBeUndefined();
  });
});
