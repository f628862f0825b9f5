import { FleetErrorCode } from '@aws-sdk/client-appstream';
import { describe, expect, it } from 'vitest';
import { describeFleetError, FLEET_ERROR_ADVICE, fleetErrorAdvice } from './error-advice.js';

describe('fleet error advice', () => {
  it('has a cause and a fix for every FleetErrorCode the SDK knows', () => {
    const codes = Object.values(FleetErrorCode);
    expect(codes.length).toBeGreaterThanOrEqual(31);
    for (const code of codes) {
      expect(FLEET_ERROR_ADVICE[code].cause.length, code).toBeGreaterThan(10);
      expect(FLEET_ERROR_ADVICE[code].fix.length, code).toBeGreaterThan(10);
    }
  });

  it('AD domain-join advice comes from AWS; advice for codes AWS does not explain is marked inferred', () => {
    expect(fleetErrorAdvice('DOMAIN_JOIN_NERR_PASSWORD_EXPIRED').source).toBe('aws');
    expect(describeFleetError('DOMAIN_JOIN_ERROR_ACCESS_DENIED', 'Access is denied.')).not.toContain(
      'inferred',
    );
    expect(describeFleetError('SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES', 'No free IPs.')).toContain(
      '(hint inferred from the code name; AWS publishes no fix)',
    );
  });

  it('a code newer than the table still gets an answer instead of a crash', () => {
    expect(describeFleetError('SOME_FUTURE_CODE', undefined)).toContain(
      'A fleet error code this server does not know (SOME_FUTURE_CODE)',
    );
  });
});
