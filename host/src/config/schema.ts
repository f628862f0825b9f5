import Type, { type Static } from 'typebox';

const ToolName = Type.String({ pattern: '^[a-z][a-z0-9_]*$', description: 'A tool name, snake_case.' });

/** A plugin entry: a package name or a path relative to the config file, with options. */
export const PluginEntrySchema = Type.Union([
  Type.String({ minLength: 1, description: 'Package name or path (./my-plugin.js) of the plugin.' }),
  Type.Object(
    {
      name: Type.String({ minLength: 1, description: 'Package name or path of the plugin.' }),
      enabled: Type.Optional(Type.Boolean({ description: 'false keeps the entry but loads nothing.' })),
      options: Type.Optional(
        Type.Record(Type.String(), Type.Unknown(), {
          description: 'Handed to the plugin tools as ctx.pluginOptions.',
        }),
      ),
      tools: Type.Optional(
        Type.Object(
          {
            allow: Type.Optional(Type.Array(ToolName, { description: 'Only these tools of the plugin.' })),
            deny: Type.Optional(Type.Array(ToolName, { description: 'Never these tools of the plugin.' })),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
]);

/** An AWS target: an account (usually reached by assuming a role) and its regions. */
export const TargetSchema = Type.Object(
  {
    label: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'How results name this target.' }),
    ),
    account: Type.Optional(Type.String({ pattern: '^\\d{12}$', description: '12-digit AWS account id.' })),
    regions: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' }), { minItems: 1, uniqueItems: true }),
    ),
    profile: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9_.:@/-]+$', description: 'Named AWS profile.' }),
    ),
    roleArn: Type.Optional(Type.String({ pattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/.+$' })),
    externalId: Type.Optional(Type.String({ minLength: 2, maxLength: 1224 })),
  },
  { additionalProperties: false },
);

/** The hard ceiling of the blast-radius cap; a config cannot raise it beyond this. */
export const MAX_BULK_TARGETS_CEILING = 500;

export const LimitsSchema = Type.Object(
  {
    maxBulkTargets: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_BULK_TARGETS_CEILING,
        description: 'Blast-radius cap, default 25.',
      }),
    ),
    concurrency: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 64, description: 'AWS requests in flight, default 8.' }),
    ),
    pageSize: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, description: 'Rows before a cursor, default 50.' }),
    ),
    maxAttempts: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 20, description: 'Attempts per AWS request, default 8.' }),
    ),
  },
  { additionalProperties: false },
);

/** The largest snapshot TTL: a day-old scan is no longer an answer about the estate. */
export const MAX_SNAPSHOT_TTL_SECONDS = 86_400;

/** The estate snapshot: how long full list scans are kept across tool calls. */
export const SnapshotSchema = Type.Object(
  {
    ttlSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_SNAPSHOT_TTL_SECONDS,
        description: 'Seconds a list scan is kept across calls, default 300; 0 turns the snapshot off.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The config file: which plugins, which AWS targets, which limits; it can only narrow the tiers. */
export const ConfigSchema = Type.Object(
  {
    plugins: Type.Optional(Type.Array(PluginEntrySchema)),
    targets: Type.Optional(Type.Array(TargetSchema)),
    limits: Type.Optional(LimitsSchema),
    snapshot: Type.Optional(SnapshotSchema),
    maxTier: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 3,
        description: 'Highest tier to register (0-3); the launch flags still have to allow it.',
      }),
    ),
  },
  { additionalProperties: false },
);

export type Config = Static<typeof ConfigSchema>;
export type PluginEntry = Static<typeof PluginEntrySchema>;
export type TargetConfig = Static<typeof TargetSchema>;
