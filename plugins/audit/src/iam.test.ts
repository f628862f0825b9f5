import { definePlugin } from '@workspaces-euc-mcp/host';
import personal from '@workspaces-euc-mcp/plugin-personal';
import { createTestHost, fakeClock, itProvesIamExact } from '@workspaces-euc-mcp/testing';
import { expect, it } from 'vitest';
import { sharedEstate } from './__tests__/estate.js';
import audit from './index.js';

/** The personal plugin's findings contribution alone: audit_security_posture consumes it. */
const personalFindings = definePlugin({
  name: 'personal-findings-only',
  version: '0.0.0',
  description: 'The WorkSpaces Personal findings contribution, without its tools.',
  tools: [],
  contributes: { findings: personal.contributes?.findings ?? [] },
});

// The paced LookupEvents sweeps wait on a fake clock: nothing sleeps.
const auditHost = () =>
  createTestHost({ plugins: [audit, personalFindings], estate: sharedEstate(), pacing: fakeClock() });

// One scenario per tool, reaching every code path that sends a distinct action. Requests of tools
// the health report calls through ctx.callTool count for those tools, not for the report.
itProvesIamExact({
  host: auditHost,
  scenarios: [
    { tool: 'audit_security_posture', input: {} },
    { tool: 'get_euc_audit_trail', input: {} },
    { tool: 'get_euc_audit_trail', input: { includeReadOnly: true, lookbackDays: 2 } },
    { tool: 'get_euc_service_quotas', input: {} },
    { tool: 'get_euc_active_alarms', input: {} },
    { tool: 'generate_euc_health_report', input: {} },
  ],
  withoutErrors: true,
});

it('declares only Read/List actions (tier 0), the posture audit including what its findings contributors read, the health report none of its own', async () => {
  const host = await auditHost();
  expect(host.registered.get('audit_security_posture')?.iamActions).toEqual([
    'cloudtrail:LookupEvents',
    'cloudwatch:DescribeAlarms',
    'sts:GetCallerIdentity',
    'workspaces:DescribeIpGroups',
    'workspaces:DescribeWorkspaceDirectories',
    'workspaces:DescribeWorkspaces',
  ]);
  expect(host.registered.get('generate_euc_health_report')?.iamActions).toEqual([]);
  for (const [, entry] of host.registered) expect(entry.tool.tier).toBe(0);
});
