import { definePlugin } from '@workspaces-euc-mcp/host';
import { coreInstancesFindings } from './contributions/findings.js';
import { coreInstancesIdle } from './contributions/idle.js';
import { coreInstancesInventory } from './contributions/inventory.js';

/**
 * WorkSpaces Core Managed Instances (the workspaces-instances API): inventory, provisioning
 * failures and unreleased EC2 instances for the cross-service tools. Plain Core partner desktops
 * use the WorkSpaces API and are counted by the WorkSpaces Personal plugin.
 */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-core-instances',
  version: '0.1.0',
  description:
    'WorkSpaces Core Managed Instances (the workspaces-instances API): instances by provisioning state in the inventory, failed launches and releases with their EC2 errors in the audit, unreleased EC2 instances in the unused-resources report. Core partner desktops are WorkSpaces, covered by the Personal plugin.',
  instructions:
    'WorkSpaces Core Managed Instances: partner-managed Core desktops on EC2 instances managed by WorkSpaces (the API is "workspaces-instances").',
  tools: [],
  contributes: {
    inventory: [coreInstancesInventory],
    findings: [coreInstancesFindings],
    idle: [coreInstancesIdle],
  },
});

export default plugin;
