import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from '@workspaces-euc-mcp/host';
import { actionReferenceTable } from '@workspaces-euc-mcp/host/runtime';
import { describe, expect, it } from 'vitest';
import { FIRST_PARTY_PLUGINS } from '../bin/distribution.js';

// The bundled distribution validates its first-party plugins against IAM reference entries taken
// when it was built (dist/iam-reference.json) instead of reading the reference at each start. The
// table must be exactly what the reference says now, for every action those plugins declare:
// otherwise a start would read the reference again (slow), or validate against stale data.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function firstPartyActions(): Promise<string[]> {
  const actions: string[] = [];
  for (const name of FIRST_PARTY_PLUGINS) {
    const { default: plugin } = (await import(name)) as { default: Plugin };
    const contributions = Object.values(plugin.contributes ?? {}).flat();
    for (const part of [...plugin.tools, ...contributions]) actions.push(...part.iam);
  }
  return actions;
}

describe("the bundle's IAM reference table", () => {
  it('is the reference entry of every action the first-party plugins declare, and no other', async () => {
    const shipped: unknown = JSON.parse(readFileSync(path.join(root, 'dist/iam-reference.json'), 'utf8'));
    const fresh = await actionReferenceTable(await firstPartyActions());
    expect(Object.keys(fresh).length).toBeGreaterThan(50);
    expect(shipped).toEqual(fresh);
  });
});
