import { definePlugin } from '@workspaces-euc-mcp/host';

/** Security posture, audit trail (CloudTrail) and service quotas. */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-audit',
  version: '0.1.0',
  description: 'Security posture, audit trail (CloudTrail) and service quotas.',
  tools: [],
});

export default plugin;
