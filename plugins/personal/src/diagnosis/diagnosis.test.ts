import { describe, expect, it } from 'vitest';
import type { WorkspaceFacts } from '../facts.js';
import { diagnoseWorkspace } from './diagnosis.js';
import { rankFindings } from './weighted-findings.js';

const now = new Date('2026-06-17T12:00:00Z');
const workspace = (over: Partial<WorkspaceFacts> = {}): WorkspaceFacts => ({
  workspaceId: 'ws-test00001',
  state: 'AVAILABLE',
  runningMode: 'AUTO_STOP',
  protocols: ['PCOIP'],
  modifications: [],
  related: [],
  ...over,
});
const ids = (findings: readonly { id: string }[]) => findings.map((f) => f.id);

describe('diagnoseWorkspace', () => {
  const base = { connection: undefined, directory: undefined, snapshots: undefined, metrics: undefined, now };

  it('a deregistered directory outranks an UNHEALTHY desktop: both critical, the directory blocks everything', () => {
    const findings = rankFindings(
      diagnoseWorkspace({
        ...base,
        workspace: workspace({ state: 'UNHEALTHY' }),
        directory: {
          directoryId: 'd-1234567890',
          registration: 'DEREGISTERED',
          ds: { kind: 'stage', stage: 'Active' },
          ipGroupIds: [],
        },
      }),
    );
    expect(ids(findings)).toEqual(['directory.not-registered', 'state.unhealthy']);
  });

  it('some failed connections are a warning; all of at least 3 failing is critical', () => {
    const metrics = (attempts: number, failures: number) => ({
      lookbackHours: 24,
      attempts,
      failures,
      latencyMs: null,
      launchSeconds: null,
    });
    const some = diagnoseWorkspace({ ...base, workspace: workspace(), metrics: metrics(10, 2) });
    expect(some).toEqual([
      expect.objectContaining({
        id: 'connection.failures',
        severity: 'warning',
        title: '2 of 10 connection attempts failed in the last 24 h',
      }),
    ]);
    const all = diagnoseWorkspace({ ...base, workspace: workspace(), metrics: metrics(3, 3) });
    expect(all[0]?.severity).toBe('critical');
    const two = diagnoseWorkspace({ ...base, workspace: workspace(), metrics: metrics(2, 2) });
    expect(two[0]?.severity).toBe('warning');
  });

  it('flags latency from 250 ms and launches from 60 s, not below', () => {
    const at = (latencyMs: number, launchSeconds: number) =>
      ids(
        diagnoseWorkspace({
          ...base,
          workspace: workspace(),
          metrics: { lookbackHours: 24, attempts: 5, failures: 0, latencyMs, launchSeconds },
        }),
      );
    expect(at(249, 59)).toEqual([]);
    expect(at(250, 60)).toEqual(['connection.latency', 'connection.slow-launch']);
  });

  it('a STOPPED desktop is only info when AutoStop (it starts on sign-in), a warning when Manual', () => {
    expect(diagnoseWorkspace({ ...base, workspace: workspace({ state: 'STOPPED' }) })[0]?.severity).toBe(
      'info',
    );
    expect(
      diagnoseWorkspace({ ...base, workspace: workspace({ state: 'STOPPED', runningMode: 'MANUAL' }) })[0]
        ?.severity,
    ).toBe('warning');
  });

  it('a last user connection 30 days ago is stale, 29 days is not', () => {
    const stale = (days: number) =>
      ids(
        diagnoseWorkspace({
          ...base,
          workspace: workspace(),
          connection: {
            state: 'DISCONNECTED',
            lastUserConnection: new Date(now.getTime() - days * 86_400_000),
          },
        }),
      );
    expect(stale(30)).toEqual(['connection.stale']);
    expect(stale(29)).toEqual([]);
  });
});
