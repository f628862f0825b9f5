import type { TObject, TSchema } from 'typebox';
import type { RegistrationDecision } from '../registry/registration.js';
import { gatedInputSchema } from '../tool-schema.js';

/** The input schema the host validates a tool's arguments against (write tools gain the gates). */
export function toolInputSchema(tool: RegistrationDecision['tool']): TObject {
  return tool.kind === 'write' ? gatedInputSchema(tool) : tool.input;
}

interface JsonSchemaNode {
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly items?: JsonSchemaNode;
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly default?: unknown;
  readonly description?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
}

/** A schema's type as a person writes it: `string`, `integer 1..500`, `"csv" | "json"`, `string[]`. */
export function typeLabel(schema: JsonSchemaNode): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeLabel))].join(' | ');
  const type = typeof schema.type === 'string' ? schema.type : (schema.type?.join(' | ') ?? 'any');
  if (type === 'array') {
    const item = schema.items ? typeLabel(schema.items) : 'any';
    return item.includes(' ') ? `(${item})[]` : `${item}[]`;
  }
  if (
    (type === 'integer' || type === 'number') &&
    (schema.minimum !== undefined || schema.maximum !== undefined)
  )
    return `${type} ${schema.minimum ?? ''}..${schema.maximum ?? ''}`;
  return type;
}

/** One input field of a tool, as `call TOOL --help` lists it. */
export interface InputField {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly default?: unknown;
  readonly description?: string;
}

/** The fields of a tool's input schema, in declaration order. */
export function inputFields(schema: TObject): InputField[] {
  const required = new Set<string>((schema as { required?: string[] }).required ?? []);
  return Object.entries(schema.properties as Record<string, TSchema & JsonSchemaNode>).map(
    ([name, field]) => ({
      name,
      type: typeLabel(field),
      required: required.has(name),
      ...(field.default !== undefined ? { default: field.default } : {}),
      ...(field.description ? { description: field.description } : {}),
    }),
  );
}

const TIER_LABELS = [
  '0 read',
  '1 cost',
  '2 write (needs --enable-writes)',
  '3 destructive (needs --enable-destructive)',
];

/** `call TOOL --help`: what the tool answers, whether it is registered, and its input fields. */
export function toolHelp(decision: RegistrationDecision): string {
  const { tool } = decision;
  const fields = inputFields(toolInputSchema(tool));
  const width = Math.max(8, ...fields.map((f) => f.name.length));
  const lines = [
    `${tool.name} — ${tool.title}`,
    '',
    tool.description,
    '',
    `Plugin: ${decision.plugin}; tier ${TIER_LABELS[tool.tier] ?? tool.tier}; ${decision.registered ? 'registered' : `not registered: ${decision.reason}`}.`,
    '',
    fields.length === 0 ? 'Input: none (call it with no JSON, or {}).' : 'Input fields (JSON object):',
    ...fields.map((f) => {
      const notes = [
        f.required ? 'required' : undefined,
        f.default !== undefined ? `default ${JSON.stringify(f.default)}` : undefined,
      ].filter((n): n is string => n !== undefined);
      const head = `  ${f.name.padEnd(width)}  ${f.type}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
      return f.description ? `${head}\n  ${' '.repeat(width)}  ${f.description}` : head;
    }),
    '',
    `Example: workspaces-euc-mcp call ${tool.name} '${exampleArguments(fields)}'`,
  ];
  return lines.join('\n');
}

/** The required fields with a placeholder, or `{}`. */
function exampleArguments(fields: readonly InputField[]): string {
  const required = fields.filter((f) => f.required);
  if (required.length === 0) return '{}';
  const placeholder = (type: string): unknown =>
    type.endsWith('[]') ? ['…'] : type.startsWith('integer') || type.startsWith('number') ? 1 : '…';
  return JSON.stringify(Object.fromEntries(required.map((f) => [f.name, placeholder(f.type)])));
}
