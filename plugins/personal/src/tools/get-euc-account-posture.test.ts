import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import { getEucAccountPosture } from './get-euc-account-posture.js';

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
    expect(result.scopes[0]?.dedicatedTenancy).toMatchObject({
      support: 'ENABLED',
      managementCidrRange: '10.200.0.0/16',
    });
    expect(result.scopes[0]?.recentModifications).toEqual([
      expect.objectContaining({ state: 'COMPLETED', started: '2026-03-09T12:00:00.000Z' }),
    ]);
    expect(result.scopes[0]?.clientProperties).toMatchObject({ directories: 3, reconnectEnabled: 3 });
    expect(result.scopes[0]?.connectionAliases).toEqual([
      {
        aliasId: 'wsca-abc123456',
        connectionString: 'desktops.example.com',
        state: 'CREATED',
        associations: 0,
      },
    ]);
    expect(result.summary).toContain('dedicated tenancy (BYOL) us-east-1 ENABLED');
    expect(result.scopes.map((p) => p.region)).toEqual(['us-east-1']);
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
    expect(result.scopes[0]?.clientProperties.directories).toBe(30);
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
    expect(result.scopes[0]?.dedicatedTenancy).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ iamAction: 'workspaces:DescribeAccount' })]);
    expect(result.scopes[0]?.connectionAliases).toHaveLength(1);
  });

  it('reads the posture of every configured region, each entry naming its region', async () => {
    expect(toolSchemaBytes(getEucAccountPosture)).toBeLessThanOrEqual(650);
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 40 } });
    const result = await invokeOk<Posture>(host, TOOL, {});
    expect(result.scopes.map((p) => p.region)).toEqual(['us-east-1', 'eu-west-1']);
    expect(
      [
        ...new Set(
          host.requests.filter((r) => r.action === 'workspaces:DescribeAccount').map((r) => r.region),
        ),
      ].sort(),
    ).toEqual(['eu-west-1', 'us-east-1']);
    expect(result.errors).toEqual([]);
  });
});
