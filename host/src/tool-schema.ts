import Type, { type TObject } from 'typebox';
import type { WriteTool } from './plugin-api/types.js';

/**
 * A write tool's input schema as clients see it: the tool's own fields plus `confirm`, and for
 * destructive tools `acknowledge`. The gates are host machinery, so tools never declare them.
 */
export function gatedInputSchema(tool: WriteTool): TObject {
  const confirm = Type.Optional(
    Type.Boolean({
      default: false,
      description:
        'false (default): return the plan and change nothing. true: apply it, subject to the blast-radius cap' +
        (tool.tier === 3 ? ' and the acknowledgement.' : '.'),
    }),
  );
  const acknowledge = Type.Optional(
    Type.String({
      description: `Destructive: must be exactly "${tool.acknowledgement ?? ''}" together with confirm=true.`,
    }),
  );
  const properties = {
    ...tool.input.properties,
    confirm,
    ...(tool.tier === 3 ? { acknowledge } : {}),
  };
  return { ...tool.input, properties } as TObject;
}
