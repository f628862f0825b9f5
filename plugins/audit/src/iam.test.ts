import { definePlugin } from '@workspaces-euc-mcp/host';
import { proveIamExact } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { auditHost, personalPlugin } from './__tests__/host.js';

/** The personal plugin's findings contribution alone: audit_security_posture consumes it. */
const personalFindings = definePlugin({
  name: 'personal-findings-only',
  version: '0.0.0',
  description: 'The WorkSpaces Personal findings contribution, without its tools.',
  tools: [],
  contributes: { findings: personalPlugin.contributes?.findings ?? [] },
});

/** One scenario per tool, reaching every code path that sends a distinct action. */
const scenarios = [
  { tool: 'audit_security_posture', input: {} },
  { tool: 'get_euc_audit_trail', input: {} },
  { tool: 'get_euc_audit_trail', input: { includeReadOnly: true, lookbackDays: 2 } },
  { tool: 'get_euc_service_quotas', input: {} },
  { tool: 'get_euc_active_alarms', input: {} },
  { tool: 'generate_euc_health_report', input: {} },
];

describe('IAM', () => {
  it('every scenario succeeds', async () => {
    const { host } = await auditHost({ with: [personalFindings] });
    for (const { tool, input } of scenarios) {
      const result = await host.invoke(tool, input);
      expect(result.ok, `${tool}: ${result.text.slice(0, 300)}`).toBe(true);
    }
  });

  it('every action each tool sends is declared and every declared action is sent (the health report sends nothing itself)', async () => {
    const { host } = await auditHost({ with: [personalFindings] });
    // Requests of tools called through ctx.callTool count for those tools, not for the report.
    expect(await proveIamExact(host, scenarios)).toEqual([]);
    expect(host.registered.get('generate_euc_health_report')?.iamActions).toEqual([]);
  });

  it('declares only Read/List actions (tier 0), the posture audit including what its findings contributors read', async () => {
    const { host } = await auditHost({ with: [personalFindings] });
    expect(host.registered.get('audit_security_posture')?.iamActions).toEqual([
      'cloudtrail:LookupEvents',
      'cloudwatch:DescribeAlarms',
      'sts:GetCallerIdentity',
      'workspaces:DescribeIpGroups',
      'workspaces:DescribeWorkspaceDirectories',
      'workspaces:DescribeWorkspaces',
    ]);
    for (const [, entry] of host.registered) expect(entry.tool.tier).toBe(0);
  });
});
