import { definePlugin, defineTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';

/**
 * A test-only plugin standing in for the cross-service security audit (not built yet): it runs
 * every findings contributor through a real host context.
 */
export const findingsConsumerPlugin = definePlugin({
  name: 'personal-test-findings-consumer',
  version: '0.0.0',
  description: 'Test consumer of findings contributions.',
  tools: [
    defineTool({
      name: 'collect_test_findings',
      title: 'Collect findings (test)',
      description: 'Runs every findings contributor in the default region.',
      tier: 0,
      iam: [],
      consumes: ['findings'],
      input: Type.Object({}),
      output: Type.Object({
        summary: Type.String(),
        findings: Type.Array(Type.Record(Type.String(), Type.String())),
      }),
      async run(_input, ctx) {
        const scope = { region: ctx.aws.defaultRegion };
        const all = (await Promise.all(ctx.contributions.findings.map((c) => c.collect(ctx, scope)))).flat();
        return {
          summary: `${all.length} findings`,
          findings: all.map((f) => ({
            checkId: f.checkId,
            resourceId: f.resourceId,
            detail: f.detail ?? '',
          })),
        };
      },
    }),
  ],
});

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
