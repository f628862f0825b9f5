import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledPluginFile, FIRST_PARTY_PLUGINS } from '../bin/distribution.js';

// The root package is what `npx workspaces-euc-mcp` installs. Its workspace packages are not
// published, so the tarball must carry the bundled host and plugins itself and depend only on
// published packages. scripts/pack-check.mjs installs the real tarball; these checks are the fast
// part of that proof, on what `npm pack` would put in it.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface PackedFile {
  readonly path: string;
}

function packedFiles(): string[] {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as { files: PackedFile[] }[];
  return (packed[0]?.files ?? []).map((file) => file.path);
}

describe('the root package tarball', () => {
  const files = packedFiles();

  it('carries the binary, the bundled CLI and every first-party plugin as a bundled file', () => {
    expect(files).toContain('bin/workspaces-euc-mcp.js');
    expect(files).toContain('dist/workspaces-euc-mcp.js');
    expect(files).toContain('dist/iam-reference.json');
    expect(files).toContain('dist/THIRD-PARTY-NOTICES.md');
    expect(files).toContain('dist/templates/plugin/package.json.tmpl'); // for create-plugin
    for (const plugin of FIRST_PARTY_PLUGINS) expect(files).toContain(`dist/${bundledPluginFile(plugin)}`);
  });

  it('carries no sources, tests, fixtures or source maps', () => {
    expect(files.filter((file) => /\.ts$|\.test\.|fixture|\.map$|^src\//.test(file))).toEqual([]);
  });

  it('depends on published packages only: no workspace package, no local path', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const unpublishable = Object.entries(pkg.dependencies ?? {}).filter(
      ([name, range]) =>
        name.startsWith('@workspaces-euc-mcp/') || /^(file|link|workspace|git|github):/.test(range),
    );
    expect(unpublishable).toEqual([]);
  });
});
