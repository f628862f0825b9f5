import {
  type CollectedFindings,
  contributionProbe,
  createTestHost,
  invokeOk,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { AD, IMPAIRED_AD, smallEstate, WSD } from '../__tests__/estate.js';
import plugin from '../index.js';
import { PERSONAL_CHECKS } from './findings.js';

describe('findings contributor', () => {
  it('raises each check on the resources that fail it, and only those', async () => {
    const estate = smallEstate();
    const [template] = estate.personal.directories;
    if (!template) throw new Error('estate');
    const extra = (
      id: string,
      state: 'ERROR' | 'DEREGISTERED' | 'REGISTERED',
      ipGroupIds: string[],
      workspaceType: 'PERSONAL' | 'POOLS' = 'PERSONAL',
    ) => ({
      ...template,
      directory: {
        ...template.directory,
        DirectoryId: id,
        State: state,
        WorkspaceType: workspaceType,
        ErrorMessage: state === 'ERROR' ? 'replica region' : undefined,
        ipGroupIds,
      },
    });
    // A failed registration is flagged; a deliberately deregistered directory's posture is moot;
    // a Pools directory is left to the Pools plugin.
    estate.personal.directories.push(
      extra('d-aaaaaaaaaa', 'ERROR', ['wsipg-corp0001']),
      extra('d-bbbbbbbbbb', 'DEREGISTERED', []),
      extra('wsd-pools00001', 'REGISTERED', [], 'POOLS'),
    );
    const host = await createTestHost({ plugins: [plugin, contributionProbe], estate });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.errors).toEqual([]);
    const pairs = result.findings.map((f) => `${f.checkId} ${f.resourceId}`).sort();
    expect(pairs).toEqual(
      [
        'personal.unencrypted-root-volume ws-unheal001',
        'personal.unencrypted-user-volume ws-stopped01',
        `personal.directory-without-ip-group ${WSD}`,
        `personal.ip-group-open-to-internet ${AD}`,
        `personal.users-local-administrators ${AD}`,
        'personal.directory-not-registered d-aaaaaaaaaa',
      ].sort(),
    );
    expect(result.findings.find((f) => f.checkId === 'personal.ip-group-open-to-internet')?.detail).toBe(
      'IP group wsipg-open0001: 0.0.0.0/0',
    );
    expect(result.findings.some((f) => f.resourceId === IMPAIRED_AD)).toBe(false);
    expect(result.findings.find((f) => f.resourceId === 'd-aaaaaaaaaa')?.detail).toBe(
      'State ERROR: replica region',
    );
  });

  it('every check id is stable, namespaced and unique', () => {
    const ids = PERSONAL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^personal\.[a-z-]+$/);
  });
});
