import { toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import plugin from './index.js';

/** The plugin's own target, under the server's 1 KB hard limit: the whole server must fit 40 KB. */
const POOLS_SCHEMA_TARGET = 650;

describe('LLM budget of the Pools tools', () => {
  it.each(plugin.tools.map((tool) => [tool.name, tool] as const))(
    '%s costs the assistant at most 650 bytes to know',
    (_name, tool) => {
      expect(toolSchemaBytes(tool)).toBeLessThanOrEqual(POOLS_SCHEMA_TARGET);
    },
  );
});
