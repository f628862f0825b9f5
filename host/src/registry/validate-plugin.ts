import { IAM_ACTION_PATTERN } from '../aws/iam-actions.js';
import type { Plugin, Tool } from '../plugin-api/types.js';
import { apiVersionRefusal } from '../plugin-api/version.js';
import { isReadAccess, lookupAction } from './iam-reference.js';

/** A plugin the host refuses to load; the message names the plugin and what is wrong. */
export class PluginError extends Error {
  override readonly name = 'PluginError';
}

const TOOL_NAME_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
const ACK_PHRASE_PATTERN = /^[A-Z][A-Z_ ]{2,39}$/;
// Cost Explorer bills each request and the Price List is billing data: reading them is tier 1.
const BILLING_SERVICES = new Set(['ce', 'pricing']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Structural checks, before any tool is looked at: the shape of a plugin object. */
function checkPluginShape(candidate: unknown, source: string): asserts candidate is Plugin {
  if (!isObject(candidate)) throw new PluginError(`Plugin ${source} does not export a plugin object.`);
  const name = typeof candidate.name === 'string' ? candidate.name : source;
  if (typeof candidate.name !== 'string' || candidate.name.length === 0)
    throw new PluginError(`Plugin ${source} has no name.`);
  const refusal = apiVersionRefusal(name, candidate.apiVersion);
  if (refusal) throw new PluginError(refusal);
  if (typeof candidate.version !== 'string') throw new PluginError(`Plugin ${name} has no version string.`);
  if (!Array.isArray(candidate.tools)) throw new PluginError(`Plugin ${name} has no tools array.`);
}

async function checkActions(
  pluginName: string,
  owner: string,
  actions: readonly unknown[],
  readOnly: boolean,
  tierLabel: string,
): Promise<{ hasWrite: boolean }> {
  let hasWrite = false;
  const seen = new Set<string>();
  for (const action of actions) {
    if (typeof action !== 'string' || !IAM_ACTION_PATTERN.test(action))
      throw new PluginError(
        `Plugin ${pluginName}: ${owner} declares a malformed IAM action ${JSON.stringify(action)}; expected "service:Action" (the service prefix, a colon, the operation name) with no wildcards.`,
      );
    if (seen.has(action)) throw new PluginError(`Plugin ${pluginName}: ${owner} declares ${action} twice.`);
    seen.add(action);
    const reference = await lookupAction(action);
    if (!reference)
      throw new PluginError(
        `Plugin ${pluginName}: ${owner} declares ${action}, which is not an action in the AWS Service Authorization Reference.`,
      );
    if (!isReadAccess(reference.accessLevel)) hasWrite = true;
    if (readOnly && !isReadAccess(reference.accessLevel))
      throw new PluginError(
        `Plugin ${pluginName}: ${owner} is ${tierLabel} (read-only) but declares ${action}, whose access level is "${reference.accessLevel}". Declare the tool as tier 2 or 3 with plan/apply, or drop the action.`,
      );
  }
  return { hasWrite };
}

async function checkTool(pluginName: string, tool: unknown): Promise<void> {
  if (!isObject(tool) || typeof tool.name !== 'string')
    throw new PluginError(`Plugin ${pluginName} has a tool without a name.`);
  const label = `tool ${tool.name}`;
  if (!TOOL_NAME_PATTERN.test(tool.name))
    throw new PluginError(
      `Plugin ${pluginName}: ${label} must be snake_case verb_noun (e.g. find_workspaces).`,
    );
  for (const field of ['title', 'description'] as const)
    if (typeof tool[field] !== 'string' || (tool[field] as string).trim() === '')
      throw new PluginError(`Plugin ${pluginName}: ${label} has no ${field}.`);
  if (!isObject(tool.input) || tool.input.type !== 'object')
    throw new PluginError(`Plugin ${pluginName}: ${label} input must be a typebox Type.Object schema.`);
  if (!Array.isArray(tool.iam)) throw new PluginError(`Plugin ${pluginName}: ${label} has no iam array.`);
  const tier = tool.tier;
  if (tier !== 0 && tier !== 1 && tier !== 2 && tier !== 3)
    throw new PluginError(`Plugin ${pluginName}: ${label} has tier ${String(tier)}; tiers are 0, 1, 2 or 3.`);
  const readOnly = tier <= 1;
  if (readOnly && (tool.kind !== 'read' || typeof tool.run !== 'function'))
    throw new PluginError(
      `Plugin ${pluginName}: ${label} is tier ${tier} and must be a read tool with run().`,
    );
  if (readOnly && (!isObject(tool.output) || tool.output.type !== 'object'))
    throw new PluginError(`Plugin ${pluginName}: ${label} output must be a typebox Type.Object schema.`);
  if (
    !readOnly &&
    (tool.kind !== 'write' || typeof tool.plan !== 'function' || typeof tool.apply !== 'function')
  )
    throw new PluginError(
      `Plugin ${pluginName}: ${label} is tier ${tier} and must be a write tool with plan() and apply().`,
    );
  if (
    tier === 3 &&
    (typeof tool.acknowledgement !== 'string' || !ACK_PHRASE_PATTERN.test(tool.acknowledgement))
  )
    throw new PluginError(
      `Plugin ${pluginName}: ${label} is destructive (tier 3) and must name an upper-case acknowledgement phrase such as "TERMINATE".`,
    );
  if (tier === 2 && tool.acknowledgement !== undefined)
    throw new PluginError(
      `Plugin ${pluginName}: ${label} is tier 2; only tier 3 tools take an acknowledgement.`,
    );
  const inputProperties = isObject(tool.input.properties) ? tool.input.properties : {};
  if (!readOnly && ('confirm' in inputProperties || 'acknowledge' in inputProperties))
    throw new PluginError(
      `Plugin ${pluginName}: ${label} declares confirm/acknowledge itself; the host adds them to write tools.`,
    );
  const { hasWrite } = await checkActions(pluginName, label, tool.iam, readOnly, `tier ${tier}`);
  if (!readOnly && !hasWrite)
    throw new PluginError(
      `Plugin ${pluginName}: ${label} is tier ${tier} but declares no write action; a read-only tool belongs in tier 0 or 1.`,
    );
  if (tier === 0) {
    const billing = tool.iam.find(
      (a) => typeof a === 'string' && BILLING_SERVICES.has(a.split(':')[0] ?? ''),
    );
    if (billing)
      throw new PluginError(
        `Plugin ${pluginName}: ${label} is tier 0 but declares ${String(billing)}; billing and pricing reads are tier 1.`,
      );
  }
}

/**
 * Checks a loaded plugin against the plugin API: version, shape, tool names, tiers and IAM
 * (each action exists in the AWS reference; read tiers hold only List/Read actions). Throws
 * {@link PluginError} naming the plugin on the first problem.
 */
export async function validatePlugin(candidate: unknown, source: string): Promise<Plugin> {
  checkPluginShape(candidate, source);
  const names = new Set<string>();
  for (const tool of candidate.tools as readonly unknown[]) {
    await checkTool(candidate.name, tool);
    const name = (tool as Tool).name;
    if (names.has(name)) throw new PluginError(`Plugin ${candidate.name} declares tool ${name} twice.`);
    names.add(name);
  }
  for (const [kind, contributors] of Object.entries(candidate.contributes ?? {})) {
    for (const contributor of (contributors ?? []) as readonly unknown[]) {
      if (
        !isObject(contributor) ||
        typeof contributor.id !== 'string' ||
        typeof contributor.collect !== 'function'
      )
        throw new PluginError(
          `Plugin ${candidate.name} has a ${kind} contribution without an id or collect().`,
        );
      if (!Array.isArray(contributor.iam))
        throw new PluginError(
          `Plugin ${candidate.name}: ${kind} contribution ${contributor.id} has no iam array.`,
        );
      await checkActions(
        candidate.name,
        `${kind} contribution ${contributor.id}`,
        contributor.iam,
        true,
        'a contribution',
      );
      // Contributions feed tier-0 tools (inventory, posture, unused): billing reads would leak
      // into the tier-0 policy.
      const billing = contributor.iam.find(
        (a) => typeof a === 'string' && BILLING_SERVICES.has(a.split(':')[0] ?? ''),
      );
      if (billing)
        throw new PluginError(
          `Plugin ${candidate.name}: ${kind} contribution ${contributor.id} declares ${String(billing)}; contributions feed tier-0 tools, and billing and pricing reads are tier 1.`,
        );
    }
  }
  return candidate;
}
