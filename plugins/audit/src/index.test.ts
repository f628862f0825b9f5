import { PLUGIN_API_VERSION } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import plugin, { createAuditPlugin } from './index.js';

describe('plugin-audit', () => {
  it('is a plugin for the host plugin API this repo builds', () => {
    expect(plugin.name).toBe('@workspaces-euc-mcp/plugin-audit');
    expect(plugin.apiVersion).toBe(PLUGIN_API_VERSION);
    expect(new Set(plugin.tools.map((tool) => tool.name)).size).toBe(plugin.tools.length);
  });

  it('offers the five tier-0 audit tools, whichever pacer it is built with', () => {
    const names = [
      'audit_security_posture',
      'get_euc_audit_trail',
      'get_euc_service_quotas',
      'get_euc_active_alarms',
      'generate_euc_health_report',
    ];
    expect(plugin.tools.map((t) => t.name)).toEqual(names);
    expect(createAuditPlugin({ lookupPacer: { acquire: async () => {} } }).tools.map((t) => t.name)).toEqual(
      names,
    );
    expect(plugin.tools.every((t) => t.tier === 0)).toBe(true);
  });
});
