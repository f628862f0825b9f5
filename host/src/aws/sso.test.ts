import { describe, expect, it } from 'vitest';
import { createReauthAdvisor, SSO_LOGIN_COOLDOWN_MS, ssoAutoLoginEnabled } from './sso.js';

const expiredSso = {
  kind: 'expired-credentials' as const,
  code: 'TokenProviderError',
  message: 'The SSO session associated with this profile has expired',
};

describe('SSO re-authentication', () => {
  it('the environment variable overrides the flag', () => {
    expect(ssoAutoLoginEnabled(true, { WORKSPACES_EUC_SSO_AUTO_LOGIN: '0' })).toBe(false);
    expect(ssoAutoLoginEnabled(false, { WORKSPACES_EUC_SSO_AUTO_LOGIN: 'Yes' })).toBe(true);
    expect(ssoAutoLoginEnabled(true, {})).toBe(true);
  });
  it('launches aws sso login once per cooldown, with the profile, and no shell', () => {
    let clock = 1_000_000;
    const launches: string[][] = [];
    const advise = createReauthAdvisor({
      enabled: true,
      profile: 'euc-admin',
      now: () => clock,
      findAwsCli: () => '/usr/bin/aws',
      launch: (_cli, args) => launches.push([...args]),
    });
    expect(advise(expiredSso)).toContain('Opened the AWS SSO browser sign-in');
    expect(advise(expiredSso)).toContain('already in progress');
    clock += SSO_LOGIN_COOLDOWN_MS + 1;
    advise(expiredSso);
    expect(launches).toEqual([
      ['sso', 'login', '--profile', 'euc-admin'],
      ['sso', 'login', '--profile', 'euc-admin'],
    ]);
  });
  it('when disabled, or without the CLI, it tells the user the command instead', () => {
    const launches: unknown[] = [];
    const base = { profile: 'p', now: () => 0, launch: () => launches.push(1) };
    expect(
      createReauthAdvisor({ ...base, enabled: false, findAwsCli: () => '/usr/bin/aws' })(expiredSso),
    ).toContain('Run `aws sso login --profile p`');
    expect(
      createReauthAdvisor({ ...base, enabled: true, findAwsCli: () => undefined })(expiredSso),
    ).toContain('not found on PATH');
    expect(launches).toEqual([]);
  });
  it('never passes an unsafe profile name to a process', () => {
    const launches: string[][] = [];
    const advise = createReauthAdvisor({
      enabled: true,
      profile: 'x; rm -rf /',
      now: () => 0,
      findAwsCli: () => '/usr/bin/aws',
      launch: (_c, a) => launches.push([...a]),
    });
    advise(expiredSso);
    expect(launches).toEqual([['sso', 'login']]);
  });
});
