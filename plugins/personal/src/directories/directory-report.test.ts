import { describe, expect, it } from 'vitest';
import { shareAdvice } from './directory-report.js';

const finding = (id: string, detail: string, nextStep?: string) => ({
  id,
  severity: 'warning' as const,
  title: `${id} title`,
  detail,
  ...(nextStep ? { nextStep } : {}),
});

describe('shareAdvice', () => {
  it('states a detail every row shares once, and keeps a detail that differs per directory in its row', () => {
    const rows = [
      {
        directoryId: 'd-1',
        findings: [finding('no-ip-group', 'Any IP.', 'Add one.'), finding('ds-stage', 'DNS down')],
      },
      {
        directoryId: 'd-2',
        findings: [finding('no-ip-group', 'Any IP.', 'Add one.'), finding('ds-stage', 'Failed')],
      },
    ];
    const { rows: paged, advice } = shareAdvice(rows);
    expect(advice).toEqual({ 'no-ip-group': { detail: 'Any IP.', nextStep: 'Add one.' } });
    expect(paged[0]?.findings).toEqual([
      { id: 'no-ip-group', severity: 'warning', title: 'no-ip-group title' },
      finding('ds-stage', 'DNS down'),
    ]);
    expect(paged[1]?.directoryId).toBe('d-2');
  });
});
