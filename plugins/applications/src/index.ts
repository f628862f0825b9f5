import { definePlugin } from '@workspaces-euc-mcp/host';

/** WorkSpaces Applications (formerly AppStream 2.0; the appstream API). */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-applications',
  version: '0.1.0',
  description: 'WorkSpaces Applications (formerly AppStream 2.0; the appstream API).',
  tools: [],
});

export default plugin;
