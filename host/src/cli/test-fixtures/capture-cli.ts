import { runCli } from '../main.js';

/** What one CLI run printed and returned. */
export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in-process as a test would from a shell: fixed env (a region, no AWS profile), no
 * plugin search bases, and both streams captured.
 */
export async function captureCli(argv: readonly string[], cwd: string): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv], {
    cwd,
    env: { AWS_REGION: 'eu-west-1' },
    pluginSearchBases: [],
    stdout: (text) => {
      stdout += text;
    },
    stderr: (line) => {
      stderr += `${line}\n`;
    },
  });
  return { code, stdout, stderr };
}
