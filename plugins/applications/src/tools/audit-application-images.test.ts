import type { ImageBuilderState } from '@aws-sdk/client-appstream';
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
import { priceStub } from '../__tests__/price-stub.js';
import plugin from '../index.js';
import { auditApplicationImages } from './audit-application-images.js';

type Audit = ToolOutput<typeof auditApplicationImages>;
const TOOL = 'audit_application_images';
const HOUR_MS = 3_600_000;

/** Every ImageBuilderState of SDK 3.1112.0. */
const ALL_STATES: readonly ImageBuilderState[] = [
  'DELETING',
  'FAILED',
  'PENDING',
  'PENDING_IMAGE_IMPORT',
  'PENDING_QUALIFICATION',
  'PENDING_SYNCING_APPS',
  'REBOOTING',
  'RUNNING',
  'SNAPSHOTTING',
  'STOPPED',
  'STOPPING',
  'SYNCING_APPS',
  'UPDATING',
  'UPDATING_AGENT',
];

describe('audit_application_images', () => {
  it('flags the failed, pinned, stale and shared images and lists running builders with hours, $ needing the cost plugin', async () => {
    expect(toolSchemaBytes(auditApplicationImages)).toBeLessThanOrEqual(650);
    const estate = fleetEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Audit>(host, TOOL);
    const row = (prefix: string) => result.images.find((i) => i.name.startsWith(prefix));
    expect(row('cad-tools')).toMatchObject({
      severity: 'warning',
      issues: expect.stringContaining('FAILED (IMAGE_BUILDER_NOT_AVAILABLE)'),
    });
    expect(row('cad-tools')?.issues).toContain('errors: INTERNAL_SERVICE_ERROR');
    const golden = row('golden-win2019');
    expect(golden?.issues).toMatch(/agent pinned .*; base \d+ d old; shared with 1: 444455556666/);
    expect(row('partner-erp-client')?.issues).toContain('shared in from 444455556666 (allows fleets)');
    expect(row('finance-reporting-next')?.issues).toContain('PENDING');
    expect(result.issueCounts).toMatchObject({
      sharedOut: 1,
      sharedIn: 1,
      failed: 1,
      pending: 1,
      withErrors: 1,
    });
    const private_ = estate.applications.images.filter((i) => i.image.Visibility === 'PRIVATE');
    expect(result.privateImages).toBe(private_.length);
    expect(result.sharedInImages).toBe(1);
    // Running builders: each RUNNING image and app block builder, hours since created, no $.
    const running = [
      ...estate.applications.imageBuilders.filter((b) => b.builder.State === 'RUNNING').map((b) => b.builder),
      ...estate.applications.appBlockBuilders
        .filter((b) => b.builder.State === 'RUNNING')
        .map((b) => b.builder),
    ];
    expect(result.runningBuilderCount).toBe(running.length);
    const first = running[0];
    const listed = result.runningBuilders.find((b) => b.name === first?.Name);
    expect(listed?.hoursAtMost).toBe(
      Math.floor((estate.settings.now.getTime() - (first?.CreatedTime?.getTime() ?? 0)) / HOUR_MS),
    );
    expect(listed).not.toHaveProperty('hourlyUsd');
    expect(result.summary).toContain('$ needs the cost plugin');
    // DescribeImagePermissions only for the image AWS flags as shared out: no per-image calls.
    expect(host.simulator?.countsByAction()).toMatchObject({
      'appstream:DescribeImagePermissions': 1,
      'appstream:DescribeImageBuilders': 1,
      'appstream:DescribeAppBlockBuilders': 1,
    });
  });

  it('prices running builders through get_euc_service_prices, once per instance type, function and platform', async () => {
    const estate = fleetEstate();
    const stub = priceStub(0.5);
    const host = await createTestHost({ plugins: [plugin, stub.plugin], estate });
    const result = await invokeOk<Audit>(host, TOOL);
    for (const b of result.runningBuilders)
      expect(b).toMatchObject({
        hourlyUsd: 0.5,
        // 0.5 $/h × 730 h = $365 a month if left running; so far at most 0.5 × hours.
        monthlyUsd: 365,
        soFarAtMostUsd: Math.round(0.5 * (b.hoursAtMost ?? 0) * 100) / 100,
      });
    expect(result.monthlyUsdIfLeftRunning).toBe(365 * result.runningBuilderCount);
    const apps = estate.applications;
    const distinct = new Set(
      [
        ...apps.imageBuilders.map((b) => ['ImageBuilder', b.builder] as const),
        ...apps.appBlockBuilders.map((b) => ['AppBlockBuilder', b.builder] as const),
      ]
        .filter(([, b]) => b.State === 'RUNNING')
        .map(([kind, b]) => `${kind}|${b.InstanceType}|${b.Platform}`),
    );
    expect(stub.asked).toHaveLength(distinct.size);
    expect(stub.asked[0]).toMatchObject({ service: 'applications', regions: ['us-east-1'] });
    expect(result.summary).not.toContain('needs the cost plugin');
  });

  it('counts a builder in every state and lists only the RUNNING one as billing', async () => {
    const estate = fleetEstate();
    const builders = estate.applications.imageBuilders;
    const template = builders[0];
    if (!template) throw new Error('no image builder');
    builders.splice(
      0,
      builders.length,
      ...ALL_STATES.map((state) => ({
        ...template,
        builder: { ...template.builder, Name: `b-${state.toLowerCase()}`, State: state },
      })),
    );
    estate.applications.appBlockBuilders.splice(0);
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Audit>(host, TOOL);
    expect(Object.keys(result.imageBuildersByState).sort()).toEqual([...ALL_STATES].sort());
    expect(result.runningBuilders.map((b) => b.name)).toEqual(['b-running']);
  });

  it('answers for the other region when one fails, and rides out a throttled request', async () => {
    const estate = generateEstate({ seed: 7, desktops: 10, regions: ['us-east-1', 'eu-west-1'], fleets: 9 });
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [
          {
            service: 'appstream',
            operation: 'DescribeImages',
            region: 'eu-west-1',
            code: 'AccessDeniedException',
          },
          { service: 'appstream', operation: 'DescribeImageBuilders', code: 'ThrottlingException', times: 1 },
        ],
      },
    });
    const result = await invokeOk<Audit>(host, TOOL);
    const eastPrivate = estate.applications.images.filter(
      (i) => i.region === 'us-east-1' && i.image.Visibility === 'PRIVATE',
    ).length;
    expect(result.privateImages).toBe(eastPrivate);
    expect(result.errors).toEqual([
      expect.objectContaining({
        region: 'eu-west-1',
        code: 'AccessDeniedException',
        iamAction: 'appstream:DescribeImages',
      }),
      expect.objectContaining({
        region: 'eu-west-1',
        code: 'AccessDeniedException',
        iamAction: 'appstream:DescribeImages',
      }),
    ]);
    // The throttled builder scan was retried: both regions' builders are counted.
    const builders = Object.values(result.imageBuildersByState).reduce((a, b) => a + b, 0);
    expect(builders).toBe(estate.applications.imageBuilders.length);
    expect(result.summary).toContain('Partial');
  });

  it('at 10,000 desktops the answer stays within budget', { timeout: 60_000 }, async () => {
    const estate = generateEstate({ seed: 11, desktops: 10_000 });
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Audit>(host, TOOL);
    expect(result.privateImages).toBeGreaterThan(100);
    expect(result.images.length).toBeLessThanOrEqual(25);
    expect(answerBytes(result)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });
});
