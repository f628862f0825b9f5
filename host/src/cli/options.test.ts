import { describe, expect, it } from 'vitest';
import { parseCli } from './options.js';

describe('command line', () => {
  it('defaults to serve with tiers 0-1 and SSO auto-login on', () => {
    expect(parseCli([])).toMatchObject({
      command: 'serve',
      enableWrites: false,
      enableDestructive: false,
      ssoAutoLogin: true,
    });
  });
  it('refuses --enable-destructive without --enable-writes', () => {
    expect(() => parseCli(['--enable-destructive'])).toThrow(
      '--enable-destructive requires --enable-writes.',
    );
  });
  it('bounds --max-bulk-targets', () => {
    expect(parseCli(['--max-bulk-targets', '5']).maxBulkTargets).toBe(5);
    for (const bad of ['0', '-1', '501', '2.5', 'ten'])
      expect(() => parseCli(['--max-bulk-targets', bad])).toThrow(/--max-bulk-targets/);
  });
  it('refuses unknown flags and commands, naming them', () => {
    expect(() => parseCli(['--enable-everything'])).toThrow(/enable-everything/);
    expect(() => parseCli(['deploy'])).toThrow(/Unknown command "deploy"/);
  });
  it('validates region, role ARN and external id', () => {
    expect(() => parseCli(['--region', 'Ireland'])).toThrow(/--region/);
    expect(() => parseCli(['--assume-role-arn', 'arn:aws:iam::123:role/x'])).toThrow(/--assume-role-arn/);
    expect(() => parseCli(['--external-id', 'abc'])).toThrow(/only applies with --assume-role-arn/);
    expect(
      parseCli(['--assume-role-arn', 'arn:aws:iam::123456789012:role/euc', '--external-id', 'xyz'])
        .externalId,
    ).toBe('xyz');
  });
  it('--no-sso-auto-login turns auto-login off', () => {
    expect(parseCli(['--no-sso-auto-login']).ssoAutoLogin).toBe(false);
  });
  it('call takes the tool and JSON as positionals', () => {
    expect(parseCli(['call', 'find_workspaces', '{"userName":"a"}', '--demo'])).toMatchObject({
      command: 'call',
      positionals: ['find_workspaces', '{"userName":"a"}'],
      demo: true,
    });
  });
});
