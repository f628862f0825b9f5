import path from 'node:path';
import type { InvocationResult } from '../host.js';
import type { RegistrationDecision } from '../registry/registration.js';
import { type WrittenAttachment, writeAttachments } from './attachments.js';
import type { CliCommand, CliIo } from './command.js';
import { EXIT, type ExitCode, exitCodeLines, exitCodeOfCall } from './exit-codes.js';
import { type CliOptions, UsageError } from './options.js';
import { countOf } from './plural.js';
import { renderMarkdown } from './render-markdown.js';
import { didYouMean } from './suggest.js';
import { toolHelp, toolInputSchema } from './tool-help.js';

/** The call's JSON argument: must parse, and must be an object (tools take named fields). */
export function parseToolArguments(toolName: string, raw: string | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(
      `The arguments for ${toolName} are not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(
      `The arguments for ${toolName} must be a JSON object such as '{"regions":["eu-west-1"]}', got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}. See: workspaces-euc-mcp call ${toolName} --help`,
    );
  return value as Record<string, unknown>;
}

/** The host's invalid-input message, plus what the valid fields are and which one was meant. */
export function invalidInputMessage(
  decision: RegistrationDecision,
  args: Record<string, unknown>,
  hostMessage: string,
): string {
  const valid = Object.keys(toolInputSchema(decision.tool).properties);
  const unknown = Object.keys(args).filter((key) => !valid.includes(key));
  const lines = [
    hostMessage,
    ...unknown.map((key) => `"${key}" is not an input of ${decision.tool.name}.${didYouMean(key, valid)}`),
    valid.length > 0
      ? `Valid fields: ${valid.join(', ')} (details: workspaces-euc-mcp call ${decision.tool.name} --help).`
      : `${decision.tool.name} takes no input fields.`,
  ];
  return lines.join('\n');
}

/** The answer a person or a script reads on stdout. */
function printedAnswer(
  toolName: string,
  structured: Record<string, unknown>,
  options: CliOptions,
  written: readonly WrittenAttachment[],
  io: CliIo,
): string {
  if (options.format === 'markdown') {
    const files = written.map(
      (w) => `- ${displayPath(w.file, io.cwd)} (${w.mimeType}, ${countOf(w.bytes, 'byte')}) from ${w.uri}`,
    );
    const attachmentSection = files.length > 0 ? `\n\n## Attachments written\n\n${files.join('\n')}` : '';
    return `${renderMarkdown(toolName, structured)}${attachmentSection}\n`;
  }
  const answer =
    written.length > 0
      ? { ...structured, attachmentsWritten: written.map(({ uri, file, bytes }) => ({ uri, file, bytes })) }
      : structured;
  return `${JSON.stringify(answer, null, 2)}\n`;
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** What a non-zero write outcome means, on stderr, so a person sees why the code is not 0. */
const OUTCOME_NOTES: Partial<Record<ExitCode, string>> = {
  [EXIT.dryRun]: 'Dry run: nothing changed (exit 4).',
  [EXIT.refused]: 'Refused by a write gate: nothing changed (exit 5).',
  [EXIT.partial]: 'Applied to some targets and failed on others (exit 6).',
  [EXIT.toolError]: 'The write failed on every target (exit 1).',
};

function reportAttachments(
  result: Extract<InvocationResult, { ok: true }>,
  options: CliOptions,
  io: CliIo,
): WrittenAttachment[] {
  if (result.attachments.length === 0) return [];
  if (options.out === undefined) {
    const list = result.attachments.map(
      (a) => `${a.uri} (${a.mimeType}, ${countOf(Buffer.byteLength(a.text), 'byte')})`,
    );
    io.stderr(
      `${countOf(result.attachments.length, 'attachment')} not printed: ${list.join(', ')}. Pass --out DIR to write ${result.attachments.length === 1 ? 'it' : 'them'} to files.`,
    );
    return [];
  }
  const written = writeAttachments(path.resolve(io.cwd, options.out), result.attachments);
  for (const w of written) io.stderr(`Wrote ${displayPath(w.file, io.cwd)} (${countOf(w.bytes, 'byte')}).`);
  return written;
}

/** `call`: one tool, from the shell, for scripts, cron jobs and a first look. */
export const callCommand: CliCommand = {
  usage: 'call TOOL [JSON]',
  summary: 'Run one tool and print its answer (JSON, or Markdown with --format markdown)',
  help: `workspaces-euc-mcp call TOOL [JSON] [options]

Runs one registered tool with a JSON object of arguments (default {}) and prints its answer.
  --format json|markdown   json (default): the structured answer, for pipes and jq;
                           markdown: the report a person reads (summary, facts, tables)
  --out DIR                Write every attachment of the answer (e.g. the CSV of
                           generate_inventory_report) to DIR; the answer lists the files
  TOOL --help              The tool's description and input fields with types and defaults

Exit codes:
${exitCodeLines()}

Examples:
  workspaces-euc-mcp call get_euc_inventory_summary --demo
  workspaces-euc-mcp call generate_euc_health_report --demo --format markdown
  workspaces-euc-mcp call generate_inventory_report '{"format":"csv"}' --out reports/`,
  async run({ options, io, boot }) {
    const [toolName, rawArgs, ...extra] = options.positionals;
    if (!toolName) throw new UsageError('call needs a tool name: workspaces-euc-mcp call TOOL [JSON]');
    if (extra.length > 0)
      throw new UsageError(
        `call takes one JSON argument after the tool name; also got ${extra.map((e) => `"${e}"`).join(', ')}. Quote the JSON: call ${toolName} '{"…": …}'`,
      );
    const booted = await boot();
    const decision = booted.host.decisions.find((d) => d.tool.name === toolName);
    if (!decision)
      throw new UsageError(
        `Unknown tool ${toolName}.${didYouMean(
          toolName,
          booted.host.decisions.map((d) => d.tool.name),
        )} List the tools: workspaces-euc-mcp tools`,
      );
    if (options.help) {
      io.stdout(`${toolHelp(decision)}\n`);
      return EXIT.ok;
    }
    if (!decision.registered) throw new UsageError(`${toolName} is not registered: ${decision.reason}.`);
    const args = parseToolArguments(toolName, rawArgs);
    const result = await booted.host.invoke(toolName, args);
    if (booted.demoDescription) io.stderr(`Demo data: ${booted.demoDescription}`);
    const code = exitCodeOfCall(result, decision.tool.kind);
    if (!result.ok) {
      io.stderr(
        result.error.code === 'InvalidInput' ? invalidInputMessage(decision, args, result.text) : result.text,
      );
      return code;
    }
    const written = reportAttachments(result, options, io);
    io.stdout(printedAnswer(toolName, result.structured, options, written, io));
    const note = decision.tool.kind === 'write' ? OUTCOME_NOTES[code] : undefined;
    // The outcome's own `next` says how to proceed (e.g. confirm with the plan's id).
    const next = typeof result.structured.next === 'string' ? ` ${result.structured.next}` : '';
    if (note) io.stderr(`${note}${next}`);
    return code;
  },
};
