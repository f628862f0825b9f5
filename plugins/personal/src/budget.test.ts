import { TOOL_SCHEMA_BUDGET, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import plugin from './index.js';

/** What an assistant should pay to know a tool: ~650 bytes of description and input schema. */
const TARGET = 650;

/**
 * Tools allowed past the target, with why. find_workspaces carries eight search filters, paging and
 * the estate scope (~700 bytes of bare schema before a word of description); every filter is one a
 * user asks by name, so it stays under the hard budget instead.
 */
const OVER_TARGET: Readonly<Record<string, number>> = { find_workspaces: TOOL_SCHEMA_BUDGET };

describe('LLM budget', () => {
  for (const tool of plugin.tools)
    it(`${tool.name}: description and input schema within ${OVER_TARGET[tool.name] ?? TARGET} bytes`, () => {
      expect(toolSchemaBytes(tool)).toBeLessThanOrEqual(OVER_TARGET[tool.name] ?? TARGET);
    });
});
