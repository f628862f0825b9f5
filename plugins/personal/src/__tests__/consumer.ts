import { definePlugin, defineTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';

/** A test-only composite: the inventory summary and two personal tools in one client call. */
export const compositePlugin = definePlugin({
  name: 'personal-test-composite',
  version: '0.0.0',
  description: 'Test composite report.',
  tools: [
    defineTool({
      name: 'run_test_composite',
      title: 'Composite (test)',
      description: 'Calls the inventory summary and two personal tools in one client call.',
      tier: 0,
      iam: [],
      input: Type.Object({}),
      output: Type.Object({ summary: Type.String(), ok: Type.Array(Type.Boolean()) }),
      async run(_input, ctx) {
        const outcomes = [
          await ctx.callTool('get_euc_inventory_summary', {}),
          await ctx.callTool('find_workspaces', { state: 'UNHEALTHY' }),
          await ctx.callTool('get_workspace_performance', { topN: 3 }),
        ];
        return { summary: 'composite', ok: outcomes.map((o) => o.ok) };
      },
    }),
  ],
});
