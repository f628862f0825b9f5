import { PLUGIN_API_VERSION } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import plugin from './index.js';

describe('plugin-audit', () => {
  it('is a plugin for the host plugin API this repo builds', () => {
    expect(plugin.name).toBe('@workspaces-euc-mcp/plugin-audit');
    expect(plugin.apiVersion).toBe(PLUGIN_API_VERSION);
    expect(new Set(plugin.tools.map((tool) => tool.name)).size).toBe(plugin.tools.length);
  });
});
