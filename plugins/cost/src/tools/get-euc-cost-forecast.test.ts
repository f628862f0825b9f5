import { describe, expect, it } from 'vitest';
import { costAndUsageOf, eucAccount } from '../__tests__/cost-explorer.js';
import { estateHost } from '../__tests__/estate.js';
import { plugin } from '../index.js';

const NOW = new Date('2025-03-17T10:30:00Z');

describe('get_euc_cost_forecast', () => {
  it('forecasts the EUC services with spend and warns when the run-rate jumped', async () => {
    const forecasts: Record<string, unknown>[] = [];
    const { host, count } = await estateHost(
      plugin,
      {
        desktops: [],
        costAndUsage: costAndUsageOf(eucAccount()),
        costForecast: (input) => {
          forecasts.push(input);
          return {
            Total: { Amount: '630.5', Unit: 'USD' },
            ForecastResultsByTime: [
              {
                TimePeriod: { Start: '2025-03-18', End: '2025-04-01' },
                MeanValue: '300',
                PredictionIntervalLowerBound: '250',
                PredictionIntervalUpperBound: '350',
              },
            ],
          };
        },
      },
      { now: NOW },
    );
    const result = await host.invoke('get_euc_cost_forecast', {});
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as Record<string, unknown>;
    expect(forecasts[0]).toMatchObject({
      TimePeriod: { Start: '2025-03-18', End: '2025-04-17' },
      Filter: { Dimensions: { Key: 'SERVICE', Values: ['Amazon AppStream', 'Amazon WorkSpaces'] } },
      PredictionIntervalLevel: 80,
    });
    expect(out.forecastTotal).toBe(630.5);
    // Daily EUC spend 15 Feb - 16 Mar, 1 Mar left out: 9/day WorkSpaces + AppStream 2/day (12 from 10 Mar).
    // Recent (10-16 Mar) 21/day; trailing (22 × 11 + 7 × 21) / 29 = 13.41/day; 21 / 13.41 = +57%.
    expect(out.recentDailyAverage).toBe(21);
    expect(out.trailingDailyAverage).toBe(13.41);
    expect(out.runRateWarning).toContain('57% above');
    expect(count('GetCostAndUsage') + count('GetCostForecast')).toBe(2);
    expect(out.costExplorerRequests).toBe(2);
  });

  it('does not ask for a forecast when there was no EUC spend', async () => {
    const { host, count } = await estateHost(
      plugin,
      { desktops: [], costAndUsage: costAndUsageOf([]) },
      { now: NOW },
    );
    const result = await host.invoke('get_euc_cost_forecast', {});
    if (!result.ok) throw new Error(result.text);
    expect((result.structured as { forecastTotal: unknown }).forecastTotal).toBeNull();
    expect(count('GetCostForecast')).toBe(0);
  });

  it('refuses a DAILY forecast beyond Cost Explorer’s 90 days', async () => {
    const { host, count } = await estateHost(
      plugin,
      { desktops: [], costAndUsage: costAndUsageOf([]) },
      { now: NOW },
    );
    const result = await host.invoke('get_euc_cost_forecast', { daysAhead: 120, granularity: 'DAILY' });
    expect(result.ok).toBe(false);
    expect(count('GetCostAndUsage')).toBe(0);
  });
});
