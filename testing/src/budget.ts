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

/**
 * Bytes of a structured answer as the server sends it over MCP: the `tools/call` result carries it
 * twice, as `structuredContent` and, for clients that read only text, as the summary and the JSON
 * in a text block (escaped once more inside that string). Clients differ in which copy the model
 * reads, so the budget counts what is sent.
 */
export function answerBytes(answer: unknown): number {
  const json = JSON.stringify(answer);
  const summary =
    typeof answer === 'object' && answer !== null && 'summary' in answer ? String(answer.summary) : '';
  return Buffer.byteLength(
    JSON.stringify({ content: [{ type: 'text', text: `${summary}\n\n${json}` }], structuredContent: answer }),
  );
}
