import type { MetricProvider } from '../../estate-model.js';
import type { ServiceHandlers } from '../../handlers.js';
import { coreInstancesEc2Operations } from './ec2-service.js';
import { coreInstancesOperations } from './service.js';

export { generateCoreInstances } from './generate.js';
export type * from './model.js';

/**
 * WorkSpaces Core Managed Instances, IAM prefix `workspaces-instances`, and the EC2 instances and
 * volumes behind them (`ec2`; the Personal domain answers the other EC2 action, DescribeSubnets).
 */
export const coreInstancesHandlers: ServiceHandlers = {
  'workspaces-instances': coreInstancesOperations,
  ec2: coreInstancesEc2Operations,
};

/** Managed instances publish EC2 metrics (AWS/EC2), which the estate does not model. */
export const coreInstancesMetrics: MetricProvider | undefined = undefined;
