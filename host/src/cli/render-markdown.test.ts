import { describe, expect, it } from 'vitest';
import { markdownTable, renderMarkdown } from './render-markdown.js';

describe('Markdown answers (issue 16, point 2)', () => {
  it('a tool-written markdown field is printed as is', () => {
    expect(renderMarkdown('t', { summary: 's', markdown: '# Report\n\nBody\n' })).toBe('# Report\n\nBody');
  });
  it('a table escapes pipes and newlines and right-aligns number columns', () => {
    expect(
      markdownTable([
        { id: 'a|b', n: 1, note: 'two\nlines' },
        { id: 'c', n: 20 },
      ]),
    ).toBe(['| id | n | note |', '|---|---:|---|', '| a\\|b | 1 | two lines |', '| c | 20 |  |'].join('\n'));
  });
  it('a write outcome reads as its summary, its counts and a table of targets', () => {
    const text = renderMarkdown('stop_workspaces', {
      tool: 'stop_workspaces',
      status: 'planned',
      dryRun: true,
      summary: 'Would stop 1 WorkSpace.',
      counts: { targets: 1, actionable: 1 },
      targets: [{ id: 'ws-1', action: 'stop', status: 'planned' }],
      warnings: [],
    });
    expect(text).toContain('Would stop 1 WorkSpace.');
    expect(text).toContain('- **counts**: targets 1, actionable 1');
    expect(text).toContain('| id | action | status |\n|---|---|---|\n| ws-1 | stop | planned |');
    expect(text).not.toContain('warnings');
  });
  it('nested objects holding rows get their own sections', () => {
    const text = renderMarkdown('t', { security: { critical: 2, findings: [{ id: 'f1' }] } });
    expect(text).toContain('- **security**: critical 2');
    expect(text).toContain('## security.findings\n\n| id |\n|---|\n| f1 |');
  });
});
