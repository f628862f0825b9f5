import { definePlugin } from '@workspaces-euc-mcp/host';

/** WorkSpaces Secure Browser (formerly WorkSpaces Web; the workspaces-web API). */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-secure-browser',
  version: '0.1.0',
  description: 'WorkSpaces Secure Browser (formerly WorkSpaces Web; the workspaces-web API).',
  tools: [],
});

export default plugin;
