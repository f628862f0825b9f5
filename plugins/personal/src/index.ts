import { definePlugin } from '@workspaces-euc-mcp/host';

/** WorkSpaces Personal (and Core partner desktops on the same API). */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-personal',
  version: '0.1.0',
  description: 'WorkSpaces Personal (and Core partner desktops on the same API).',
  tools: [],
});

export default plugin;
