import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Start-up time is mostly module loading, and the AWS SDK clients are the heaviest modules. A
// plugin declares its tools (schemas, tiers, IAM lists) without loading any client; the clients
// load when a tool first calls AWS. Each plugin is imported in a fresh process with a resolve hook
// that reports every @aws-sdk/client-* package the import reaches.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const recorder = path.join(root, 'test/fixtures/sdk-load-recorder.mjs');

/** The SDK client packages a fresh process resolves while importing `specifier`. */
function sdkClientsLoadedBy(specifier: string): string[] {
  const run = spawnSync(
    process.execPath,
    ['--import', recorder, '--input-type=module', '-e', `await import(${JSON.stringify(specifier)});`],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`importing ${specifier} failed: ${run.stderr}`);
  return run.stderr
    .split('\n')
    .filter((line) => line.startsWith('SDK-LOAD '))
    .map((line) => line.slice('SDK-LOAD '.length));
}

describe('start-up loads no AWS SDK client', () => {
  it('the host plugin API and runtime', () => {
    expect(sdkClientsLoadedBy('@workspaces-euc-mcp/host')).toEqual([]);
    expect(sdkClientsLoadedBy('@workspaces-euc-mcp/host/runtime')).toEqual([]);
  });

  it.each(['personal', 'pools', 'applications', 'secure-browser', 'core-instances', 'cost', 'audit'])(
    'plugin-%s',
    (plugin) => {
      expect(sdkClientsLoadedBy(`@workspaces-euc-mcp/plugin-${plugin}`)).toEqual([]);
    },
  );
});
