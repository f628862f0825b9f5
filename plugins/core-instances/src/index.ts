import { definePlugin } from '@workspaces-euc-mcp/host';

/** WorkSpaces Core Managed Instances (the workspaces-instances API). */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-core-instances',
  version: '0.1.0',
  description: 'WorkSpaces Core Managed Instances (the workspaces-instances API).',
  tools: [],
});

export default plugin;
