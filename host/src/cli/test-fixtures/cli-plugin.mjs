// A plugin for the CLI tests: no AWS calls, answers fixed by the input, so each test checks what
// the CLI prints and returns (format, attachments, exit codes), not a service.
import { definePlugin, defineTool, defineWriteTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';

const WIDGETS = [
  { id: 'w-1', color: 'red', size: 3 },
  { id: 'w-2', color: 'blue|green', size: 5 },
];

export default definePlugin({
  name: 'cli-test-plugin',
  version: '1.0.0',
  description: 'Widgets for the CLI tests.',
  contributes: {
    inventory: [
      {
        id: 'cli.widgets',
        service: 'Widget Service',
        resourceType: 'Widget',
        iam: ['workspaces:DescribeWorkspaces'],
        async collect() {
          return {
            byState: { AVAILABLE: 2 },
            rows: WIDGETS.map((w) => ({ id: w.id, state: 'AVAILABLE', attributes: { color: w.color } })),
          };
        },
      },
    ],
  },
  tools: [
    defineTool({
      name: 'report_widgets',
      title: 'Report widgets',
      description: 'Lists the widgets with a CSV attachment.',
      tier: 0,
      iam: ['workspaces:DescribeWorkspaces'],
      input: Type.Object(
        {
          color: Type.Optional(Type.String({ description: 'Only this color' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 25 })),
        },
        { additionalProperties: false },
      ),
      output: Type.Object({
        summary: Type.String(),
        total: Type.Integer(),
        nextCursor: Type.Optional(Type.String()),
        byColor: Type.Record(Type.String(), Type.Integer()),
        widgets: Type.Array(Type.Object({ id: Type.String(), color: Type.String(), size: Type.Integer() })),
        notes: Type.Array(Type.String()),
      }),
      async run(_input, ctx) {
        ctx.attach({
          uri: 'workspaces-euc://widgets/widgets.csv',
          mimeType: 'text/csv',
          text: 'id,color\nw-1,red\n',
        });
        return {
          summary: '2 widgets.',
          total: 2,
          nextCursor: 'abc',
          byColor: { red: 1, 'blue|green': 1 },
          widgets: WIDGETS,
          notes: ['Sizes are in inches.'],
        };
      },
    }),
    defineTool({
      name: 'get_widget',
      title: 'Get widget',
      description: 'One widget by id.',
      tier: 0,
      iam: ['workspaces:DescribeWorkspaces'],
      input: Type.Object({ widgetId: Type.String() }, { additionalProperties: false }),
      output: Type.Object({ summary: Type.String(), markdown: Type.String() }),
      async run(input) {
        // Thrown as AWS throws it (a ToolError from this file would be the dist class, not the one
        // the tests' host source checks with instanceof).
        if (input.widgetId !== 'w-1')
          throw Object.assign(new Error(`Widget ${input.widgetId} was not found.`), {
            name: 'ResourceNotFoundException',
            $metadata: { httpStatusCode: 400 },
          });
        return { summary: 'w-1 is red.', markdown: '# Widget w-1\n\nRed, size 3.\n' };
      },
    }),
    defineWriteTool({
      name: 'paint_widgets',
      title: 'Paint widgets',
      description: 'Paints widgets; w-bad fails.',
      tier: 2,
      iam: ['workspaces:ModifyWorkspaceProperties'],
      input: Type.Object(
        { widgetIds: Type.Array(Type.String(), { minItems: 1 }) },
        { additionalProperties: false },
      ),
      plan: async (input) => ({ targets: input.widgetIds.map((id) => ({ id, action: 'paint' })) }),
      apply: async (targets) =>
        targets.map((t) =>
          t.id === 'w-bad'
            ? { id: t.id, ok: false, code: 'Oops', message: 'paint spilled' }
            : { id: t.id, ok: true },
        ),
    }),
    defineWriteTool({
      name: 'scrap_widgets',
      title: 'Scrap widgets',
      description: 'Scraps widgets for good.',
      tier: 3,
      acknowledgement: 'SCRAP',
      iam: ['workspaces:TerminateWorkspaces'],
      input: Type.Object(
        { widgetIds: Type.Array(Type.String(), { minItems: 1 }) },
        { additionalProperties: false },
      ),
      plan: async (input) => ({
        targets: input.widgetIds.map((id) => ({ id, action: 'scrap' })),
        impact: 'Gone.',
      }),
      apply: async (targets) => targets.map((t) => ({ id: t.id, ok: true })),
    }),
  ],
});
