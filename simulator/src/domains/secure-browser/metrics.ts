/**
 * AWS/WorkSpacesWeb session metrics per portal (dimension PortalId), one datapoint a minute,
 * counted from the portal's own session history: SessionSuccess is the sessions that started in
 * the minute, SessionFailure the failed attempts, SessionAttempt both. A minute without any
 * attempt publishes nothing, so an idle portal has no datapoints at all.
 */
import type { Estate, MetricProvider } from '../../estate-model.js';
import type { MetricKey, MetricSource } from '../../metric-source.js';
import { singleDimension } from '../../metric-source.js';
import type { SimPortal } from './model.js';

const MINUTE_MS = 60_000;

/** Start times (ms, ascending) per portal session list, computed once per list. */
const startsCache = new WeakMap<object, Float64Array>();

function startTimes(portal: SimPortal): Float64Array {
  let starts = startsCache.get(portal.sessions);
  if (!starts) {
    starts = Float64Array.from(portal.sessions, (s) => s.startTime?.getTime() ?? 0);
    startsCache.set(portal.sessions, starts);
  }
  return starts;
}

/** Index of the first value >= t in an ascending list. */
function lowerBound(values: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countIn(values: ArrayLike<number>, from: number, to: number): number {
  return lowerBound(values, to) - lowerBound(values, from);
}

/** Serves SessionAttempt, SessionSuccess and SessionFailure by PortalId. */
export const secureBrowserMetrics: MetricProvider = (
  key: MetricKey,
  estate: Estate,
): MetricSource | undefined => {
  if (key.namespace !== 'AWS/WorkSpacesWeb') return undefined;
  if (!['SessionAttempt', 'SessionSuccess', 'SessionFailure'].includes(key.metricName)) return undefined;
  const portalId = singleDimension(key, 'PortalId');
  const portal = estate.secureBrowser.portals.find(
    (p) => p.portalId === portalId && p.account === key.account && p.region === key.region,
  );
  if (!portal) return undefined;
  return {
    resolutionSeconds: 60,
    sample: (t) => {
      const successes = countIn(startTimes(portal), t, t + MINUTE_MS);
      const failures = countIn(portal.failedAttempts, t, t + MINUTE_MS);
      if (successes + failures === 0) return undefined;
      if (key.metricName === 'SessionSuccess') return successes;
      if (key.metricName === 'SessionFailure') return failures;
      return successes + failures;
    },
  };
};
