import type { Tool } from '@workspaces-euc-mcp/host';

/**
 * The assistant's context is the scarcest resource: about 1 KB of description and input schema a
 * tool (every tool is read at every connection), and at most 20 KB a default answer.
 */
export const TOOL_SCHEMA_BUDGET = 1024;
export const ANSWER_BUDGET = 20_000;

/** Bytes an assistant reads to know a tool before calling it: its description and input schema. */
export function toolSchemaBytes(tool: Tool): number {
  return Buffer.byteLength(JSON.stringify({ description: tool.description, input: tool.input }));
}

/** Bytes of a structured answer, as JSON. */
export function answerBytes(answer: unknown): number {
  return Buffer.byteLength(JSON.stringify(answer));
}
