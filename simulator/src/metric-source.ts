/**
 * How a part of the estate publishes CloudWatch data. Series are computed on demand from
 * stateless seeded functions (an estate of 10,000 desktops has tens of millions of 5-minute
 * samples a month), and the CloudWatch service aggregates them into the requested periods.
 */

/** One metric of one resource, as a GetMetricData MetricStat names it. */
export interface MetricKey {
  readonly account: string;
  readonly region: string;
  readonly namespace: string;
  readonly metricName: string;
  /** Dimension name → value. */
  readonly dimensions: Readonly<Record<string, string>>;
}

/** The raw samples of one metric. */
export interface MetricSource {
  /** Seconds between samples: 300 for WorkSpaces Personal, 60 for most others. */
  readonly resolutionSeconds: number;
  /**
   * The sample covering [timeMs, timeMs + resolution), timeMs aligned to the resolution;
   * undefined when the resource published nothing then (stopped, not yet created).
   */
  sample(timeMs: number): number | undefined;
  /**
   * Optional fast path: the statistic over the samples in [fromMs, toMs), exactly what aggregating
   * `sample` would give, or undefined when there are none. For series summed over long windows
   * (hourly UserConnected of 10,000 desktops is 40 million samples a fortnight).
   */
  aggregate?(fromMs: number, toMs: number, stat: string): number | undefined;
}

/** A dimension value, or undefined when the key does not have exactly this one dimension. */
export function singleDimension(key: MetricKey, name: string): string | undefined {
  const names = Object.keys(key.dimensions);
  if (names.length !== 1 || names[0] !== name) return undefined;
  return key.dimensions[name];
}
