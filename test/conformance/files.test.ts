import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIRST_PARTY_PLUGINS } from '../../bin/distribution.js';

// The files `npm run conformance` reads: a config that launches what a default launch does plus
// the fixture, and a baseline whose every entry is a real scenario with its reason beside it.
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const SUITE_REQUIREMENTS = path.join(repo, 'node_modules/@modelcontextprotocol/conformance/requirements');
const REVISIONS = ['2026-07-28', '2025-11-25'];

/** The server scenarios a revision's requirement set runs: its `server:` list and its not-scored ones. */
function serverScenarios(revision: string): string[] {
  const text = readFileSync(path.join(SUITE_REQUIREMENTS, `${revision}.yaml`), 'utf8');
  const required = /^server:\n((?:\s+- \S+\n)+)/m.exec(text)?.[1] ?? '';
  const unscored = [...text.matchAll(/- scenario: (\S+)\n\s+leg: server\n/g)].map((m) => m[1] ?? '');
  return [...[...required.matchAll(/- (\S+)/g)].map((m) => m[1] ?? ''), ...unscored];
}

describe('conformance run files', () => {
  it('the config loads the first-party plugins, as a launch without a config does, plus the fixture by path', () => {
    const config = JSON.parse(readFileSync(path.join(here, 'workspaces-euc-mcp.config.json'), 'utf8')) as {
      plugins: unknown[];
    };
    expect(config).toEqual({ plugins: [...FIRST_PARTY_PLUGINS, './fixture-plugin/index.mjs'] });
  });

  it('every expected failure names a server scenario of the suite and says why on its line', () => {
    const known = new Set(REVISIONS.flatMap(serverScenarios));
    // The suite's own lists are the reference: a sanity check that the parse above found them.
    expect(known).toContain('tools-call-image');
    expect(known).toContain('server-stateless');
    const lines = readFileSync(path.join(here, 'expected-failures.yml'), 'utf8').split('\n');
    const entries = lines.filter((line) => /^\s+- /.test(line));
    expect(entries.length).toBeGreaterThan(0);
    for (const line of entries) {
      const match = /^\s+- ([a-z0-9-]+)(?::([a-z0-9-]+))? # \S.*$/.exec(line);
      expect(match, `"${line.trim()}" is not "- scenario[:check-id] # why"`).not.toBeNull();
      expect(known, `"${match?.[1]}" is not a server scenario of the suite`).toContain(match?.[1]);
    }
  });
});
