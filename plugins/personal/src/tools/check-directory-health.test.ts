import { describe, expect, it } from 'vitest';
import { AD, IMPAIRED_AD, smallEstate, WSD } from '../__tests__/estate.js';
import { awsError } from '../__tests__/fake-aws.js';
import { call, operations, personalHost } from '../__tests__/host.js';

interface Health {
  summary: string;
  counts: { directories: number; healthy: number; degraded: number; unhealthy: number };
  directories: {
    directoryId: string;
    status: string;
    directoryServiceStage: string;
    findings: { id: string }[];
    ipGroups: { groupId: string; openRules: string[] }[];
  }[];
  errors: { service: string; code: string; iamAction?: string }[];
}
const TOOL = 'check_directory_health';

describe('check_directory_health', () => {
  it('checks every directory with one call per API: unhealthy first, open IP rules and missing IP groups flagged', async () => {
    const { host, requests } = await personalHost(smallEstate());
    const result = await call<Health>(host, TOOL, {});
    expect(result.counts).toEqual({ directories: 3, healthy: 0, degraded: 2, unhealthy: 1 });
    expect(result.directories.map((d) => d.directoryId)).toEqual([IMPAIRED_AD, AD, WSD]);
    const [impaired, corp, entra] = result.directories;
    expect(impaired?.findings.map((f) => f.id)).toEqual(['directory.ds-stage']);
    expect(corp?.findings.map((f) => f.id)).toEqual(['directory.open-ip-rule', 'directory.local-admin']);
    expect(corp?.ipGroups).toEqual([
      { groupId: 'wsipg-open0001', name: 'anywhere', ruleCount: 2, openRules: ['0.0.0.0/0'] },
    ]);
    expect(entra?.findings.map((f) => f.id)).toEqual(['directory.no-ip-group', 'directory.maintenance-off']);
    expect(entra?.directoryServiceStage).toBe('not applicable (WorkSpaces-managed)');
    expect(operations(requests).sort()).toEqual([
      'DescribeDirectories',
      'DescribeIpGroups',
      'DescribeWorkspaceDirectories',
    ]);
    const ds = requests.find((r) => r.operation === 'DescribeDirectories');
    expect(ds?.input.DirectoryIds).toEqual([AD, IMPAIRED_AD]);
  });

  it('a directory deleted from Directory Service is found by listing after the batch is refused', async () => {
    const estate = smallEstate();
    estate.dsDirectories = estate.dsDirectories.filter((d) => d.DirectoryId !== AD);
    const { host, requests } = await personalHost(estate);
    const result = await call<Health>(host, TOOL, { directoryId: AD });
    expect(result.directories).toHaveLength(1);
    expect(result.directories[0]).toMatchObject({ directoryServiceStage: 'not found', status: 'unhealthy' });
    expect(result.directories[0]?.findings[0]?.id).toBe('directory.deleted');
    expect(operations(requests).filter((op) => op === 'DescribeDirectories')).toHaveLength(2);
  });

  it('an unknown directory id says so', async () => {
    const { host } = await personalHost(smallEstate());
    const result = await call<Health>(host, TOOL, { directoryId: 'd-0000000000' });
    expect(result.counts.directories).toBe(0);
    expect(result.summary).toContain('d-0000000000 is not registered');
  });

  it('AccessDenied on Directory Service is reported in errors with the action; the rest of the check stands', async () => {
    const { host } = await personalHost(smallEstate(), {
      overrides: {
        DescribeDirectories: () => {
          throw awsError('AccessDeniedException', 'not authorized', 403);
        },
      },
    });
    const result = await call<Health>(host, TOOL, {});
    expect(result.errors).toEqual([
      expect.objectContaining({ service: 'Directory Service', iamAction: 'ds:DescribeDirectories' }),
    ]);
    expect(result.directories.find((d) => d.directoryId === AD)?.directoryServiceStage).toBe('unknown');
    expect(result.directories.find((d) => d.directoryId === AD)?.findings.map((f) => f.id)).toContain(
      'directory.open-ip-rule',
    );
  });
});
