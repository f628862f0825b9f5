import type { WorkspaceInstance } from '@aws-sdk/client-workspaces-instances';
import {
  type InventoryContributor,
  type InventoryRow,
  SERVICE_LABELS,
  tally,
} from '@workspaces-euc-mcp/host';
import { listInstances } from '../aws.js';
import { phaseOf } from '../provisioning.js';

/**
 * The inventory's product name. Plain WorkSpaces Core partner desktops are WorkSpaces in the
 * `workspaces` API, counted with the WorkSpace desktops; only managed instances are here. The name
 * says so without the word "Personal", so a "Personal" service filter does not match it.
 */
export const CORE_INVENTORY_SERVICE = `${SERVICE_LABELS.coreInstances} (Core partner desktops are counted as WorkSpaces)`;

/** One row per managed instance: everything ListWorkspaceInstances returns, plus its phase. */
export function instanceRow(instance: WorkspaceInstance): InventoryRow {
  return {
    id: instance.WorkspaceInstanceId ?? '',
    state: instance.ProvisionState ?? 'UNKNOWN',
    attributes: {
      ec2InstanceId: instance.EC2ManagedInstance?.InstanceId ?? null,
      phase: phaseOf(instance.ProvisionState),
    },
  };
}

/**
 * Managed instances by ProvisionState. Billing mode and error details need GetWorkspaceInstance,
 * one call per instance, which an inventory cannot afford; the findings read them for the failed
 * instances only. Tags likewise need one ListTagsForResource per instance.
 */
export const coreInstancesInventory: InventoryContributor = {
  id: 'core-instances.instances',
  service: CORE_INVENTORY_SERVICE,
  resourceType: 'Managed instance',
  iam: ['workspaces-instances:ListWorkspaceInstances'],
  async collect(ctx, scope) {
    const instances = await listInstances(ctx, scope);
    const byState: Record<string, number> = {};
    const ec2Instance: Record<string, number> = {};
    for (const instance of instances) {
      tally(byState, instance.ProvisionState ?? 'UNKNOWN');
      tally(ec2Instance, instance.EC2ManagedInstance?.InstanceId ? 'attached' : 'none');
    }
    return { byState, breakdowns: { ec2Instance }, rows: instances.map(instanceRow) };
  },
};
