#!/usr/bin/env node
// Regenerates the README blocks that describe the code (tool table, CLI help) from the built CLI,
// so the README never drifts from what the server does. `--check` fails instead of writing.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = (...args) =>
  execFileSync(process.execPath, [path.join(root, 'bin/workspaces-euc-mcp.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, AWS_REGION: process.env.AWS_REGION ?? 'us-east-1' },
  }).trimEnd();

const blocks = {
  tools: cli('tools', '--markdown', '--enable-writes', '--enable-destructive'),
  help: ['```text', cli('--help'), '```'].join('\n'),
  'iam-scoped': [
    '```bash',
    'npx workspaces-euc-mcp iam-policy --tier 2 --all-tiers --account 111122223333 --region eu-west-1 --scope-tag team=euc',
    '```',
    '```json',
    cli(
      'iam-policy',
      '--tier',
      '2',
      '--all-tiers',
      '--account',
      '111122223333',
      '--region',
      'eu-west-1',
      '--scope-tag',
      'team=euc',
    ),
    '```',
  ].join('\n'),
};

const readmePath = path.join(root, 'README.md');
const original = readFileSync(readmePath, 'utf8');
let updated = original;
for (const [name, content] of Object.entries(blocks)) {
  const pattern = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`);
  if (!pattern.test(updated))
    throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> block`);
  updated = updated.replace(pattern, (_m, start, end) => `${start}${content}${end}`);
}
if (process.argv.includes('--check')) {
  if (updated !== original) {
    console.error('README.md is out of date with the code: run `npm run docs:write` and commit.');
    process.exit(1);
  }
  console.error('README.md generated blocks match the code.');
} else {
  writeFileSync(readmePath, updated);
}
