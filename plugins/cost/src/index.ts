import { definePlugin } from '@workspaces-euc-mcp/host';

/** Cost Explorer, Price List, running-mode and unused-resource economics. */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-cost',
  version: '0.1.0',
  description: 'Cost Explorer, Price List, running-mode and unused-resource economics.',
  tools: [],
});

export default plugin;
