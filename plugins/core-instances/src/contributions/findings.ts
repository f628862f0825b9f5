import { type FindingsContributor, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import { getInstances, listInstances } from '../aws.js';
import { CORE_CHECKS, failureFinding } from '../checks.js';
import { FAILED_STATES } from '../provisioning.js';

/**
 * Instances whose launch or release failed, with EC2's error and what to do. The API filters the
 * list to the failed states, and only those instances are read one by one for their errors.
 */
export const coreInstancesFindings: FindingsContributor = {
  id: 'core-instances.provisioning',
  service: SERVICE_LABELS.coreInstances,
  iam: ['workspaces-instances:ListWorkspaceInstances', 'workspaces-instances:GetWorkspaceInstance'],
  checks: CORE_CHECKS,
  async collect(ctx, scope) {
    const failed = await listInstances(ctx, scope, FAILED_STATES);
    const ids = failed.flatMap((i) => (i.WorkspaceInstanceId ? [i.WorkspaceInstanceId] : []));
    const details = await getInstances(ctx, scope, ids);
    return details.flatMap(failureFinding);
  },
};
