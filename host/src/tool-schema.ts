import Type, { type TObject } from 'typebox';
import type { WriteTool } from './plugin-api/types.js';

/**
 * A write tool's input schema as clients see it: the tool's own fields plus `confirm`, and for
 * destructive tools `acknowledge`. The gates are host machinery, so tools never declare them; the
 * server's instructions explain them once, so their descriptions here stay a few words.
 */
export function gatedInputSchema(tool: WriteTool): TObject {
  const confirm = Type.Optional(
    Type.Boolean({
      default: false,
      description: 'true applies the plan; default: dry run',
    }),
  );
  const acknowledge = Type.Optional(
    Type.String({
      description: `Exactly "${tool.acknowledgement ?? ''}", with confirm`,
    }),
  );
  const properties = {
    ...tool.input.properties,
    confirm,
    ...(tool.tier === 3 ? { acknowledge } : {}),
  };
  return { ...tool.input, properties } as TObject;
}
