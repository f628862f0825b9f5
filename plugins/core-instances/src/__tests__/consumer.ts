import {
  type ContributionScope,
  definePlugin,
  defineTool,
  mapBounded,
  summarizeError,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';

/**
 * Test-only stand-ins for the audit plugin's audit_security_posture and the cost plugin's
 * list_unused_resources (plugins do not import each other): they run every findings or idle
 * contributor in every configured account and region through a real host context, and turn a
 * failing contributor into an `errors` entry as those tools do.
 */

const Row = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]));
const Output = Type.Object({
  summary: Type.String(),
  items: Type.Array(Row),
  errors: Type.Array(
    Type.Object({
      contributor: Type.String(),
      region: Type.String(),
      code: Type.String(),
      message: Type.String(),
    }),
  ),
});

function scopesOf(targets: readonly { account?: string; regions: readonly string[] }[]): ContributionScope[] {
  return targets.flatMap((t) =>
    t.regions.map((region) => ({ region, ...(t.account ? { account: t.account } : {}) })),
  );
}

export const consumerPlugin = definePlugin({
  name: 'core-instances-test-consumers',
  version: '0.0.0',
  description: 'Test consumers of findings and idle contributions.',
  tools: [
    defineTool({
      name: 'collect_test_findings',
      title: 'Collect findings (test)',
      description: 'Runs every findings contributor in every scope.',
      tier: 0,
      iam: [],
      consumes: ['findings'],
      input: Type.Object({}),
      output: Output,
      async run(_input, ctx) {
        const jobs = ctx.contributions.findings.flatMap((contributor) =>
          scopesOf(ctx.aws.targets).map((scope) => ({ contributor, scope })),
        );
        const settled = await mapBounded(jobs, ctx.limits.concurrency, ({ contributor, scope }) =>
          contributor.collect(ctx, scope),
        );
        const items: Record<string, string | number | null>[] = [];
        const errors: { contributor: string; region: string; code: string; message: string }[] = [];
        for (const outcome of settled) {
          const { contributor, scope } = outcome.item;
          if (!outcome.ok) {
            errors.push({
              contributor: contributor.id,
              region: scope.region,
              ...summarizeError(outcome.error),
            });
            continue;
          }
          const checks = new Map(contributor.checks.map((c) => [c.id, c]));
          for (const f of outcome.value)
            items.push({
              checkId: f.checkId,
              resourceId: f.resourceId,
              region: scope.region,
              severity: f.severity ?? checks.get(f.checkId)?.severity ?? null,
              detail: f.detail ?? null,
              service: contributor.service,
            });
        }
        return { summary: `${items.length} findings`, items, errors };
      },
    }),
    defineTool({
      name: 'collect_test_idle',
      title: 'Collect idle resources (test)',
      description: 'Runs every idle contributor in every scope.',
      tier: 0,
      iam: [],
      consumes: ['idle'],
      input: Type.Object({ idleDays: Type.Integer({ minimum: 1, maximum: 90 }) }),
      output: Output,
      async run(input, ctx) {
        const jobs = ctx.contributions.idle.flatMap((contributor) =>
          scopesOf(ctx.aws.targets).map((scope) => ({ contributor, scope })),
        );
        const settled = await mapBounded(jobs, ctx.limits.concurrency, ({ contributor, scope }) =>
          contributor.collect(ctx, scope, { idleDays: input.idleDays }),
        );
        const items: Record<string, string | number | null>[] = [];
        const errors: { contributor: string; region: string; code: string; message: string }[] = [];
        for (const outcome of settled) {
          const { contributor, scope } = outcome.item;
          if (!outcome.ok) {
            errors.push({
              contributor: contributor.id,
              region: scope.region,
              ...summarizeError(outcome.error),
            });
            continue;
          }
          for (const r of outcome.value)
            items.push({
              id: r.id,
              resourceType: r.resourceType,
              region: scope.region,
              idleDays: r.idleDays,
              reason: r.reason,
              service: contributor.service,
            });
        }
        return { summary: `${items.length} idle`, items, errors };
      },
    }),
  ],
});
