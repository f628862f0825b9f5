import type { ContributionScope } from '@workspaces-euc-mcp/host';
import { definePlugin, ToolError } from '@workspaces-euc-mcp/host';
import { afterEach, describe, expect, it } from 'vitest';
import { type CollectedFindings, type CollectedIdle, contributionProbe } from './contribution-probe.js';
import { createTestHost, invokeOk } from './host.js';

const PROD = '111111111111';
const DEV = '222222222222';
const REGIONS = ['us-east-1', 'eu-west-1'];

/** Where the contributors were asked, and with which idleDays. */
let asked: string[] = [];
const at = (scope: ContributionScope) => `${scope.account ?? '-'}/${scope.region}`;

/**
 * A plugin whose contributors answer from memory: one finding per scope on a declared check with
 * its default severity, one with an overriding severity and detail, one on an undeclared check;
 * an idle resource with and without a usage signal and price; and contributors that fail in dev.
 */
const fakePlugin = definePlugin({
  name: 'fake-service',
  version: '0.0.0',
  description: 'In-memory contributions.',
  tools: [],
  contributes: {
    findings: [
      {
        id: 'fake.posture',
        service: 'Fake Service',
        iam: ['workspaces:DescribeWorkspaces'],
        checks: [{ id: 'fake.open', title: 'Open', severity: 'warning', why: 'w', fix: 'f' }],
        async collect(_ctx, scope) {
          asked.push(`findings ${at(scope)}`);
          return [
            { checkId: 'fake.open', resourceId: `thing-${scope.region}` },
            {
              checkId: 'fake.open',
              resourceId: 'thing-2',
              resourceType: 'Thing',
              severity: 'critical',
              detail: 'd',
            },
            { checkId: 'fake.undeclared', resourceId: 'thing-3' },
          ];
        },
      },
      {
        id: 'fake.flaky',
        service: 'Fake Service',
        iam: ['workspaces:DescribeIpGroups'],
        checks: [],
        async collect(_ctx, scope) {
          if (scope.account === DEV) throw new ToolError('NotReady', `nothing to read in ${scope.region}`);
          return [];
        },
      },
    ],
    idle: [
      {
        id: 'fake.idle',
        service: 'Fake Service',
        iam: ['cloudwatch:GetMetricData'],
        async collect(_ctx, scope, { idleDays }) {
          asked.push(`idle ${at(scope)} ${idleDays}`);
          if (scope.account === DEV) throw new ToolError('Throttled', 'slow down');
          return [
            { id: 'used-once', resourceType: 'Thing', reason: 'r1', idleDays: 40 },
            { id: 'never', resourceType: 'Thing', reason: 'r2', idleDays: null, monthlyCostUsd: 12.5 },
            { id: 'builder', resourceType: 'Builder', reason: 'r3', idleDays: null, usageSignal: 'none' },
          ];
        },
      },
    ],
  },
});

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
  asked = [];
});

async function probeHost() {
  const host = await createTestHost({
    plugins: [fakePlugin, contributionProbe],
    aws: {
      defaultRegion: 'eu-west-1',
      targets: [
        { label: 'prod', account: PROD, regions: REGIONS },
        { label: 'dev', account: DEV, regions: REGIONS },
      ],
    },
  });
  open.push(host.close);
  return host;
}

async function collect<T>(tool: string, input: Record<string, unknown>): Promise<T> {
  return invokeOk<T>(await probeHost(), tool, input);
}

describe('collect_test_findings', () => {
  it('runs every contributor in every configured account and region, one failure per scope as data', async () => {
    const result = await collect<CollectedFindings>('collect_test_findings', {});
    expect(asked.sort()).toEqual([
      `findings ${PROD}/eu-west-1`,
      `findings ${PROD}/us-east-1`,
      `findings ${DEV}/eu-west-1`,
      `findings ${DEV}/us-east-1`,
    ]);
    expect(result.findings).toHaveLength(12);
    expect(result.errors.map((e) => `${e.contributor} ${e.account}/${e.region} ${e.code}`).sort()).toEqual([
      `fake.flaky ${DEV}/eu-west-1 NotReady`,
      `fake.flaky ${DEV}/us-east-1 NotReady`,
    ]);
    expect(result.errors[0]?.message).toMatch(/^nothing to read in /);
  });

  it('gives each finding its contributor, place, effective severity, detail and whether its check is declared', async () => {
    const result = await collect<CollectedFindings>('collect_test_findings', { region: 'us-east-1' });
    expect(result.findings).toEqual([
      {
        contributor: 'fake.posture',
        service: 'Fake Service',
        account: PROD,
        region: 'us-east-1',
        checkId: 'fake.open',
        resourceId: 'thing-us-east-1',
        severity: 'warning',
        checkDeclared: true,
      },
      {
        contributor: 'fake.posture',
        service: 'Fake Service',
        account: PROD,
        region: 'us-east-1',
        checkId: 'fake.open',
        resourceId: 'thing-2',
        resourceType: 'Thing',
        severity: 'critical',
        checkDeclared: true,
        detail: 'd',
      },
      {
        contributor: 'fake.posture',
        service: 'Fake Service',
        account: PROD,
        region: 'us-east-1',
        checkId: 'fake.undeclared',
        resourceId: 'thing-3',
        severity: null,
        checkDeclared: false,
      },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('a region alone probes it in the first account; an account label alone probes the default region', async () => {
    await collect('collect_test_findings', { region: 'us-east-1' });
    await collect('collect_test_findings', { account: 'dev' });
    expect(asked).toEqual([`findings ${PROD}/us-east-1`, `findings ${DEV}/eu-west-1`]);
  });

  it('refuses an account that is not a configured target, naming it', async () => {
    await expect(collect('collect_test_findings', { account: '333333333333' })).rejects.toThrow(
      /^collect_test_findings failed: .*"333333333333" is not a configured target/,
    );
    expect(asked).toEqual([]);
  });

  it("declares the findings contributors' IAM actions, which proveIamExact then checks", async () => {
    const host = await probeHost();
    expect([...(host.registered.get('collect_test_findings')?.iamActions ?? [])].sort()).toEqual([
      'workspaces:DescribeIpGroups',
      'workspaces:DescribeWorkspaces',
    ]);
    expect(host.registered.get('collect_test_idle')?.iamActions).toEqual(['cloudwatch:GetMetricData']);
  });
});

describe('collect_test_idle', () => {
  it('passes idleDays (default 30) and gives each resource its place, usage signal and cost when known', async () => {
    const result = await collect<CollectedIdle>('collect_test_idle', { region: 'us-east-1', idleDays: 45 });
    expect(asked).toEqual([`idle ${PROD}/us-east-1 45`]);
    const where = { contributor: 'fake.idle', service: 'Fake Service', account: PROD, region: 'us-east-1' };
    expect(result.idle).toEqual([
      {
        ...where,
        id: 'used-once',
        resourceType: 'Thing',
        reason: 'r1',
        idleDays: 40,
        usageSignal: 'last-use',
      },
      {
        ...where,
        id: 'never',
        resourceType: 'Thing',
        reason: 'r2',
        idleDays: null,
        usageSignal: 'never-used',
        monthlyCostUsd: 12.5,
      },
      { ...where, id: 'builder', resourceType: 'Builder', reason: 'r3', idleDays: null, usageSignal: 'none' },
    ]);
    await collect('collect_test_idle', { account: PROD });
    expect(asked.at(-1)).toBe(`idle ${PROD}/eu-west-1 30`);
  });

  it('a contributor failing in some scopes is an error there and still reports the others', async () => {
    const result = await collect<CollectedIdle>('collect_test_idle', {});
    expect(new Set(result.idle.map((i) => `${i.account}/${i.region}`))).toEqual(
      new Set([`${PROD}/us-east-1`, `${PROD}/eu-west-1`]),
    );
    expect(result.errors).toEqual([
      {
        contributor: 'fake.idle',
        account: DEV,
        region: 'us-east-1',
        code: 'Throttled',
        message: 'slow down',
      },
      {
        contributor: 'fake.idle',
        account: DEV,
        region: 'eu-west-1',
        code: 'Throttled',
        message: 'slow down',
      },
    ]);
  });

  it('refuses idleDays outside 1-90 before any contributor runs', async () => {
    const result = await (await probeHost()).invoke('collect_test_idle', { idleDays: 91 });
    expect(result.ok).toBe(false);
    expect(asked).toEqual([]);
  });
});
