import { describe, expect, it } from 'vitest';
import { testPlugin } from '../../test/fixtures/test-plugin.js';
import type { Tool } from '../plugin-api/types.js';
import { validatePlugin } from './validate-plugin.js';

const [readTool, , writeTool, destructiveTool] = testPlugin.tools as [Tool, Tool, Tool, Tool];
const withTool = (tool: Record<string, unknown>) => ({ ...testPlugin, tools: [tool] });

describe('the host refuses bad plugins, naming the plugin', () => {
  it('accepts the fixture plugin', async () => {
    await expect(validatePlugin(testPlugin, 'fixture')).resolves.toBe(testPlugin);
  });
  it('refuses another plugin API version', async () => {
    await expect(validatePlugin({ ...testPlugin, apiVersion: 99 }, 'x')).rejects.toThrow(
      /test-plugin was built for plugin API 99/,
    );
  });
  it('refuses a duplicate tool name', async () => {
    await expect(validatePlugin({ ...testPlugin, tools: [readTool, readTool] }, 'x')).rejects.toThrow(
      /test-plugin declares tool list_test_workspaces twice/,
    );
  });
  it('refuses a malformed IAM action', async () => {
    for (const action of [
      'workspaces:*',
      'DescribeWorkspaces',
      'workspaces:describeWorkspaces',
      'WorkSpaces:DescribeWorkspaces',
    ])
      await expect(validatePlugin(withTool({ ...readTool, iam: [action] }), 'x')).rejects.toThrow(
        /test-plugin.*malformed IAM action/,
      );
  });
  it('refuses an action that does not exist in the AWS reference', async () => {
    await expect(
      validatePlugin(withTool({ ...readTool, iam: ['workspaces:DescribeEverything'] }), 'x'),
    ).rejects.toThrow(/not an action in the AWS Service Authorization Reference/);
  });
  it('refuses a tier-0 tool declaring a write action', async () => {
    await expect(
      validatePlugin(
        withTool({ ...readTool, iam: ['workspaces:DescribeWorkspaces', 'workspaces:TerminateWorkspaces'] }),
        'x',
      ),
    ).rejects.toThrow(
      /tier 0 \(read-only\) but declares workspaces:TerminateWorkspaces, whose access level is "Write"/,
    );
  });
  it('refuses a tier-0 tool reading billing data', async () => {
    await expect(validatePlugin(withTool({ ...readTool, iam: ['ce:GetCostAndUsage'] }), 'x')).rejects.toThrow(
      /billing and pricing reads are tier 1/,
    );
  });
  it('refuses a contribution reading billing data (contributions feed tier-0 tools)', async () => {
    const contribution = {
      id: 'test.idle',
      service: 'Test',
      iam: ['pricing:GetProducts'],
      collect: async () => [],
    };
    await expect(
      validatePlugin({ ...testPlugin, tools: [], contributes: { idle: [contribution] } }, 'x'),
    ).rejects.toThrow(
      /idle contribution test.idle declares pricing:GetProducts; contributions feed tier-0 tools/,
    );
  });
  it('refuses a write tool that declares no write action', async () => {
    await expect(
      validatePlugin(withTool({ ...writeTool, iam: ['workspaces:DescribeWorkspaces'] }), 'x'),
    ).rejects.toThrow(/declares no write action/);
  });
  it('refuses a destructive tool without an acknowledgement phrase', async () => {
    await expect(
      validatePlugin(withTool({ ...destructiveTool, acknowledgement: undefined }), 'x'),
    ).rejects.toThrow(/acknowledgement phrase/);
  });
  it('refuses a write tool that declares confirm itself', async () => {
    const input = {
      ...(writeTool.input as object),
      properties: { ...writeTool.input.properties, confirm: { type: 'boolean' } },
    };
    await expect(validatePlugin(withTool({ ...writeTool, input }), 'x')).rejects.toThrow(
      /the host adds them/,
    );
  });
  it('refuses a tool whose name is not snake_case', async () => {
    await expect(validatePlugin(withTool({ ...readTool, name: 'ListThings' }), 'x')).rejects.toThrow(
      /snake_case/,
    );
  });
  it('refuses a tier-1 tool with plan/apply instead of run', async () => {
    await expect(validatePlugin(withTool({ ...writeTool, tier: 1 }), 'x')).rejects.toThrow(
      /must be a read tool/,
    );
  });
  it('refuses a contribution declaring a write action', async () => {
    const plugin = {
      ...testPlugin,
      contributes: {
        inventory: [
          {
            id: 'c',
            service: 's',
            resourceType: 'r',
            iam: ['workspaces:StopWorkspaces'],
            collect: async () => ({ byState: {}, rows: [] }),
          },
        ],
      },
    };
    await expect(validatePlugin(plugin, 'x')).rejects.toThrow(
      /inventory contribution c is a contribution \(read-only\)/,
    );
  });
});
