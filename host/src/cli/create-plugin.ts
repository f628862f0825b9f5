import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLUGIN_API_VERSION } from '../plugin-api/version.js';
import { hostVersion } from './bootstrap.js';
import type { CliCommand } from './command.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './options.js';

/** The suffix of every template file; it keeps tools (tsc, biome, npm) from reading them as code. */
const TEMPLATE_SUFFIX = '.tmpl';
/**
 * Files kept under another name in the host package: npm drops `.gitignore` from a published
 * package, and the host publishes no `*.test.*` file (test/host-boundaries.test.ts), so the
 * scaffold's tests are stored as `NAME_test.ts`.
 */
function writtenName(stored: string): string {
  return stored === 'gitignore' ? '.gitignore' : stored.replace(/_test\.ts$/, '.test.ts');
}
// npm's rules for a package name: lower case, URL-safe, an optional @scope/, at most 214 chars.
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/**
 * The scaffold's template folder. The host package ships it as `templates/plugin/` beside `dist/`;
 * a bundled distribution copies it next to its bundle, so look there too.
 */
export function pluginTemplateDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../templates/plugin'),
    path.resolve(here, '../templates/plugin'),
    path.resolve(here, 'templates/plugin'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, `package.json${TEMPLATE_SUFFIX}`)));
  if (!found)
    throw new Error(
      `The plugin template is missing from this installation (looked in ${candidates.join(', ')}).`,
    );
  return found;
}

/** What the scaffold fills in. */
export interface ScaffoldValues {
  readonly packageName: string;
  /** The host release the plugin is developed against; its dependency ranges start there. */
  readonly hostVersion: string;
  readonly pluginApiVersion: string;
}

function templateFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? templateFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith(TEMPLATE_SUFFIX)
        ? [`${prefix}${entry.name}`]
        : [],
  );
}

function fill(template: string, values: ScaffoldValues): string {
  return template
    .replaceAll('__PACKAGE_NAME__', values.packageName)
    .replaceAll('__HOST_VERSION__', values.hostVersion)
    .replaceAll('__PLUGIN_API_VERSION__', values.pluginApiVersion);
}

/**
 * Writes a plugin package into `targetDir` (created when missing) from the template and returns
 * the files written, relative to it. Refuses a folder that holds anything, so nothing of the
 * author's is ever overwritten.
 */
export function scaffoldPlugin(
  targetDir: string,
  values: ScaffoldValues,
  templateDir: string = pluginTemplateDir(),
): string[] {
  if (!PACKAGE_NAME.test(values.packageName) || values.packageName.length > 214)
    throw new UsageError(
      `"${values.packageName}" is not a valid npm package name (lower case, e.g. euc-thin-client or @acme/euc-tags); pass one with --name.`,
    );
  if (existsSync(targetDir)) {
    if (!statSync(targetDir).isDirectory()) throw new UsageError(`${targetDir} exists and is not a folder.`);
    if (readdirSync(targetDir).length > 0)
      throw new UsageError(
        `${targetDir} is not empty; create-plugin writes only into a new or empty folder.`,
      );
  }
  const written: string[] = [];
  for (const file of templateFiles(templateDir)) {
    const base = file.slice(0, -TEMPLATE_SUFFIX.length);
    const name = path.basename(base);
    const relative = path.join(path.dirname(base), writtenName(name));
    const destination = path.join(targetDir, relative);
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, fill(readFileSync(path.join(templateDir, file), 'utf8'), values));
    written.push(relative.split(path.sep).join('/'));
  }
  return written.sort();
}

/** `create-plugin DIR`: a new plugin package with one read tool, its tests and a README. */
export const createPluginCommand: CliCommand = {
  usage: 'create-plugin DIR',
  summary: 'Write a new plugin package (one read tool, its tests, a README) into DIR',
  flags: { name: { type: 'string' } },
  help: `workspaces-euc-mcp create-plugin DIR [--name PACKAGE]

Writes a plugin package into DIR (new or empty): package.json (the host as peer and dev
dependency, the test kit as dev dependency), tsconfig, src/index.ts with one tier 0 tool, its
test on the simulated estate, the IAM proof, and a README. Then: cd DIR && npm install && npm test.
  --name PACKAGE   The npm package name (default: DIR's folder name)
Guide: docs/plugin-authoring.md`,
  async run({ options, io }) {
    const [dir, extra] = options.positionals;
    if (dir === undefined || extra !== undefined)
      throw new UsageError(
        'create-plugin takes one folder: workspaces-euc-mcp create-plugin DIR [--name PACKAGE]',
      );
    const targetDir = path.resolve(io.cwd, dir);
    const named = options.commandFlags.name;
    const packageName = typeof named === 'string' ? named : path.basename(targetDir);
    const written = scaffoldPlugin(targetDir, {
      packageName,
      hostVersion: hostVersion(),
      pluginApiVersion: PLUGIN_API_VERSION,
    });
    io.stdout(
      `Created plugin ${packageName} (plugin API ${PLUGIN_API_VERSION}) in ${targetDir}:\n${written.map((f) => `  ${f}`).join('\n')}\nNext: cd ${dir} && npm install && npm test\n`,
    );
    return EXIT.ok;
  },
};
