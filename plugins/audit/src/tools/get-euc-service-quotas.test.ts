import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, generateEstate, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_BUDGET,
  FIVE_ACCOUNTS_FOUR_REGIONS,
  sentBytes,
  sharedEstate,
  TEN_THOUSAND,
} from '../__tests__/estate.js';
import audit from '../index.js';
import { getEucServiceQuotas } from './get-euc-service-quotas.js';

type Quotas = ToolOutput<typeof getEucServiceQuotas>;

describe('get_euc_service_quotas', () => {
  it('costs the assistant at most 650 bytes of description and input schema', () => {
    expect(toolSchemaBytes(getEucServiceQuotas)).toBeLessThanOrEqual(650);
  });

  it('finds the region close to its WorkSpaces quota, with usage equal to its desktops', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate() });
    const estate = host.simulator?.estate;
    const result = await invokeOk<Quotas>(host, 'get_euc_service_quotas', {});
    const finding = result.quotas.find((q) => q.quotaCode === 'L-34278094' && q.severity);
    const desktops = estate?.personal.desktops.filter(
      (d) => d.region === 'us-east-1' && d.workspace.State !== 'TERMINATED',
    ).length;
    expect(finding).toMatchObject({
      region: 'us-east-1',
      usage: desktops,
      adjustable: true,
      severity: 'warning',
    });
    expect(finding?.utilizationPct).toBeGreaterThanOrEqual(80);
    expect(
      result.quotas.some((q) => q.quotaCode === 'L-34278094' && q.region === 'eu-west-1' && q.severity),
    ).toBe(false);
    expect(result.quotas[0]?.quotaCode).toBe('L-34278094');
    expect(result.summary).toContain('WorkSpaces in us-east-1');
  });

  it('calls a non-adjustable quota near its limit NOT adjustable', async () => {
    const estate = generateEstate({ seed: 42, desktops: 120 });
    const directories = estate.governance.quotas.find(
      (q) => q.region === 'eu-west-1' && q.quota.QuotaCode === 'L-EEB759DE',
    );
    // Directories cannot be raised past 50; make this region's limit tight for the test.
    if (directories) directories.quota.Value = 4;
    const host = await createTestHost({ plugins: [audit], estate });
    const result = await invokeOk<Quotas>(host, 'get_euc_service_quotas', { regions: ['eu-west-1'] });
    const finding = result.quotas.find((q) => q.quotaCode === 'L-EEB759DE');
    expect(finding).toMatchObject({ adjustable: false, severity: 'critical' });
    // The advice is said once, in the notes, not on every row.
    expect(result.notes.filter((n) => n.startsWith('NOT adjustable'))).toHaveLength(1);
    expect(result.counts.nonAdjustableApproaching).toBeGreaterThanOrEqual(1);
    expect(result.summary).toContain('NOT adjustable');
  });

  it('reads usage in one batched GetMetricData per region and lists quotas of every EUC service', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate() });
    const result = await host.invoke('get_euc_service_quotas', { limit: 200 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const counts = result.calls.countsByAction();
    expect(counts['cloudwatch:GetMetricData']).toBe(2);
    expect(counts['servicequotas:ListServiceQuotas']).toBe(8);
    expect(counts['servicequotas:ListAWSDefaultServiceQuotas']).toBe(8);
    const structured = result.structured as Quotas;
    const services = new Set(structured.quotas.map((q) => q.serviceCode));
    expect(services).toEqual(new Set(['workspaces', 'appstream2', 'workspaces-web', 'workspaces-instances']));
    expect(structured.counts.noUsageMetric).toBeGreaterThan(0);
    expect(
      structured.quotas.filter((q) => q.serviceCode === 'appstream2').every((q) => q.usage === null),
    ).toBe(true);
    expect(structured.quotas.some((q) => q.valueSource === 'default')).toBe(true);
    expect(structured.quotas.some((q) => q.usageSource === 'no-usage-metric')).toBe(true);
  });

  it('counts zero limits without listing them, and pages the list with a cursor', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate() });
    const first = await invokeOk<Quotas>(host, 'get_euc_service_quotas', { limit: 5 });
    expect(first.quotas).toHaveLength(5);
    expect(first.quotasTotal).toBe(first.counts.quotas);
    expect(first.quotas.every((q) => q.limit > 0 || (q.usage ?? 0) > 0)).toBe(true);
    expect(first.counts.hiddenZeroLimit).toBeGreaterThan(0);
    const second = await invokeOk<Quotas>(host, 'get_euc_service_quotas', {
      limit: 5,
      cursor: first.nextCursor,
    });
    expect(second.offset).toBe(5);
    const keys = [...first.quotas, ...second.quotas].map((q) => `${q.region}:${q.quotaCode}`);
    expect(new Set(keys).size).toBe(10);
  });

  it('reports a service it may not read and still answers for the others', async () => {
    const host = await createTestHost({
      plugins: [audit],
      estate: sharedEstate(),
      simulator: {
        faults: [{ service: 'cloudwatch', operation: 'GetMetricData', code: 'AccessDeniedException' }],
      },
    });
    const result = await invokeOk<Quotas>(host, 'get_euc_service_quotas', { regions: ['us-east-1'] });
    expect(result.errors.map((e) => e.code)).toContain('AccessDeniedException');
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        service: 'Amazon CloudWatch',
        code: 'AccessDeniedException',
        iamAction: 'cloudwatch:GetMetricData',
      }),
    );
    expect(result.counts.quotas).toBeGreaterThan(10);
    expect(result.counts.withUsage).toBe(0);
  });

  it('answers within 20 KB at 10,000 desktops and across 5 accounts × 4 regions, advice said once', {
    timeout: 120_000,
  }, async () => {
    for (const options of [TEN_THOUSAND, FIVE_ACCOUNTS_FOUR_REGIONS]) {
      const host = await createTestHost({ plugins: [audit], estate: sharedEstate(options) });
      const progress: number[] = [];
      const result = await host.invoke(
        'get_euc_service_quotas',
        {},
        // One step per scope; the host's request heartbeats (total unknown) are left out.
        { progress: (done, total) => total !== undefined && progress.push(done) },
      );
      if (!result.ok) throw new Error(result.text);
      const quotas = result.structured as Quotas;
      expect(quotas.quotasTotal).toBeGreaterThan(quotas.quotas.length);
      expect(sentBytes(quotas)).toBeLessThanOrEqual(ANSWER_BUDGET);
      expect(progress).toHaveLength(quotas.scopes.length);
    }
  });
});
