import type { MetricProvider } from '../../estate-model.js';
import type { ServiceHandlers } from '../../handlers.js';
import { coreInstancesOperations } from './service.js';

export { generateCoreInstances } from './generate.js';
export type * from './model.js';

/** WorkSpaces Core Managed Instances, IAM prefix `workspaces-instances`. */
export const coreInstancesHandlers: ServiceHandlers = { 'workspaces-instances': coreInstancesOperations };

/** Managed instances publish EC2 metrics (AWS/EC2), which the estate does not model. */
export const coreInstancesMetrics: MetricProvider | undefined = undefined;
