import { describe, expect, it } from 'vitest';
import { parseCommandLine as parseCli } from './main.js';

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
  it('suggests the flag or command a typo meant', () => {
    expect(() => parseCli(['call', 'x', '--demo-sise', '5'])).toThrow(
      'Unknown option --demo-sise. Did you mean --demo-size?',
    );
    expect(() => parseCli(['--enable-write'])).toThrow(/Did you mean --enable-writes\?/);
    expect(() => parseCli(['tool'])).toThrow(/Unknown command "tool"\. Did you mean "tools"\?/);
    expect(() => parseCli(['iam-polcy'])).toThrow(/Did you mean "iam-policy"\?/);
  });
  it('refuses --demo-size or --demo-seed without --demo instead of calling real AWS', () => {
    expect(() => parseCli(['call', 'find_workspaces', '--demo-size', '50'])).toThrow(
      '--demo-size only applies with --demo; without --demo the call would go to your AWS account.',
    );
    expect(() => parseCli(['call', 'x', '--demo-seed', '1', '--demo-size', '5'])).toThrow(
      '--demo-size and --demo-seed only apply with --demo',
    );
    expect(parseCli(['call', 'x', '--demo', '--demo-size', '50'])).toMatchObject({ demoSize: 50 });
  });
  it('call takes --format json|markdown (json by default) and --out; other commands refuse them', () => {
    expect(parseCli(['call', 'x']).format).toBe('json');
    expect(parseCli(['call', 'x', '--format', 'markdown', '--out', 'reports']).format).toBe('markdown');
    expect(() => parseCli(['call', 'x', '--format', 'markdwon'])).toThrow(
      '--format must be json or markdown, got "markdwon". Did you mean "markdown"?',
    );
    expect(() => parseCli(['tools', '--out', 'dir'])).toThrow('--format and --out go with call, not tools.');
  });
});
