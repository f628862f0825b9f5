// A third-party-style plugin for the end-to-end test: plain JS against the published plugin API.
import {
  paginateDescribeWorkspaces,
  StopWorkspacesCommand,
  WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { collectPages, definePlugin, defineTool, defineWriteTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';

const Region = Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' }));

export default definePlugin({
  name: 'e2e-plugin',
  version: '1.0.0',
  description: 'End-to-end test plugin.',
  tools: [
    defineTool({
      name: 'count_e2e_workspaces',
      title: 'Count workspaces',
      description: 'Counts desktops by state.',
      tier: 0,
      iam: ['workspaces:DescribeWorkspaces'],
      input: Type.Object({ region: Region }, { additionalProperties: false }),
      output: Type.Object({
        summary: Type.String(),
        total: Type.Integer(),
        byState: Type.Record(Type.String(), Type.Integer()),
      }),
      async run(input, ctx) {
        const client = ctx.aws.client(WorkSpacesClient, { region: input.region });
        ctx.progress(0, 1, 'listing desktops');
        const all = await collectPages(paginateDescribeWorkspaces({ client }, {}), (page) => page.Workspaces);
        ctx.progress(1, 1, 'done');
        const byState = {};
        for (const ws of all) byState[ws.State] = (byState[ws.State] ?? 0) + 1;
        return { summary: `${all.length} desktops.`, total: all.length, byState };
      },
    }),
    defineWriteTool({
      name: 'stop_e2e_workspaces',
      title: 'Stop workspaces',
      description: 'Stops desktops.',
      tier: 2,
      iam: ['workspaces:StopWorkspaces'],
      input: Type.Object(
        { workspaceIds: Type.Array(Type.String(), { minItems: 1 }) },
        { additionalProperties: false },
      ),
      plan: async (input) => ({ targets: input.workspaceIds.map((id) => ({ id, action: 'stop' })) }),
      async apply(targets, _input, ctx) {
        const client = ctx.aws.client(WorkSpacesClient);
        await client.send(
          new StopWorkspacesCommand({ StopWorkspaceRequests: targets.map((t) => ({ WorkspaceId: t.id })) }),
        );
        return targets.map((t) => ({ id: t.id, ok: true }));
      },
    }),
  ],
});
