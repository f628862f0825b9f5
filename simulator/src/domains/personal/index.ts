import type { ServiceHandlers } from '../../handlers.js';
import { directoryServiceOperations, ec2Operations } from './ds-ec2-services.js';
import { taggingOperations } from './tagging-service.js';
import { personalWorkspacesOperations } from './workspaces-service.js';

export { generatePersonal } from './generate.js';
export { personalMetrics } from './metrics.js';
export type * from './model.js';

export const personalHandlers: ServiceHandlers = {
  workspaces: personalWorkspacesOperations,
  ds: directoryServiceOperations,
  ec2: ec2Operations,
  // The Resource Groups Tagging API: the batch read of the desktops' (and pools') tags.
  tag: taggingOperations,
};
