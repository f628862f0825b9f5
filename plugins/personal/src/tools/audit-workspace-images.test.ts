import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { ANSWER_BUDGET, answerBytes, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import type { auditWorkspaceImages } from './audit-workspace-images.js';

type Audit = ToolOutput<typeof auditWorkspaceImages>;
const TOOL = 'audit_workspace_images';

describe('audit_workspace_images', () => {
  it('lists owned and shared images, failed first, and checks sharing of owned available images only', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Audit>(host, TOOL, {});
    expect(result.counts).toEqual({
      images: 4,
      owned: 3,
      sharedWithThisAccount: 1,
      byState: { AVAILABLE: 3, ERROR: 1 },
      stale: 1,
      sharedOut: 1,
      permissionsChecked: 2,
    });
    expect(result.images[0]?.imageId).toBe('wsi-owned0003');
    expect(result.images.find((i) => i.imageId === 'wsi-owned0001')?.sharedWithAccounts).toEqual([
      '444455556666',
      '777788889999',
    ]);
    expect(result.images.find((i) => i.imageId === 'wsi-shared001')).toMatchObject({
      owner: '999988887777',
      sharedWithAccounts: null,
    });
    expect(result.findings.filter((f) => f.imageId === 'wsi-owned0001').map((f) => f.issue)).toEqual([
      'Image is 400 days old (over 180); patch a WorkSpace launched from it and create a new image from that WorkSpace, so new desktops start current.',
      'Shared with 2 account(s): 444455556666, 777788889999.',
    ]);
    // There is no batch form of DescribeWorkspaceImagePermissions: one call per owned AVAILABLE image.
    const permissionCalls = host.requests
      .filter((r) => r.action === 'workspaces:DescribeWorkspaceImagePermissions')
      .map((r) => r.input.ImageId);
    expect(permissionCalls.sort()).toEqual(['wsi-owned0001', 'wsi-owned0002']);
    expect(host.simulator.countsByAction()).toEqual({
      'workspaces:DescribeWorkspaceImagePermissions': 2,
      'workspaces:DescribeWorkspaceImages': 2,
    });
  });

  it('caps permission lookups to the newest owned images and says so', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Audit>(host, TOOL, { maxPermissionLookups: 1 });
    expect(
      host.requests
        .filter((r) => r.action === 'workspaces:DescribeWorkspaceImagePermissions')
        .map((r) => r.input.ImageId),
    ).toEqual(['wsi-owned0002']);
    expect(result.images.find((i) => i.imageId === 'wsi-owned0001')?.sharedWithAccounts).toBeNull();
    expect(result.notes[0]).toContain('1 were not checked');
  });

  it('a denied permission lookup is an error entry; the audit stands', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      limits: { concurrency: 1 },
      simulator: {
        faults: [
          {
            service: 'workspaces',
            operation: 'DescribeWorkspaceImagePermissions',
            code: 'AccessDeniedException',
            times: 1,
          },
        ],
      },
    });
    const result = await invokeOk<Audit>(host, TOOL, {});
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'AccessDeniedException',
        iamAction: 'workspaces:DescribeWorkspaceImagePermissions',
      }),
    ]);
    expect(result.counts.permissionsChecked).toBe(1);
    expect(result.images.filter((i) => i.owner === 'self' && i.sharedWithAccounts === null)).toHaveLength(2);
  });

  it('at 10,000 desktops in one region the default answer stays within the answer budget', {
    timeout: 60_000,
  }, async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: { seed: 11, desktops: 10_000, regions: ['us-east-1'] },
    });
    const result = await invokeOk<Audit>(host, TOOL, {});
    expect(result.counts.images).toBeGreaterThan(0);
    expect(answerBytes(result)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });

  it('audits the images of every region, each row with its region, sharing looked up where the image lives', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 200 } });
    const result = await invokeOk<Audit>(host, TOOL, { limit: 200 });
    expect(new Set(result.images.map((i) => i.region))).toEqual(new Set(['us-east-1', 'eu-west-1']));
    const regionOf = new Map(result.images.map((i) => [i.imageId, i.region]));
    for (const request of host.requests.filter(
      (r) => r.action === 'workspaces:DescribeWorkspaceImagePermissions',
    ))
      expect(regionOf.get(request.input.ImageId as string)).toBe(request.region);
    // WorkSpaces images are made from a WorkSpace; an image builder is WorkSpaces Applications'.
    const stale = result.findings.filter((f) => /days old/.test(f.issue));
    expect(stale.length).toBeGreaterThan(0);
    for (const finding of stale) {
      expect(finding.issue).toContain('create a new image from that WorkSpace');
      expect(finding.issue).not.toMatch(/image builder/i);
    }
  });
});
