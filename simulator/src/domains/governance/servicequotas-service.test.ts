import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  GetServiceQuotaCommand,
  ListServiceQuotasCommand,
  paginateListAWSDefaultServiceQuotas,
  paginateListServiceQuotas,
  ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { collectPages } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';
import { HOUR_MS } from '../../model.js';
import { resourcesByLocation } from './resources.js';

const estate = generateEstate({ seed: 11, desktops: 300 });
const now = estate.settings.now;

function clients(region: string) {
  const sim = createSimulator(estate);
  return {
    sim,
    quotas: simulatedClient(ServiceQuotasClient, sim, { region }),
    cloudwatch: simulatedClient(CloudWatchClient, sim, { region }),
  };
}

const liveDesktops = (region: string) =>
  estate.personal.desktops.filter((d) => d.region === region && d.workspace.State !== 'TERMINATED').length;

describe('Service Quotas', () => {
  it('pages the applied WorkSpaces quotas with MaxResults, and leaves out quotas known only by default', async () => {
    const { sim, quotas } = clients('us-east-1');
    const applied = await collectPages(
      paginateListServiceQuotas({ client: quotas, pageSize: 5 }, { ServiceCode: 'workspaces' }),
      (page) => page.Quotas,
    );
    expect(applied.length).toBeGreaterThan(10);
    expect(sim.countsByAction()['servicequotas:ListServiceQuotas']).toBe(Math.ceil(applied.length / 5));
    expect(applied.map((q) => q.QuotaCode)).toContain('L-34278094');
    const web = await collectPages(
      paginateListServiceQuotas({ client: quotas }, { ServiceCode: 'workspaces-web' }),
      (page) => page.Quotas,
    );
    const webDefaults = await collectPages(
      paginateListAWSDefaultServiceQuotas({ client: quotas }, { ServiceCode: 'workspaces-web' }),
      (page) => page.Quotas,
    );
    expect(webDefaults.length).toBeGreaterThan(web.length);
    expect(webDefaults.map((q) => q.QuotaCode)).toContain('L-095DE697');
    expect(web.map((q) => q.QuotaCode)).not.toContain('L-095DE697');
  });

  it('says NoSuchResourceException for a service or quota it does not know, and refuses MaxResults 101', async () => {
    const { quotas } = clients('us-east-1');
    await expect(
      quotas.send(new ListServiceQuotasCommand({ ServiceCode: 'workspacez' })),
    ).rejects.toMatchObject({
      name: 'NoSuchResourceException',
    });
    await expect(
      quotas.send(new GetServiceQuotaCommand({ ServiceCode: 'workspaces', QuotaCode: 'L-00000000' })),
    ).rejects.toMatchObject({ name: 'NoSuchResourceException' });
    await expect(
      quotas.send(new ListServiceQuotasCommand({ ServiceCode: 'appstream2', MaxResults: 101 })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('describes the WorkSpaces quota with its AWS/Usage metric and says which quotas cannot be raised', async () => {
    const { quotas } = clients('eu-west-1');
    const { Quota } = await quotas.send(
      new GetServiceQuotaCommand({ ServiceCode: 'workspaces', QuotaCode: 'L-34278094' }),
    );
    expect(Quota).toMatchObject({
      QuotaName: 'WorkSpaces',
      Adjustable: true,
      GlobalQuota: false,
      UsageMetric: {
        MetricNamespace: 'AWS/Usage',
        MetricName: 'ResourceCount',
        MetricDimensions: { Service: 'WorkSpaces', Type: 'Resource', Resource: 'WorkSpace', Class: 'None' },
        MetricStatisticRecommendation: 'Maximum',
      },
    });
    const bundles = await quotas.send(
      new GetServiceQuotaCommand({ ServiceCode: 'workspaces', QuotaCode: 'L-843E43DA' }),
    );
    expect(bundles.Quota).toMatchObject({ QuotaName: 'Bundles', Adjustable: false, Value: 50 });
  });

  it('serves the usage metric with the number of desktops, at 80 % or more of the quota in the first location', async () => {
    for (const region of estate.settings.regions) {
      const { quotas, cloudwatch } = clients(region);
      const { Quota } = await quotas.send(
        new GetServiceQuotaCommand({ ServiceCode: 'workspaces', QuotaCode: 'L-34278094' }),
      );
      const dims = Quota?.UsageMetric?.MetricDimensions ?? {};
      const out = await cloudwatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(now.getTime() - 2 * HOUR_MS),
          EndTime: now,
          MetricDataQueries: [
            {
              Id: 'used',
              MetricStat: {
                Metric: {
                  Namespace: 'AWS/Usage',
                  MetricName: 'ResourceCount',
                  Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
                },
                Period: 3600,
                Stat: 'Maximum',
              },
            },
          ],
        }),
      );
      const used = out.MetricDataResults?.[0]?.Values?.[0];
      expect(used).toBe(liveDesktops(region));
      const share = (used ?? 0) / (Quota?.Value ?? 1);
      if (region === estate.settings.regions[0]) expect(share).toBeGreaterThanOrEqual(0.8);
      else expect(share).toBeLessThan(0.8);
    }
  });

  it('applies the fleet instance quotas the applications part enforces', async () => {
    const [first] = resourcesByLocation(estate, [
      { account: estate.settings.accounts[0] ?? '', region: 'us-east-1' },
    ]);
    const { quotas } = clients('us-east-1');
    const listed = await collectPages(
      paginateListServiceQuotas({ client: quotas }, { ServiceCode: 'appstream2' }),
      (page) => page.Quotas,
    );
    const medium = listed.find((q) => q.QuotaCode === 'L-59CF7EF6');
    expect(medium?.Value).toBe(first?.instanceQuotas.get('stream.standard.medium') ?? 50);
    expect(listed.every((q) => q.UsageMetric === undefined)).toBe(true);
  });
});
