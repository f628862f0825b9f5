import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** The environment variable holding the plan key every replica of a shared server must be given. */
export const PLAN_KEY_ENV = 'WORKSPACES_EUC_PLAN_KEY';
/** The shortest key accepted: 32 characters, as many as the 256-bit keys this server generates. */
export const MIN_PLAN_KEY_LENGTH = 32;
const KEY_FILE = 'plan-key';

/** Where the key that signs planIds comes from. */
export interface PlanKeySettings {
  /** The key itself; default: `WORKSPACES_EUC_PLAN_KEY` from `env`. */
  readonly key?: string;
  /**
   * The folder of the generated key when there is none given; default `$XDG_STATE_HOME/workspaces-euc-mcp`
   * or `~/.local/state/workspaces-euc-mcp`. Tests pass a temporary folder.
   */
  readonly stateDir?: string;
  /** Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A plan key that cannot be used; the message says what to set. */
export class PlanKeyError extends Error {
  override readonly name = 'PlanKeyError';
}

/** The folder of the generated plan key for this user (XDG base-directory rules). */
export function planStateDir(env: Readonly<Record<string, string | undefined>>): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME ?? homedir(), '.local', 'state');
  return path.join(base, 'workspaces-euc-mcp');
}

function keyFromFile(dir: string): Buffer {
  const file = path.join(dir, KEY_FILE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // `wx` creates the file only if it is absent: two processes starting at once keep one key.
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < MIN_PLAN_KEY_LENGTH)
    throw new PlanKeyError(`The plan key in ${file} is too short; delete the file to have a new one made.`);
  return Buffer.from(key, 'utf8');
}

/**
 * The key that signs planIds, read once: the given key, else `WORKSPACES_EUC_PLAN_KEY`, else a
 * random key made once in the user's state folder (mode 0600) so every CLI process of that user
 * agrees. The file holds only the key: no plan, target or user data is ever stored.
 */
export function planKeyLoader(settings: PlanKeySettings = {}): () => Buffer {
  let key: Buffer | undefined;
  return () => {
    if (key) return key;
    const env = settings.env ?? process.env;
    const given = settings.key ?? env[PLAN_KEY_ENV];
    if (given !== undefined && given !== '') {
      if (given.length < MIN_PLAN_KEY_LENGTH)
        throw new PlanKeyError(
          `${PLAN_KEY_ENV} must be at least ${MIN_PLAN_KEY_LENGTH} characters (e.g. \`openssl rand -hex 32\`).`,
        );
      key = Buffer.from(given, 'utf8');
    } else key = keyFromFile(settings.stateDir ?? planStateDir(env));
    return key;
  };
}
