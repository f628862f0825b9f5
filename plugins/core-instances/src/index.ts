import { definePlugin } from '@workspaces-euc-mcp/host';
import { coreInstancesFindings } from './contributions/findings.js';
import { coreInstancesIdle } from './contributions/idle.js';
import { coreInstancesInventory } from './contributions/inventory.js';
import { deleteCoreManagedInstance } from './tools/delete-core-managed-instance.js';
import { getCoreManagedInstance } from './tools/get-core-managed-instance.js';
import { listCoreInstanceOptions } from './tools/list-core-instance-options.js';
import { listCoreManagedInstances } from './tools/list-core-managed-instances.js';

/**
 * WorkSpaces Core Managed Instances (the workspaces-instances API): its own tools to list, explain
 * and delete managed instances and to see the instance types and regions on offer; inventory,
 * provisioning failures and unreleased EC2 instances for the cross-service tools. Plain Core
 * partner desktops use the WorkSpaces API and are counted by the WorkSpaces Personal plugin.
 */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-core-instances',
  version: '0.1.0',
  description:
    'WorkSpaces Core Managed Instances (the workspaces-instances API): list, explain and delete managed instances, instance types and regions on offer; instances by provisioning state in the inventory, failed launches and releases with their EC2 errors in the audit, unreleased EC2 instances in the unused-resources report. Core partner desktops are WorkSpaces, covered by the Personal plugin.',
  instructions:
    'WorkSpaces Core Managed Instances: partner-managed Core desktops on EC2 instances managed by WorkSpaces (the API is "workspaces-instances").',
  tools: [
    listCoreManagedInstances,
    getCoreManagedInstance,
    listCoreInstanceOptions,
    deleteCoreManagedInstance,
  ],
  contributes: {
    inventory: [coreInstancesInventory],
    findings: [coreInstancesFindings],
    idle: [coreInstancesIdle],
  },
});

export default plugin;
