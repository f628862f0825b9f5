import type { ScalingActivity } from '@aws-sdk/client-application-auto-scaling';
import { describe, expect, it } from 'vitest';
import { fleet } from '../__tests__/fixtures.js';
import { diagnoseFleet, statusOf, summarizeScaling } from './diagnosis.js';

const failed = (iso: string): ScalingActivity => ({
  ActivityId: iso,
  ServiceNamespace: 'appstream',
  ResourceId: 'fleet/f',
  ScalableDimension: 'appstream:fleet:DesiredCapacity',
  Description: 'd',
  Cause: 'c',
  StartTime: new Date(iso),
  StatusCode: 'Failed',
  StatusMessage: 'Failed. Reason: exceeds the fleet instance quota of 10; request an increase.',
});

describe('fleet diagnosis', () => {
  it('failures inside the window are a warning; older ones in the six weeks only information', () => {
    const activities = [failed('2026-11-16T09:00:00Z'), failed('2026-11-02T09:00:00Z')];
    const recent = summarizeScaling(activities, new Date('2026-11-15T12:00:00Z'));
    expect(recent).toMatchObject({ activities: 2, failedInWindow: 1, failedSixWeeks: 2 });
    const old = summarizeScaling(activities, new Date('2026-11-16T10:00:00Z'));
    const findings = diagnoseFleet({ fleet: fleet('f'), scaling: old, insufficient: 0, lookbackHours: 2 });
    expect(findings).toEqual([expect.objectContaining({ severity: 'info' })]);
    expect(statusOf(findings)).toBe('healthy');
  });

  it('an unknown error code still gets a critical finding; refused sessions make it unhealthy', () => {
    const findings = diagnoseFleet({
      fleet: fleet('f', { FleetErrors: [{ ErrorCode: 'SOME_FUTURE_CODE' as never, ErrorMessage: 'new' }] }),
      scaling: undefined,
      insufficient: 3,
      lookbackHours: 24,
    });
    expect(findings.map((f) => f.severity)).toEqual(['critical', 'critical']);
    expect(findings[0]?.detail).toContain('does not know (SOME_FUTURE_CODE)');
    expect(statusOf(findings)).toBe('unhealthy');
  });
});
