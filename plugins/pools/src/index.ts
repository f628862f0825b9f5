import { definePlugin } from '@workspaces-euc-mcp/host';

/** WorkSpaces Pools. */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-pools',
  version: '0.1.0',
  description: 'WorkSpaces Pools.',
  tools: [],
});

export default plugin;
