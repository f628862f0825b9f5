import Type, { type TObject } from 'typebox';
import type { WriteTool } from './plugin-api/types.js';

/**
 * A write tool's input schema as clients see it: the tool's own fields plus `confirm` and
 * `planId`, and for destructive tools `acknowledge`. The gates are host machinery, so tools never
 * declare them; the server's instructions explain them once, so their descriptions here stay a few
 * words (they are repeated in every write tool). The acknowledgement phrase is not printed here:
 * the dry run names it, so only a caller who has read the plan can give it.
 */
export function gatedInputSchema(tool: WriteTool): TObject {
  const confirm = Type.Optional(Type.Boolean({ description: 'true applies; else dry run' }));
  const planId = Type.Optional(Type.String({ description: 'From the dry run' }));
  const acknowledge = Type.Optional(Type.String({ description: 'Phrase the plan names' }));
  const properties = {
    ...tool.input.properties,
    confirm,
    planId,
    ...(tool.tier === 3 ? { acknowledge } : {}),
  };
  return { ...tool.input, properties } as TObject;
}
