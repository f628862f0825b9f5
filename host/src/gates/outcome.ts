import Type, { type Static } from 'typebox';

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

/** One target of a write, as planned and (when applied) as it came out. */
export const WriteTargetSchema = Type.Object({
  id: Type.String(),
  action: Type.String({ description: 'What would be / was done to it.' }),
  current: Type.Optional(Type.String({ description: 'Its state when planned.' })),
  status: Type.Union(
    [
      Type.Literal('planned'),
      Type.Literal('skipped'),
      Type.Literal('ok'),
      Type.Literal('failed'),
      Type.Literal('not-sent'),
    ],
    {
      description:
        'planned: dry run; skipped: illegal or unnecessary; ok/failed: applied; not-sent: refused by a gate.',
    },
  ),
  message: Type.Optional(Type.String()),
  code: Type.Optional(Type.String({ description: 'AWS error code of a failed target.' })),
  detail: Type.Optional(Type.Record(Type.String(), Scalar)),
});

/** The host's result for every write and destructive tool. */
export const WriteOutcomeSchema = Type.Object({
  tool: Type.String(),
  status: Type.Union([
    Type.Literal('planned'),
    Type.Literal('nothing-to-do'),
    Type.Literal('refused'),
    Type.Literal('applied'),
    Type.Literal('partially-applied'),
    Type.Literal('failed'),
  ]),
  dryRun: Type.Boolean({ description: 'True when nothing was sent to AWS that changes anything.' }),
  summary: Type.String(),
  refusal: Type.Optional(
    Type.Object({
      gate: Type.Union([
        Type.Literal('plan'),
        Type.Literal('bulk-cap'),
        Type.Literal('hourly-cap'),
        Type.Literal('acknowledgement'),
        Type.Literal('approval'),
      ]),
      message: Type.String(),
    }),
  ),
  acknowledgementRequired: Type.Optional(Type.String()),
  planId: Type.Optional(
    Type.String({ description: 'Confirm with this: it binds the tool, targets and their states.' }),
  ),
  planExpiresAt: Type.Optional(Type.String({ description: 'After this, dry-run again.' })),
  maxBulkTargets: Type.Integer(),
  withinBulkCap: Type.Boolean(),
  counts: Type.Object({
    targets: Type.Integer(),
    actionable: Type.Integer(),
    skipped: Type.Integer(),
    ok: Type.Integer(),
    failed: Type.Integer(),
  }),
  targets: Type.Array(WriteTargetSchema),
  warnings: Type.Array(Type.String()),
  impact: Type.Optional(Type.String()),
  next: Type.Optional(Type.String({ description: 'What to do next to proceed, if anything.' })),
});

export type WriteOutcome = Static<typeof WriteOutcomeSchema>;
export type WriteTarget = Static<typeof WriteTargetSchema>;
