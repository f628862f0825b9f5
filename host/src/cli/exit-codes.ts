import type { InvocationResult } from '../host.js';

/**
 * The process exit codes of `workspaces-euc-mcp`, in one place: `--help`, docs/cli.md and the
 * classification below all read this table. A script tells a refused write from a dry run from a
 * missing resource by the code alone, without parsing the answer.
 */
export const EXIT = {
  /** The tool answered; a write was applied to every target, or had nothing to do. */
  ok: 0,
  /** The tool failed (AWS error, invalid input), a confirmed write failed on every target, or `iam-policy --check` found drift. */
  toolError: 1,
  /** The command line or the config is wrong; nothing ran. */
  usage: 2,
  /** The resource the call names does not exist in the configured accounts and regions. */
  notFound: 3,
  /** A write tool planned only (no `confirm`): the plan is printed, nothing changed. */
  dryRun: 4,
  /** A write gate refused the call (blast-radius cap, acknowledgement, plan): nothing changed. */
  refused: 5,
  /** A confirmed write changed some targets and failed on others (see each target's status). */
  partial: 6,
} as const;

/** One of the codes above. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The table for `--help` and docs/cli.md (docs/cli.md is checked against it by a test). */
export const EXIT_CODE_TABLE: readonly (readonly [ExitCode, string])[] = [
  [EXIT.ok, 'answered; a write applied to every target, or had nothing to do'],
  [
    EXIT.toolError,
    'the tool failed (message on stderr), a confirmed write failed on every target, or iam-policy --check found drift',
  ],
  [EXIT.usage, 'bad command line or config (or a clone that was never built); nothing ran'],
  [EXIT.notFound, 'the named resource is not in the configured accounts and regions'],
  [EXIT.dryRun, 'dry run: a write tool called without confirm printed its plan; nothing changed'],
  [EXIT.refused, 'a write gate refused the call (bulk cap, acknowledgement, plan); nothing changed'],
  [EXIT.partial, 'a confirmed write succeeded on some targets and failed on others'],
];

/** `  0  answered; …` lines for help texts. */
export function exitCodeLines(): string {
  return EXIT_CODE_TABLE.map(([code, meaning]) => `  ${code}  ${meaning}`).join('\n');
}

// AWS error codes and the host's ToolError code that mean "no such resource".
const NOT_FOUND_CODES = new Set(['NotFound', 'ResourceNotFoundException']);

/**
 * The exit code of one `call`. A write tool's answer is the host's WriteOutcome; only `status`,
 * `dryRun` and `refusal` are read, and a status this code does not know falls back on `dryRun`,
 * so new outcome fields or statuses never turn a dry run into a success.
 */
export function exitCodeOfCall(result: InvocationResult, toolKind: 'read' | 'write'): ExitCode {
  if (!result.ok)
    return result.error.kind === 'not-found' || NOT_FOUND_CODES.has(result.error.code)
      ? EXIT.notFound
      : EXIT.toolError;
  if (toolKind === 'read') return EXIT.ok;
  const { status, dryRun, refusal } = result.structured;
  if (status === 'refused' || (refusal !== undefined && refusal !== null)) return EXIT.refused;
  switch (status) {
    case 'planned':
      return EXIT.dryRun;
    case 'nothing-to-do':
    case 'applied':
      return EXIT.ok;
    case 'partially-applied':
      return EXIT.partial;
    case 'failed':
      return EXIT.toolError;
    default:
      return dryRun === true ? EXIT.dryRun : EXIT.ok;
  }
}
