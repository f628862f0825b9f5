import { definePlugin, defineTool, mapBounded, summarizeError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';

const Scope = {
  region: Type.Optional(Type.String()),
  idleDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
};
const ErrorRow = Type.Object({ contributor: Type.String(), code: Type.String(), message: Type.String() });

/**
 * Test-only consumers standing in for the audit and cost plugins (plugins never import each
 * other): each runs every contributor of one kind in one scope through a real host context and
 * reports failures per contributor, as the real consumers do.
 */
export const consumerPlugin = definePlugin({
  name: 'applications-test-consumers',
  version: '0.0.0',
  description: 'Test consumers of findings and idle contributions.',
  tools: [
    defineTool({
      name: 'collect_test_findings',
      title: 'Collect findings (test)',
      description: 'Runs every findings contributor in one region.',
      tier: 0,
      iam: [],
      consumes: ['findings'],
      input: Type.Object(Scope),
      output: Type.Object({
        summary: Type.String(),
        findings: Type.Array(
          Type.Object({
            contributor: Type.String(),
            checkId: Type.String(),
            resourceId: Type.String(),
            severity: Type.String(),
            detail: Type.String(),
          }),
        ),
        errors: Type.Array(ErrorRow),
      }),
      async run(input, ctx) {
        const account = ctx.aws.targets[0]?.account;
        const scope = { region: input.region ?? ctx.aws.defaultRegion, ...(account ? { account } : {}) };
        const contributors = ctx.contributions.findings;
        const settled = await mapBounded(contributors, 2, (c) => c.collect(ctx, scope));
        const findings = [];
        const errors = [];
        for (const outcome of settled) {
          const contributor = outcome.item;
          if (!outcome.ok) {
            errors.push({ contributor: contributor.id, ...summarizeError(outcome.error) });
            continue;
          }
          for (const f of outcome.value) {
            const check = contributor.checks.find((c) => c.id === f.checkId);
            findings.push({
              contributor: contributor.id,
              checkId: f.checkId,
              resourceId: f.resourceId,
              severity: f.severity ?? check?.severity ?? 'unknown-check',
              detail: f.detail ?? '',
            });
          }
        }
        return { summary: `${findings.length} findings`, findings, errors };
      },
    }),
    defineTool({
      name: 'collect_test_idle',
      title: 'Collect idle resources (test)',
      description: 'Runs every idle contributor in one region.',
      tier: 0,
      iam: [],
      consumes: ['idle'],
      input: Type.Object(Scope),
      output: Type.Object({
        summary: Type.String(),
        idle: Type.Array(
          Type.Object({
            contributor: Type.String(),
            id: Type.String(),
            resourceType: Type.String(),
            reason: Type.String(),
            idleDays: Type.Union([Type.Integer(), Type.Null()]),
            monthlyCostUsd: Type.Optional(Type.Number()),
          }),
        ),
        errors: Type.Array(ErrorRow),
      }),
      async run(input, ctx) {
        const account = ctx.aws.targets[0]?.account;
        const scope = { region: input.region ?? ctx.aws.defaultRegion, ...(account ? { account } : {}) };
        const settled = await mapBounded(ctx.contributions.idle, 2, (c) =>
          c.collect(ctx, scope, { idleDays: input.idleDays ?? 30 }),
        );
        const idle = [];
        const errors = [];
        for (const outcome of settled) {
          if (!outcome.ok) {
            errors.push({ contributor: outcome.item.id, ...summarizeError(outcome.error) });
            continue;
          }
          for (const resource of outcome.value) idle.push({ contributor: outcome.item.id, ...resource });
        }
        return { summary: `${idle.length} idle`, idle, errors };
      },
    }),
  ],
});
