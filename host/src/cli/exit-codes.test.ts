import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CallRecorder } from '../aws/recorder.js';
import type { InvocationResult } from '../host.js';
import { EXIT, EXIT_CODE_TABLE, exitCodeOfCall } from './exit-codes.js';

const calls = new CallRecorder();
const answered = (structured: Record<string, unknown>): InvocationResult => ({
  ok: true,
  structured,
  text: '',
  calls,
  attachments: [],
});
const failed = (kind: 'tool' | 'not-found' | 'other', code: string): InvocationResult => ({
  ok: false,
  error: { kind, code, message: 'm' },
  text: 'm',
  calls,
});

describe('exit codes (issue 16, point 5)', () => {
  it('tells a dry run, a refusal, a partial write and an applied write apart', () => {
    expect(exitCodeOfCall(answered({ status: 'planned', dryRun: true }), 'write')).toBe(EXIT.dryRun);
    expect(exitCodeOfCall(answered({ status: 'refused', dryRun: true, refusal: {} }), 'write')).toBe(
      EXIT.refused,
    );
    expect(exitCodeOfCall(answered({ status: 'partially-applied', dryRun: false }), 'write')).toBe(
      EXIT.partial,
    );
    expect(exitCodeOfCall(answered({ status: 'failed', dryRun: false }), 'write')).toBe(EXIT.toolError);
    expect(exitCodeOfCall(answered({ status: 'applied', dryRun: false }), 'write')).toBe(EXIT.ok);
    expect(exitCodeOfCall(answered({ status: 'nothing-to-do', dryRun: true }), 'write')).toBe(EXIT.ok);
  });
  it('an outcome status it does not know falls back on dryRun, never on success', () => {
    expect(exitCodeOfCall(answered({ status: 'awaiting-approval', dryRun: true }), 'write')).toBe(
      EXIT.dryRun,
    );
  });
  it('a read answer is 0 whatever its fields say', () => {
    expect(exitCodeOfCall(answered({ status: 'refused', dryRun: true }), 'read')).toBe(EXIT.ok);
  });
  it('a missing resource is 3, from the host code or the AWS error kind; other failures 1', () => {
    expect(exitCodeOfCall(failed('tool', 'NotFound'), 'read')).toBe(EXIT.notFound);
    expect(exitCodeOfCall(failed('not-found', 'ResourceNotFoundException'), 'read')).toBe(EXIT.notFound);
    expect(exitCodeOfCall(failed('other', 'ThrottlingException'), 'read')).toBe(EXIT.toolError);
  });
  it('docs/cli.md documents every code as the table says', () => {
    const docs = readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/cli.md'),
      'utf8',
    );
    for (const [code, meaning] of EXIT_CODE_TABLE) expect(docs).toContain(`| ${code} | ${meaning} |`);
  });
});
