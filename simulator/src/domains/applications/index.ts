import type { ServiceHandlers } from '../../handlers.js';
import { appstreamFleetWriteOperations } from './appstream-fleet-writes.js';
import { appstreamImageOperations } from './appstream-images.js';
import { appstreamOtherWriteOperations } from './appstream-other-writes.js';
import { appstreamReadOperations } from './appstream-read.js';
import { autoscalingOperations } from './autoscaling-service.js';

export { generateApplications } from './generate.js';
export { applicationsMetrics } from './metrics.js';
export type * from './model.js';

export const applicationsHandlers: ServiceHandlers = {
  appstream: {
    ...appstreamReadOperations,
    ...appstreamImageOperations,
    ...appstreamFleetWriteOperations,
    ...appstreamOtherWriteOperations,
  },
  'application-autoscaling': autoscalingOperations,
};
