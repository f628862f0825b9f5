import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, generateEstate, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { sharedEstate } from '../__tests__/estate.js';
import audit from '../index.js';
import type { getEucServiceQuotas } from './get-euc-service-quotas.js';

type Quotas = ToolOutput<typeof getEucServiceQuotas>;

describe('get_euc_service_quotas', () => {
  it('finds the region close to its WorkSpaces quota, with usage equal to its desktops', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate() });
    const estate = host.simulator?.estate;
    const result = await invokeOk<Quotas>(host, 'get_euc_service_quotas', {});
    const finding = result.findings.find((f) => f.quotaCode === 'L-34278094');
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
    expect(result.findings.some((f) => f.quotaCode === 'L-34278094' && f.region === 'eu-west-1')).toBe(false);
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
    const finding = result.findings.find((f) => f.quotaCode === 'L-EEB759DE');
    expect(finding).toMatchObject({ adjustable: false, severity: 'critical' });
    expect(finding?.action).toMatch(/^NOT adjustable/);
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
  });

  it('hides zero limits unless asked, and keeps the list to `limit` rows', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate() });
    const hidden = await invokeOk<Quotas>(host, 'get_euc_service_quotas', { limit: 5 });
    expect(hidden.quotas).toHaveLength(5);
    expect(hidden.quotasTotal).toBeGreaterThan(5);
    const shown = await invokeOk<Quotas>(host, 'get_euc_service_quotas', {
      includeZeroLimit: true,
      limit: 200,
    });
    expect(shown.counts.quotas).toBe(hidden.counts.quotas + hidden.counts.hiddenZeroLimit);
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
});
