/**
 * AWS/Usage `ResourceCount` series behind the quotas' usage metrics (dimensions Service, Type,
 * Resource, Class), computed from the resources at request time, so a desktop created or
 * terminated through the simulator shows in the next GetMetricData answer.
 */
import type { Estate, MetricProvider } from '../../estate-model.js';
import type { MetricKey, MetricSource } from '../../metric-source.js';
import type { Location } from '../../model.js';
import { QUOTA_CATALOGUE } from './quota-catalogue.js';
import { type LocationResources, resourcesByLocation } from './resources.js';

const DIMENSIONS = ['Class', 'Resource', 'Service', 'Type'];

const cache = new WeakMap<Estate, Map<string, { desktops: number; resources: LocationResources }>>();

/** The resources of one location, re-read when the number of desktops changes. */
export function locationResources(estate: Estate, location: Location): LocationResources {
  const perEstate = cache.get(estate) ?? new Map();
  cache.set(estate, perEstate);
  const key = `${location.account}|${location.region}`;
  const cached = perEstate.get(key);
  if (cached && cached.desktops === estate.personal.desktops.length) return cached.resources;
  const [resources] = resourcesByLocation(estate, [location]);
  if (!resources) throw new Error(`No resources for ${key}`);
  perEstate.set(key, { desktops: estate.personal.desktops.length, resources });
  return resources;
}

/** Serves AWS/Usage ResourceCount for the EUC quotas whose resources the estate models. */
export const usageMetrics: MetricProvider = (key: MetricKey, estate: Estate): MetricSource | undefined => {
  if (key.namespace !== 'AWS/Usage' || key.metricName !== 'ResourceCount') return undefined;
  const names = Object.keys(key.dimensions).sort();
  if (names.length !== DIMENSIONS.length || names.some((n, i) => n !== DIMENSIONS[i])) return undefined;
  const { Service, Type, Resource, Class } = key.dimensions;
  if (Type !== 'Resource' || Class !== 'None') return undefined;
  const definition = QUOTA_CATALOGUE.find(
    (q) => q.metric?.service === Service && q.metric?.resource === Resource,
  );
  const count = definition?.count;
  if (!count) return undefined;
  const countAt = count(locationResources(estate, key));
  return { resolutionSeconds: 300, sample: countAt };
};
