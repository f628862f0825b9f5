import type { ServiceHandlers } from '../../handlers.js';
import { directoryServiceOperations, ec2Operations } from './ds-ec2-services.js';
import { personalWorkspacesOperations } from './workspaces-service.js';

export { generatePersonal } from './generate.js';
export { personalMetrics } from './metrics.js';
export type * from './model.js';

export const personalHandlers: ServiceHandlers = {
  workspaces: personalWorkspacesOperations,
  ds: directoryServiceOperations,
  ec2: ec2Operations,
};
