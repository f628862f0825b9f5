import type { Static, TObject } from 'typebox';
import type { CheckDescriptor, Finding, Plugin, ReadTool, Severity, Tool, WriteTool } from './types.js';
import { PLUGIN_API_VERSION, type PluginApiVersion } from './version.js';

/**
 * Types a read tool (tier 0/1) and keeps its types: `Static<typeof tool.output>` is what it
 * answers, so tests and composites read its results as they are.
 */
export function defineTool<I extends TObject, O extends TObject>(
  tool: Omit<ReadTool<I, O>, 'kind'>,
): ReadTool<I, O> {
  return { kind: 'read', ...tool };
}

/** Types a write (tier 2) or destructive (tier 3) tool with its plan and apply steps. */
export function defineWriteTool<I extends TObject>(tool: Omit<WriteTool<I>, 'kind'>): WriteTool<I> {
  return { kind: 'write', ...tool };
}

/** What a read tool answers: `ToolOutput<typeof findWorkspaces>`. */
export type ToolOutput<T extends ReadTool<TObject, TObject>> = Static<T['output']>;
/** What a tool takes: `ToolInput<typeof findWorkspaces>`. */
export type ToolInput<T extends Tool> = Static<T['input']>;

/**
 * Types a plugin. `apiVersion` is the plugin API version the plugin is written for (`'1.0'`), as
 * a literal in the plugin's own source: the host is a peer dependency, so at run time this
 * function is the running host's and a default could only ever name the running host's version.
 * A third-party plugin must state it; the default serves first-party plugins, which are built and
 * shipped with the host they run on (docs/decisions.md, "Plugins declare their API version").
 */
export function definePlugin(
  plugin: Omit<Plugin, 'apiVersion'> & { readonly apiVersion?: PluginApiVersion },
): Plugin {
  return { apiVersion: PLUGIN_API_VERSION, ...plugin };
}

/** What {@link defineChecks} gives a findings contributor: its checks and typed helpers over them. */
export interface CheckSet<Id extends string> {
  readonly checks: readonly CheckDescriptor[];
  /** A finding of one of these checks; `severity` overrides the check's default for this resource. */
  finding(
    checkId: Id,
    resourceId: string,
    resourceType: string,
    detail?: string,
    severity?: Severity,
  ): Finding;
  /** The descriptors of some checks (each contributor documents the checks it raises). */
  checksOf(ids: readonly Id[]): CheckDescriptor[];
}

/**
 * Types a plugin's check catalogue, so a finding can only name a check the plugin documents.
 * Pass the array `as const` (or with `satisfies readonly CheckDescriptor[]`).
 */
export function defineChecks<const C extends readonly CheckDescriptor[]>(
  checks: C,
): CheckSet<C[number]['id']> {
  return {
    checks,
    finding: (checkId, resourceId, resourceType, detail, severity) => ({
      checkId,
      resourceId,
      resourceType,
      ...(detail ? { detail } : {}),
      ...(severity ? { severity } : {}),
    }),
    checksOf: (ids) => checks.filter((c) => ids.includes(c.id)),
  };
}
