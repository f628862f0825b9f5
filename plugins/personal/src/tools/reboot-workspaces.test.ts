import { describe, expect, it } from 'vitest';
import { uniformEstate } from '../__tests__/estate-generated.js';
import { awsError } from '../__tests__/fake-aws.js';
import { call, personalHost } from '../__tests__/host.js';
import type { Outcome } from '../__tests__/outcome.js';

const TOOL = 'reboot_workspaces';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `ws-uni${String(i).padStart(6, '0')}`);

describe('reboot_workspaces', () => {
  it('sends 30 desktops as batches of 25 and 5; FailedRequests fail only their targets', async () => {
    const { host, requests } = await personalHost(uniformEstate(30, 'UNHEALTHY'), {
      enableWrites: true,
      maxBulkTargets: 50,
      overrides: {
        RebootWorkspaces: () => ({
          FailedRequests: [
            {
              WorkspaceId: 'ws-uni000003',
              ErrorCode: 'InvalidResourceState.Workspace',
              ErrorMessage: 'The WorkSpace is not in a valid state.',
            },
          ],
        }),
      },
    });
    const result = await call<Outcome>(host, TOOL, { workspaceIds: ids(30), confirm: true });
    const batches = requests
      .filter((r) => r.operation === 'RebootWorkspaces')
      .map((r) => (r.input.RebootWorkspaceRequests as unknown[]).length);
    expect(batches.sort()).toEqual([25, 5]);
    // The override answers both batches with the same failure; only the batch holding the id fails it.
    expect(result).toMatchObject({ status: 'partially-applied', counts: { ok: 29, failed: 1 } });
    expect(result.targets.find((t) => t.id === 'ws-uni000003')).toMatchObject({
      status: 'failed',
      code: 'InvalidResourceState.Workspace',
      message: 'The WorkSpace is not in a valid state.',
    });
  });

  it('a batch whose whole request failed reports each of its targets failed; the other batch still applies', async () => {
    const { host } = await personalHost(uniformEstate(30, 'AVAILABLE'), {
      enableWrites: true,
      maxBulkTargets: 50,
      overrides: {
        RebootWorkspaces: (r) => {
          if ((r.input.RebootWorkspaceRequests as unknown[]).length === 25)
            throw awsError('AccessDeniedException', 'not authorized', 403);
          return { FailedRequests: [] };
        },
      },
    });
    const result = await call<Outcome>(host, TOOL, { workspaceIds: ids(30), confirm: true });
    expect(result).toMatchObject({ status: 'partially-applied', counts: { ok: 5, failed: 25 } });
    const failed = result.targets.filter((t) => t.status === 'failed');
    expect(
      failed.every(
        (t) => t.code === 'AccessDeniedException' && t.message?.includes('workspaces:RebootWorkspaces'),
      ),
    ).toBe(true);
  });

  it('a confirmed call over the blast-radius cap is refused before any reboot is sent', async () => {
    const { host, requests } = await personalHost(uniformEstate(30, 'AVAILABLE'), { enableWrites: true });
    const result = await call<Outcome>(host, TOOL, { workspaceIds: ids(30), confirm: true });
    expect(result).toMatchObject({ status: 'refused', refusal: { gate: 'bulk-cap' } });
    expect(requests.some((r) => r.operation === 'RebootWorkspaces')).toBe(false);
  });

  it('a desktop already REBOOTING is planned with the 20-minute caution', async () => {
    const { host } = await personalHost(uniformEstate(1, 'REBOOTING'), { enableWrites: true });
    const result = await call<Outcome>(host, TOOL, { workspaceIds: ids(1) });
    expect(result.targets[0]?.detail?.caution).toContain('more than 20 minutes');
  });
});
