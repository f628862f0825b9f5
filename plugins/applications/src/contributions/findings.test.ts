import {
  type CollectedFindings,
  contributionProbe,
  createTestHost,
  generateEstate,
  invokeOk,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import { APPLICATIONS_CHECKS } from '../audit/checks.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

const DAY_MS = 86_400_000;
const pairs = (found: CollectedFindings, contributor: string) =>
  found.findings
    .filter((f) => f.contributor === contributor)
    .map((f) => `${f.checkId} ${f.resourceId} ${f.severity}`)
    .sort();

describe('fleet health findings', () => {
  it('finds each fleet problem the estate was built with, and nothing on the healthy fleets', async () => {
    const host = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    expect(pairs(found, 'applications.fleet-health')).toEqual(
      [
        'applications.capacity-exhausted callcenter-crm critical',
        'applications.fleet-error finance-reporting critical',
        'applications.below-desired finance-reporting warning',
        'applications.fleet-error engineering-cad-legacy critical',
        'applications.default-internet-access engineering-cad-legacy warning',
        // Stopped: the domain-join error blocks its next start, nobody is streaming now.
        'applications.fleet-error training-lab warning',
        'applications.fleet-error warehouse-scanning critical',
        'applications.below-desired warehouse-scanning warning',
      ].sort(),
    );
    const roleMissing = found.findings.find(
      (f) => f.checkId === 'applications.fleet-error' && f.resourceId === 'warehouse-scanning',
    );
    expect(roleMissing?.detail).toContain('IAM_SERVICE_ROLE_IS_MISSING');
    expect(roleMissing?.detail).toContain('Fix: Recreate the AmazonAppStreamServiceAccess role');
    expect(roleMissing?.detail).toContain('hint inferred');
  });

  it('never calls an Elastic fleet exhausted, though its counters show every instance in use', async () => {
    const estate = fleetEstate();
    const elastic = estate.applications.fleets.find((f) => f.fleet.Name === 'contractors-elastic')?.fleet;
    const status = elastic?.ComputeCapacityStatus;
    expect(status?.Available).toBe(0);
    expect(status?.InUse).toBe(status?.Running);
    const host = await createTestHost({ ...withPlugin, estate });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    expect(found.findings.filter((f) => f.resourceId === 'contractors-elastic')).toEqual([]);
  });
});

describe('capacity signals', () => {
  it('reports refused sessions and the failed scale-outs of the last 7 days only, quoting the quota', async () => {
    const estate = fleetEstate();
    const now = estate.settings.now.getTime();
    const failed = estate.applications.scalingActivities
      .map((a) => a.activity)
      .filter((a) => a.ResourceId === 'fleet/callcenter-crm' && a.StatusCode === 'Failed');
    const inWindow = failed.filter((a) => (a.StartTime?.getTime() ?? 0) >= now - 7 * DAY_MS);
    // The estate's quota failures started 10 days ago, so the window leaves some out.
    expect(inWindow.length).toBeGreaterThan(0);
    expect(inWindow.length).toBeLessThan(failed.length);
    const quota = estate.applications.instanceQuotas.find((q) => q.instanceType === 'stream.compute.large');

    const host = await createTestHost({ ...withPlugin, estate });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    const scaling = found.findings.filter((f) => f.checkId === 'applications.failed-scaling');
    expect(scaling.map((f) => f.resourceId)).toEqual(['callcenter-crm']);
    expect(scaling[0]?.detail).toMatch(new RegExp(`^${inWindow.length} failed scaling activities in 7 days`));
    expect(scaling[0]?.detail).toContain(`stream.compute.large fleet instance quota of ${quota?.limit}`);
    expect(scaling[0]?.detail).not.toContain('Request ID');

    const refused = found.findings.filter((f) => f.checkId === 'applications.insufficient-capacity-errors');
    // The exhausted fleet turns users away this morning; the role-missing one did on earlier days.
    expect(refused.map((f) => `${f.resourceId} ${f.severity}`)).toEqual([
      'callcenter-crm critical',
      'warehouse-scanning warning',
    ]);
    // Nine fleets' InsufficientCapacityError in one request. The activities come newest first,
    // so the scan stops at the page that reaches past the week instead of reading six weeks.
    const all = estate.applications.scalingActivities.length;
    const recent = estate.applications.scalingActivities.filter(
      (a) => (a.activity.StartTime?.getTime() ?? 0) >= now - 7 * DAY_MS,
    ).length;
    const pages = host.simulator.countsByAction()['application-autoscaling:DescribeScalingActivities'];
    expect(host.simulator.countsByAction()['cloudwatch:GetMetricData']).toBe(1);
    expect(pages).toBe(Math.floor(recent / 50) + 1);
    expect(pages).toBeLessThan(Math.ceil(all / 50));
  });

  it('a denied GetMetricData costs only the capacity signals; the other checks still report', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: fleetEstate(),
      simulator: {
        faults: [{ service: 'cloudwatch', operation: 'GetMetricData', code: 'AccessDeniedException' }],
      },
    });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    expect(found.errors).toEqual([
      expect.objectContaining({
        contributor: 'applications.capacity-signals',
        code: 'AccessDeniedException',
      }),
    ]);
    expect(found.findings.some((f) => f.checkId === 'applications.capacity-exhausted')).toBe(true);
    expect(found.findings.some((f) => f.checkId === 'applications.stack-exfiltration')).toBe(true);
  });
});

describe('stack, image and usage-report findings', () => {
  it('grades stacks by open outward channels and flags storage-connector errors', async () => {
    const host = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    const stacks = pairs(found, 'applications.stacks').filter((p) => !p.includes('entitlement'));
    expect(stacks).toEqual(
      [
        'applications.stack-exfiltration engineering-cad-legacy-stack critical',
        'applications.stack-exfiltration contractors-elastic-stack critical',
        'applications.stack-exfiltration pilot-portal-stack critical',
        'applications.stack-error contractors-elastic-stack warning',
      ].sort(),
    );
  });

  it('an entitlement to a user no longer in the pool is a warning; one to a disabled user is info', async () => {
    const estate = fleetEstate();
    const apps = estate.applications;
    const disabled = apps.users.find((u) => u.user.Enabled === false)?.user.UserName;
    apps.userStackAssociations.push({
      account: '111122223333',
      region: 'us-east-1',
      association: {
        StackName: 'training-lab-stack',
        UserName: 'left@partner.example.com',
        AuthenticationType: 'USERPOOL',
      },
    });
    const host = await createTestHost({ ...withPlugin, estate });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    const entitlements = found.findings.filter((f) => f.checkId === 'applications.entitlement-broken');
    expect(
      entitlements.find((f) => f.resourceId === 'training-lab-stack/left@partner.example.com')?.severity,
    ).toBe('warning');
    const disabledOnes = entitlements.filter((f) => f.resourceId.endsWith(`/${disabled}`));
    expect(disabledOnes.length).toBeGreaterThan(0);
    for (const f of disabledOnes) expect(f.severity).toBe('info');
  });

  it('flags old images and old agents (info when unused) and usage-report problems per region', async () => {
    // Two regions: the first has a failing subscription, the second none at all.
    const estate = generateEstate({
      seed: 7,
      desktops: 10,
      regions: ['us-east-1', 'eu-west-1'],
      fleets: 9,
      portals: 0,
    });
    const golden = estate.applications.images.find(
      (i) => i.region === 'us-east-1' && i.image.Name?.startsWith('golden-win2019'),
    )?.image.Name;
    const host = await createTestHost({ ...withPlugin, estate });
    const east = await invokeOk<CollectedFindings>(host, 'collect_test_findings', { region: 'us-east-1' });
    expect(pairs(east, 'applications.images')).toEqual(
      expect.arrayContaining([
        `applications.image-old ${golden} info`,
        `applications.image-old-agent ${golden} info`,
      ]),
    );
    expect(pairs(east, 'applications.usage-reports')).toEqual([
      expect.stringMatching(
        /^applications\.usage-report-errors appstream-logs-us-east-1-111122223333-\w+ warning$/,
      ),
    ]);
    const west = await invokeOk<CollectedFindings>(host, 'collect_test_findings', { region: 'eu-west-1' });
    expect(pairs(west, 'applications.usage-reports')).toEqual([
      'applications.usage-reports-off eu-west-1 info',
    ]);
  });
});

describe('checks', () => {
  it('every check id is stable, namespaced and unique, and every finding names a declared check', async () => {
    const ids = APPLICATIONS_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^applications\.[a-z-]+$/);
    const host = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    expect(found.findings.filter((f) => !f.checkDeclared)).toEqual([]);
  });
});

describe('capacity signals at scale', () => {
  it('300 fleets take one GetMetricData request, and the activity scan stops at the week', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 3, desktops: 10, regions: ['us-east-1'], fleets: 300, portals: 0 });
    const host = await createTestHost({ ...withPlugin, estate });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    expect(found.errors).toEqual([]);
    const counts = host.simulator.countsByAction();
    expect(counts['cloudwatch:GetMetricData']).toBe(1);
    // Six weeks of activities would be ceil(n/50) pages; one week is far fewer.
    const sixWeeks = Math.ceil(estate.applications.scalingActivities.length / 50);
    expect(counts['application-autoscaling:DescribeScalingActivities']).toBeLessThan(sixWeeks / 3);
  });
});
