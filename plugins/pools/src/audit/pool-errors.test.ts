import { WorkspacesPoolErrorCode } from '@aws-sdk/client-workspaces';
import { describe, expect, it } from 'vitest';
import { describePoolError, POOL_ERROR_HINTS, poolErrorHint } from './pool-errors.js';

const SDK_CODES = Object.values(WorkspacesPoolErrorCode);

describe('pool error catalogue', () => {
  it('explains every one of the 40 codes the SDK knows, and no other', () => {
    expect(SDK_CODES).toHaveLength(40);
    expect(Object.keys(POOL_ERROR_HINTS).sort()).toEqual([...SDK_CODES].sort());
  });

  it('files the six Secrets Manager domain-join codes together, as inferred advice', () => {
    const secret = SDK_CODES.filter((c) => c.startsWith('DOMAIN_JOIN_ERROR_SECRET_'));
    expect(secret).toHaveLength(6);
    for (const code of secret) {
      expect(poolErrorHint(code).category).toBe('domain-join-secret');
      expect(poolErrorHint(code).basis).toBe('inferred');
    }
  });

  it('claims AWS guidance only for the Active Directory codes AppStream documents; the rest are inferred', () => {
    const guided = SDK_CODES.filter((c) => poolErrorHint(c).basis === 'appstream-guidance');
    expect(guided.every((c) => c.startsWith('DOMAIN_JOIN_') && !c.includes('SECRET'))).toBe(true);
    expect(guided).toHaveLength(12);
    expect(SDK_CODES.length - guided.length).toBe(28);
  });

  it('a finding line names the code, the fix, that the fix is inferred, the cause and AWS message', () => {
    const line = describePoolError('DOMAIN_JOIN_ERROR_SECRET_NOT_FOUND', 'The secret does not exist.');
    expect(line).toMatch(/^DOMAIN_JOIN_ERROR_SECRET_NOT_FOUND → Create the secret/);
    expect(line).toContain('inferred from the code name; AWS publishes no fix text');
    expect(line).toContain('Cause: the directory');
    expect(line).toMatch(/AWS: The secret does not exist\.$/);
  });

  it('a code newer than the SDK still gets a line, filed as a service error', () => {
    expect(poolErrorHint('SOMETHING_NEW').category).toBe('service');
    expect(describePoolError('SOMETHING_NEW', undefined)).toContain('does not recognise');
  });
});
