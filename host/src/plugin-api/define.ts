import type { TObject } from 'typebox';
import { PLUGIN_API_VERSION, type Plugin, type ReadTool, type Tool, type WriteTool } from './types.js';

/** Types a read tool (tier 0/1). Identity at run time; exists so authors get inference. */
export function defineTool<I extends TObject, O extends TObject>(tool: Omit<ReadTool<I, O>, 'kind'>): Tool {
  return { kind: 'read', ...tool } as ReadTool<I, O> as unknown as Tool;
}

/** Types a write (tier 2) or destructive (tier 3) tool with its plan and apply steps. */
export function defineWriteTool<I extends TObject>(tool: Omit<WriteTool<I>, 'kind'>): Tool {
  return { kind: 'write', ...tool } as WriteTool<I> as unknown as Tool;
}

/** Types a plugin and stamps the plugin API version it is built against. */
export function definePlugin(plugin: Omit<Plugin, 'apiVersion'> & { apiVersion?: number }): Plugin {
  return { apiVersion: PLUGIN_API_VERSION, ...plugin };
}
