import type { ServiceHandlers } from '../../handlers.js';
import type { MetricProvider } from '../../metric-source.js';
import type { GenerationContext } from '../../model.js';
import type { SecureBrowserEstate } from './model.js';

export type * from './model.js';

export function generateSecureBrowser(_ctx: GenerationContext): SecureBrowserEstate {
  return {};
}

export const secureBrowserHandlers: ServiceHandlers = {};

export const secureBrowserMetrics: MetricProvider | undefined = undefined;
