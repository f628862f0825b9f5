import type { Workspace, WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  createTestHost,
  generateEstate,
  invokeOk,
  TOOL_SCHEMA_BUDGET,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { directoryRows } from '../directories.js';
import { plugin } from '../index.js';
import { listWorkspaceDirectories } from './list-workspace-directories.js';

type Answer = ToolOutput<typeof listWorkspaceDirectories>;

describe('list_workspace_directories', () => {
  it("counts each directory's desktops, and a directory nobody uses as 0", () => {
    const directories: WorkspaceDirectory[] = [
      {
        DirectoryId: 'd-1',
        DirectoryName: 'corp.example.com',
        DirectoryType: 'AD_CONNECTOR',
        State: 'REGISTERED',
      },
      {
        DirectoryId: 'd-2',
        DirectoryName: 'lab.example.com',
        DirectoryType: 'SIMPLE_AD',
        State: 'REGISTERED',
      },
    ];
    const workspaces: Workspace[] = [{ DirectoryId: 'd-1' }, { DirectoryId: 'd-1' }, { DirectoryId: 'd-9' }];
    expect(directoryRows(directories, workspaces).map((r) => [r.directoryId, r.desktops])).toEqual([
      ['d-1', 2],
      ['d-2', 0],
    ]);
  });

  it('answers for every directory of the simulated estate, with its desktops', async () => {
    const estate = generateEstate({ desktops: 80, seed: 5 });
    const host = await createTestHost({ plugins: [plugin], estate });
    const answer = await invokeOk<Answer>(host, 'list_workspace_directories');
    expect(answer.total).toBe(estate.personal.directories.length);
    expect(answer.directories.reduce((sum, d) => sum + d.desktops, 0)).toBe(estate.personal.desktops.length);
    expect(answer.errors).toEqual([]);
  });

  it('adds a Directory row to the host inventory summary for each directory', async () => {
    const estate = generateEstate({ desktops: 40, seed: 5 });
    const host = await createTestHost({ plugins: [plugin], estate, hostTools: true });
    const summary = await invokeOk(host, 'get_euc_inventory_summary');
    expect(JSON.stringify(summary)).toContain('Directory');
  });

  it('an account/region that cannot be read is an error entry, and the rest is answered', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: { desktops: 40, regions: ['us-east-1', 'eu-west-1'] },
      simulator: {
        faults: [
          { operation: 'DescribeWorkspaceDirectories', region: 'eu-west-1', code: 'AccessDeniedException' },
        ],
      },
    });
    const answer = await invokeOk<Answer>(host, 'list_workspace_directories');
    expect(answer.errors.map((e) => [e.region, e.code])).toEqual([['eu-west-1', 'AccessDeniedException']]);
    expect(answer.directories.every((d) => d.scope.endsWith('us-east-1'))).toBe(true);
  });

  it('fits the assistant budget', () => {
    expect(toolSchemaBytes(listWorkspaceDirectories)).toBeLessThanOrEqual(TOOL_SCHEMA_BUDGET);
  });
});
