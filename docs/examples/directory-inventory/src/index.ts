import { definePlugin } from '@workspaces-euc-mcp/host';
import { directoryInventory } from './inventory.js';
import { listWorkspaceDirectories } from './tools/list-workspace-directories.js';

/**
 * An example third-party plugin: WorkSpaces directories with their desktops, as a tool and as
 * rows of the host's cross-service inventory. It loads only when a config file lists it.
 */
export const plugin = definePlugin({
  name: 'euc-directory-inventory',
  version: '0.1.0',
  apiVersion: '1.0',
  description: 'WorkSpaces directories, their desktops, and their share of the cross-service inventory.',
  tools: [listWorkspaceDirectories],
  contributes: { inventory: [directoryInventory] },
});

export default plugin;
