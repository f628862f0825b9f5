// The conformance fixture: the `test_*` tools the official MCP conformance suite
// (@modelcontextprotocol/conformance, its "everything server" fixtures) calls on a server under
// test, written against the published plugin API only. It is registered only when a config file
// names it by path (test/conformance/workspaces-euc-mcp.config.json, used by
// scripts/conformance.mjs); no default launch loads it.
//
// Plain ESM with JSDoc so the host loads it by path with no build step. Each tool is a few lines
// that mirror one scenario of the suite, so they share this file instead of one file each.
//
// Scenarios the plugin API cannot express are left out on purpose rather than faked, and listed
// with the reason in test/conformance/expected-failures.yml: image and audio content (a tool
// result is text, structured output and attached text documents), sampling and elicitation
// requests to the client, and capability-dependent protocol errors (-32021).
import { setTimeout as sleep } from 'node:timers/promises';
import { definePlugin, defineTool, ToolError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';

/** The plugin's options: the pause between the steps the suite expects to arrive apart. */
export const Options = Type.Object(
  {
    stepDelayMs: Type.Integer({
      minimum: 0,
      maximum: 1000,
      default: 50,
      description: 'Pause between progress or log steps; the suite expects ~50 ms (tests use 0).',
    }),
  },
  { additionalProperties: false },
);

const NoInput = Type.Object({}, { additionalProperties: false });
const Answer = Type.Object({ summary: Type.String() });

/**
 * The pause between two steps of a call, cut short when the call is aborted.
 * @param {import('@workspaces-euc-mcp/host').ToolContext} ctx
 */
async function pauseBetweenSteps(ctx) {
  const { stepDelayMs } = /** @type {{ stepDelayMs: number }} */ (ctx.pluginOptions);
  if (stepDelayMs > 0) await sleep(stepDelayMs, undefined, { signal: ctx.signal });
}

// The text the suite's tools-call-simple-text scenario expects.
const SIMPLE_TEXT = 'This is a simple text response for testing.';
// The document the suite's tools-call-embedded-resource scenario expects.
const EMBEDDED_DOCUMENT = {
  uri: 'test://embedded-resource',
  mimeType: 'text/plain',
  text: 'This is an embedded resource content.',
};
// The message the suite's tools-call-error scenario expects.
const ERROR_MESSAGE = 'This tool intentionally returns an error for testing';
// The three log lines the suite's tools-call-with-logging scenario expects, in order.
const LOG_LINES = ['Tool execution started', 'Tool processing data', 'Tool execution completed'];
// The progress steps (of 100) the suite's tools-call-with-progress scenario expects.
const PROGRESS_STEPS = [0, 50, 100];

const simpleText = defineTool({
  name: 'test_simple_text',
  title: 'Conformance: simple text',
  description: 'Conformance fixture: answers with one fixed sentence.',
  tier: 0,
  iam: [],
  input: NoInput,
  output: Answer,
  run: async () => ({ summary: SIMPLE_TEXT }),
});

const embeddedResource = defineTool({
  name: 'test_embedded_resource',
  title: 'Conformance: embedded resource',
  description: 'Conformance fixture: answers with a text/plain embedded resource.',
  tier: 0,
  iam: [],
  input: NoInput,
  output: Answer,
  run: async (_input, ctx) => {
    ctx.attach(EMBEDDED_DOCUMENT);
    return { summary: `Attached ${EMBEDDED_DOCUMENT.uri}.` };
  },
});

const errorHandling = defineTool({
  name: 'test_error_handling',
  title: 'Conformance: error handling',
  description: 'Conformance fixture: always fails with a tool error.',
  tier: 0,
  iam: [],
  input: NoInput,
  output: Answer,
  run: async () => {
    throw new ToolError('ConformanceError', ERROR_MESSAGE);
  },
});

const toolWithProgress = defineTool({
  name: 'test_tool_with_progress',
  title: 'Conformance: progress',
  description: 'Conformance fixture: reports progress 0, 50 and 100 of 100, about 50 ms apart.',
  tier: 0,
  iam: [],
  input: NoInput,
  output: Answer,
  run: async (_input, ctx) => {
    for (const [index, done] of PROGRESS_STEPS.entries()) {
      if (index > 0) await pauseBetweenSteps(ctx);
      ctx.progress(done, 100, `step ${index + 1} of ${PROGRESS_STEPS.length}`);
    }
    return { summary: `Reported ${PROGRESS_STEPS.length} progress steps.` };
  },
});

/**
 * A tool that logs three info lines about 50 ms apart. The suite calls it by two names: the
 * 2025 scenario tools-call-with-logging (`test_tool_with_logging`, which expects the lines) and the
 * 2026-07-28 server-stateless scenario (`test_logging_tool`, which expects none unless the request
 * set a log level).
 * @param {string} name
 */
function loggingTool(name) {
  return defineTool({
    name,
    title: 'Conformance: logging',
    description: 'Conformance fixture: logs three info lines about 50 ms apart.',
    tier: 0,
    iam: [],
    input: NoInput,
    output: Answer,
    run: async (_input, ctx) => {
      for (const [index, line] of LOG_LINES.entries()) {
        if (index > 0) await pauseBetweenSteps(ctx);
        ctx.log.info(line);
      }
      return { summary: `Logged ${LOG_LINES.length} lines.` };
    },
  });
}

// The suite's json-schema-2020-12 scenario checks that these keywords reach tools/list intact.
const Address = Type.Unsafe({ $ref: '#/$defs/address' });
const ContactMethod = Type.Unsafe({ type: 'string', enum: ['phone', 'email'] });
const JsonSchema2020Input = Type.Object(
  {
    name: Type.Optional(Type.String()),
    address: Type.Optional(Address),
    contactMethod: Type.Optional(ContactMethod),
    phone: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
  },
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $defs: {
      address: {
        $anchor: 'addressDef',
        type: 'object',
        properties: { street: { type: 'string' }, city: { type: 'string' } },
      },
    },
    allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
    if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword, not a thenable.
    then: { required: ['phone'] },
    else: { required: ['email'] },
    additionalProperties: false,
  },
);

const jsonSchema2020 = defineTool({
  name: 'json_schema_2020_12_tool',
  title: 'Conformance: JSON Schema 2020-12',
  description: 'Conformance fixture: an input schema using JSON Schema 2020-12 keywords; echoes the input.',
  tier: 0,
  iam: [],
  input: JsonSchema2020Input,
  output: Type.Object({ summary: Type.String(), received: Type.Record(Type.String(), Type.Unknown()) }),
  run: async (input) => ({ summary: 'Input accepted.', received: input }),
});

/** The conformance fixture plugin. */
export const plugin = definePlugin({
  name: 'workspaces-euc-mcp-conformance-fixture',
  version: '0.0.0',
  apiVersion: '1.0',
  description: 'Fixtures for the official MCP conformance suite; never for a real deployment.',
  options: Options,
  tools: [
    simpleText,
    embeddedResource,
    errorHandling,
    toolWithProgress,
    loggingTool('test_tool_with_logging'),
    loggingTool('test_logging_tool'),
    jsonSchema2020,
  ],
});

export default plugin;
