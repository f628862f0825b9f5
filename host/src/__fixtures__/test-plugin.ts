import {
  DescribeWorkspacesCommand,
  paginateDescribeWorkspaces,
  StopWorkspacesCommand,
  TerminateWorkspacesCommand,
  WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import Type from 'typebox';
import { collectPages } from '../aws/helpers.js';
import { definePlugin, defineTool, defineWriteTool } from '../plugin-api/define.js';
import type { PlannedTarget, TargetResult, ToolContext } from '../plugin-api/types.js';

const Region = Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' }));
const Ids = Type.Array(Type.String({ pattern: '^ws-[0-9a-z]{8,63}$' }), { minItems: 1, maxItems: 500 });

async function planByState(
  ids: readonly string[],
  region: string | undefined,
  ctx: ToolContext,
  action: string,
  legal: (state: string) => boolean,
): Promise<PlannedTarget[]> {
  const client = ctx.aws.client(WorkSpacesClient, { region });
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 25) {
    const page = await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: ids.slice(i, i + 25) }));
    for (const ws of page.Workspaces ?? [])
      if (ws.WorkspaceId) found.set(ws.WorkspaceId, ws.State ?? 'UNKNOWN');
  }
  return ids.map((id) => {
    const state = found.get(id);
    if (state === undefined) return { id, action, skip: 'not found' };
    return legal(state)
      ? { id, action, current: state }
      : { id, action, current: state, skip: `cannot ${action} in ${state}` };
  });
}

function resultsFrom(
  targets: readonly PlannedTarget[],
  failed: readonly { WorkspaceId?: string; ErrorCode?: string; ErrorMessage?: string }[],
): TargetResult[] {
  const failures = new Map(failed.map((f) => [f.WorkspaceId, f]));
  return targets.map((t) => {
    const failure = failures.get(t.id);
    return failure
      ? { id: t.id, ok: false, code: failure.ErrorCode, message: failure.ErrorMessage }
      : { id: t.id, ok: true };
  });
}

/** A small plugin exercising every host mechanism: a read tool, a write tool, a destructive tool, contributions. */
export const testPlugin = definePlugin({
  name: 'test-plugin',
  version: '1.0.0',
  description: 'Fixture for host tests.',
  contributes: {
    inventory: [
      {
        id: 'test.workspaces',
        service: 'WorkSpaces Personal',
        resourceType: 'WorkSpace',
        iam: ['workspaces:DescribeWorkspaces'],
        async collect(ctx, scope) {
          const client = ctx.aws.client(WorkSpacesClient, scope);
          const all = await collectPages(
            paginateDescribeWorkspaces({ client }, {}),
            (page) => page.Workspaces,
          );
          const byState: Record<string, number> = {};
          const byMode: Record<string, number> = {};
          for (const w of all) {
            byState[w.State ?? 'UNKNOWN'] = (byState[w.State ?? 'UNKNOWN'] ?? 0) + 1;
            const mode = w.WorkspaceProperties?.RunningMode ?? 'UNKNOWN';
            byMode[mode] = (byMode[mode] ?? 0) + 1;
          }
          return {
            byState,
            breakdowns: { runningMode: byMode },
            rows: all.map((w) => ({
              id: w.WorkspaceId ?? '',
              ...(w.ComputerName ? { name: w.ComputerName } : {}),
              state: w.State ?? 'UNKNOWN',
              attributes: { userName: w.UserName ?? null },
            })),
          };
        },
      },
    ],
  },
  tools: [
    defineTool({
      name: 'list_test_workspaces',
      title: 'List test workspaces',
      description: 'Lists desktops (test fixture).',
      tier: 0,
      iam: ['workspaces:DescribeWorkspaces'],
      input: Type.Object(
        { region: Region, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })) },
        { additionalProperties: false },
      ),
      output: Type.Object({ summary: Type.String(), count: Type.Integer(), ids: Type.Array(Type.String()) }),
      async run(input, ctx) {
        const client = ctx.aws.client(WorkSpacesClient, { region: input.region });
        const workspaces = await ctx.memo(`ws:${input.region ?? ''}`, () =>
          collectPages(paginateDescribeWorkspaces({ client }, {}), (page) => page.Workspaces),
        );
        ctx.progress(1, 1, 'listed');
        const ids = workspaces.flatMap((w) => (w.WorkspaceId ? [w.WorkspaceId] : []));
        return {
          summary: `${ids.length} desktops.`,
          count: ids.length,
          ids: ids.slice(0, input.limit ?? 10),
        };
      },
    }),
    defineTool({
      name: 'count_twice_test',
      title: 'Count twice',
      description: 'Calls list_test_workspaces twice through the host (tests callTool and memo).',
      tier: 0,
      iam: [],
      input: Type.Object({}),
      output: Type.Object({
        summary: Type.String(),
        first: Type.Integer(),
        second: Type.Integer(),
        missing: Type.String(),
      }),
      async run(_input, ctx) {
        const first = await ctx.callTool('list_test_workspaces', {});
        const second = await ctx.callTool('list_test_workspaces', { limit: 1 });
        const missing = await ctx.callTool('not_a_tool_here', {});
        const count = (outcome: typeof first) => (outcome.ok ? Number(outcome.result.count) : -1);
        return {
          summary: 'counted',
          first: count(first),
          second: count(second),
          missing: missing.ok ? 'ok' : missing.reason,
        };
      },
    }),
    defineWriteTool({
      name: 'stop_test_workspaces',
      title: 'Stop test workspaces',
      description: 'Stops desktops (test fixture).',
      tier: 2,
      iam: ['workspaces:DescribeWorkspaces', 'workspaces:StopWorkspaces'],
      input: Type.Object({ workspaceIds: Ids, region: Region }, { additionalProperties: false }),
      plan: async (input, ctx) => ({
        targets: await planByState(input.workspaceIds, input.region, ctx, 'stop', (s) => s === 'AVAILABLE'),
      }),
      async apply(targets, input, ctx) {
        const client = ctx.aws.client(WorkSpacesClient, { region: input.region });
        const out = await client.send(
          new StopWorkspacesCommand({ StopWorkspaceRequests: targets.map((t) => ({ WorkspaceId: t.id })) }),
        );
        return resultsFrom(targets, out.FailedRequests ?? []);
      },
    }),
    defineWriteTool({
      name: 'terminate_test_workspaces',
      title: 'Terminate test workspaces',
      description: 'Terminates desktops (test fixture).',
      tier: 3,
      acknowledgement: 'TERMINATE',
      iam: ['workspaces:DescribeWorkspaces', 'workspaces:TerminateWorkspaces'],
      input: Type.Object({ workspaceIds: Ids, region: Region }, { additionalProperties: false }),
      plan: async (input, ctx) => ({
        targets: await planByState(
          input.workspaceIds,
          input.region,
          ctx,
          'terminate',
          (s) => s !== 'TERMINATED',
        ),
        impact: 'The desktops and their user volumes are deleted.',
      }),
      async apply(targets, input, ctx) {
        const client = ctx.aws.client(WorkSpacesClient, { region: input.region });
        const out = await client.send(
          new TerminateWorkspacesCommand({
            TerminateWorkspaceRequests: targets.map((t) => ({ WorkspaceId: t.id })),
          }),
        );
        return resultsFrom(targets, out.FailedRequests ?? []);
      },
    }),
  ],
});
