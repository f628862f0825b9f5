import { type IdleContributor, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import { listInstances } from '../aws.js';
import { releaseFailedIdle } from '../checks.js';
import { FAILED_STATES } from '../provisioning.js';

/**
 * Managed instances that cost money while serving nobody, as far as the workspaces-instances API
 * can tell: ERROR_DEALLOCATING ones whose EC2 instance was not terminated. A failed release is waste
 * from the moment it fails and the API gives no timestamp to compare with `idleDays`, so every one
 * is listed whatever the window.
 *
 * Not covered, and why: an ALLOCATED instance whose EC2 instance was terminated behind WorkSpaces'
 * back cannot be seen in this API (it still lists the EC2 id); telling it needs ec2:DescribeInstances
 * on those ids. A DEALLOCATED instance has no EC2 instance left, so it costs nothing. There is no
 * usage signal either (managed instances publish only AWS/EC2 metrics, with no user-session metric),
 * so an ALLOCATED instance nobody logs on to cannot be called idle.
 */
export const coreInstancesIdle: IdleContributor = {
  id: 'core-instances.release-failed',
  service: SERVICE_LABELS.coreInstances,
  iam: ['workspaces-instances:ListWorkspaceInstances'],
  async collect(ctx, scope) {
    // The same filtered list the findings read, so a report running both lists once.
    return (await listInstances(ctx, scope, FAILED_STATES)).flatMap(releaseFailedIdle);
  },
};
