import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import type { getEucAccountPosture } from './get-euc-account-posture.js';

type Posture = ToolOutput<typeof getEucAccountPosture>;
const TOOL = 'get_euc_account_posture';

describe('get_euc_account_posture', () => {
  it('reports tenancy, modifications, client properties and aliases', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Posture>(host, TOOL, {});
    expect(host.simulator.countsByAction()).toEqual({
      'workspaces:DescribeAccount': 1,
      'workspaces:DescribeAccountModifications': 1,
      'workspaces:DescribeClientProperties': 1,
      'workspaces:DescribeConnectionAliases': 1,
      'workspaces:DescribeWorkspaceDirectories': 1,
    });
    expect(result.dedicatedTenancy).toMatchObject({
      support: 'ENABLED',
      managementCidrRange: '10.200.0.0/16',
    });
    expect(result.recentModifications).toEqual([
      expect.objectContaining({ state: 'COMPLETED', started: '2026-03-09T12:00:00.000Z' }),
    ]);
    expect(result.clientProperties).toMatchObject({ directories: 3, reconnectEnabled: 3 });
    expect(result.connectionAliases).toEqual([
      {
        aliasId: 'wsca-abc123456',
        connectionString: 'desktops.example.com',
        state: 'CREATED',
        associations: 0,
      },
    ]);
    expect(result.summary).toContain('dedicated tenancy (BYOL) ENABLED');
  });

  it('asks for client properties 25 directories at a time', async () => {
    const estate = smallEstate();
    const [template] = estate.personal.directories;
    if (!template) throw new Error('estate');
    estate.personal.directories.splice(
      0,
      estate.personal.directories.length,
      ...Array.from({ length: 30 }, (_, i) => ({
        ...template,
        directory: { ...template.directory, DirectoryId: `d-${String(i).padStart(10, '0')}` },
      })),
    );
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Posture>(host, TOOL, {});
    const batches = host.requests
      .filter((r) => r.action === 'workspaces:DescribeClientProperties')
      .map((r) => (r.input.ResourceIds as string[]).length);
    expect(batches.sort()).toEqual([25, 5]);
    expect(result.clientProperties.directories).toBe(30);
  });

  it('a denied DescribeAccount is an error entry; the other parts stand', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [{ service: 'workspaces', operation: 'DescribeAccount', code: 'AccessDeniedException' }],
      },
    });
    const result = await invokeOk<Posture>(host, TOOL, {});
    expect(result.dedicatedTenancy).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ iamAction: 'workspaces:DescribeAccount' })]);
    expect(result.connectionAliases).toHaveLength(1);
  });
});
