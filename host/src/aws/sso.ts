import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { ClassifiedAwsError } from './errors.js';

/** Profile names as the AWS CLI accepts them; anything else is never passed to a process. */
const SAFE_PROFILE = /^[A-Za-z0-9_.:@/-]+$/;
/** One browser sign-in at a time: the user needs a minute to approve it. */
export const SSO_LOGIN_COOLDOWN_MS = 60_000;

/** Whether SSO auto-login is on: the flag, overridden by WORKSPACES_EUC_SSO_AUTO_LOGIN when set. */
export function ssoAutoLoginEnabled(flagValue: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env.WORKSPACES_EUC_SSO_AUTO_LOGIN;
  if (raw === undefined || raw.trim() === '') return flagValue;
  return ['1', 'true', 'yes', 'on'].includes(raw.trim().toLowerCase());
}

/** Finds an executable on PATH without running a shell. */
export function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Dependencies of the re-authentication advisor, injectable for tests. */
export interface ReauthDeps {
  readonly enabled: boolean;
  readonly profile: string | undefined;
  readonly now: () => number;
  readonly findAwsCli: () => string | undefined;
  readonly launch: (cli: string, args: readonly string[]) => void;
}

/**
 * Builds the "how to re-authenticate" advice for expired credentials. When enabled and the error
 * is an SSO session lapse, it launches `aws sso login` (detached, no shell, no output) at most
 * once per cooldown, so the user only has to approve the browser prompt.
 */
export function createReauthAdvisor(deps: ReauthDeps): (error: ClassifiedAwsError) => string {
  let lastLaunch = Number.NEGATIVE_INFINITY;
  return (error) => {
    const profile = deps.profile && SAFE_PROFILE.test(deps.profile) ? deps.profile : undefined;
    const command = `aws sso login${profile ? ` --profile ${profile}` : ''}`;
    const manual = `Run \`${command}\` (or refresh your access keys), then retry. Console sign-in does not refresh the CLI's SSO token.`;
    const looksLikeSso = /sso|token/i.test(`${error.code} ${error.message}`);
    if (!deps.enabled || !looksLikeSso || error.kind !== 'expired-credentials') return manual;
    const cli = deps.findAwsCli();
    if (!cli)
      return `${manual} (The AWS CLI was not found on PATH, so the sign-in could not be opened for you.)`;
    const now = deps.now();
    if (now - lastLaunch < SSO_LOGIN_COOLDOWN_MS)
      return `A browser sign-in (\`${command}\`) is already in progress: approve it, then retry.`;
    lastLaunch = now;
    deps.launch(cli, ['sso', 'login', ...(profile ? ['--profile', profile] : [])]);
    return `Opened the AWS SSO browser sign-in (\`${command}\`): approve it, then retry.`;
  };
}

/** Launches a detached process with no shell and no inherited stdio (stdout is the MCP channel). */
export function launchDetached(cli: string, args: readonly string[]): void {
  const child = spawn(cli, [...args], { detached: true, stdio: 'ignore', shell: false });
  child.on('error', () => undefined);
  child.unref();
}
