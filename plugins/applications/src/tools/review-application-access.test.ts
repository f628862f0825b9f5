import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import plugin from '../index.js';
import { reviewApplicationAccess } from './review-application-access.js';

type Review = ToolOutput<typeof reviewApplicationAccess>;
const TOOL = 'review_application_access';

/** The fleet estate with one entitled user deleted from the pool and one new user never entitled. */
function reviewEstate() {
  const estate = fleetEstate();
  const apps = estate.applications;
  const disabled = apps.users.find((u) => u.user.Enabled === false)?.user.UserName ?? '';
  const goneIndex = apps.users.findIndex(
    (u) =>
      u.user.Enabled !== false &&
      apps.userStackAssociations.some((a) => a.association.UserName === u.user.UserName),
  );
  const [gone] = apps.users.splice(goneIndex, 1);
  const template = apps.users[0];
  if (!gone || !template) throw new Error('the estate has no user pool');
  apps.users.push({
    ...template,
    user: { ...template.user, UserName: 'new.hire@partner.example.com', Enabled: true },
  });
  return { estate, disabled, gone: gone.user.UserName ?? '' };
}

describe('review_application_access', () => {
  it('finds disabled and deleted users still assigned, users with no stack and stacks with no users', async () => {
    expect(toolSchemaBytes(reviewApplicationAccess)).toBeLessThanOrEqual(650);
    const { estate, disabled, gone } = reviewEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Review>(host, TOOL);
    const apps = estate.applications;
    expect(result.users).toMatchObject({ total: apps.users.length, enabled: apps.users.length - 1 });
    expect(result.rows[0]).toMatchObject({ issue: 'missing-user-assigned', user: gone, region: 'us-east-1' });
    expect(result.rows).toContainEqual(
      expect.objectContaining({ issue: 'disabled-user-assigned', user: disabled }),
    );
    expect(result.rows).toContainEqual({
      issue: 'user-without-stack',
      user: 'new.hire@partner.example.com',
      account: '111122223333',
      region: 'us-east-1',
    });
    const assigned = new Set(apps.userStackAssociations.map((a) => a.association.StackName));
    const empty = apps.stacks.filter((s) => !assigned.has(s.stack.Name)).map((s) => s.stack.Name);
    expect(result.issueCounts['stack-without-users'] ?? 0).toBe(empty.length);
    expect(result.stacks).toEqual({
      total: apps.stacks.length,
      withUserPoolUsers: apps.stacks.length - empty.length,
    });
    expect(result.assignmentsByAuth).toEqual({ USERPOOL: apps.userStackAssociations.length });
    expect(result.summary).toContain('SAML users are entitled in the identity provider');
    // One DescribeUserStackAssociations per stack (the API takes one stack or one user), 500 a page.
    expect(host.simulator?.countsByAction()['appstream:DescribeUserStackAssociations']).toBe(
      apps.stacks.length,
    );
  });

  it('a region whose user pool cannot be read is an error, not invented issues', async () => {
    const estate = generateEstate({ seed: 7, desktops: 10, regions: ['us-east-1', 'eu-west-1'], fleets: 9 });
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [
          {
            service: 'appstream',
            operation: 'DescribeUsers',
            region: 'eu-west-1',
            code: 'ThrottlingException',
          },
        ],
      },
    });
    const result = await invokeOk<Review>(host, TOOL);
    expect(result.rows.every((r) => r.region === 'us-east-1')).toBe(true);
    expect(result.users.total).toBe(estate.applications.users.filter((u) => u.region === 'us-east-1').length);
    expect(result.errors).toEqual([
      expect.objectContaining({
        region: 'eu-west-1',
        code: 'ThrottlingException',
        iamAction: 'appstream:DescribeUsers',
      }),
    ]);
  });

  it('at 10,000 desktops one page is within budget and the cursor walks every issue', {
    timeout: 60_000,
  }, async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: generateEstate({ seed: 11, desktops: 10_000 }),
    });
    const first = await invokeOk<Review>(host, TOOL);
    const total = Object.values(first.issueCounts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(50);
    expect(first.rows).toHaveLength(50);
    expect(first.topStacks.length).toBeLessThanOrEqual(10);
    expect(answerBytes(first)).toBeLessThanOrEqual(ANSWER_BUDGET);
    let seen = first.rows.length;
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await invokeOk<Review>(host, TOOL, { cursor });
      seen += next.rows.length;
      cursor = next.nextCursor;
    }
    expect(seen).toBe(total);
  });
});
