import { createTestHost, invokeOk, TOOL_SCHEMA_BUDGET, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { plugin } from './index.mjs';

// The conformance fixture answers as the suite's scenarios check; the expected values below are
// the ones the scenario descriptions in @modelcontextprotocol/conformance state. These tests catch
// a fixture that drifts before CI's conformance run does, without Node 22 or an HTTP server. No
// pauses between steps here.
const noPause = { [plugin.name]: { stepDelayMs: 0 } };

function fixtureHost() {
  return createTestHost({ plugins: [plugin], pluginOptions: noPause, logLevel: 'info' });
}

describe('conformance fixture plugin', () => {
  it('registers every fixture tool at tier 0 with no IAM action', async () => {
    const host = await fixtureHost();
    expect([...host.registered.keys()].sort()).toEqual([
      'json_schema_2020_12_tool',
      'test_embedded_resource',
      'test_error_handling',
      'test_logging_tool',
      'test_simple_text',
      'test_tool_with_logging',
      'test_tool_with_progress',
    ]);
    for (const entry of host.registered.values()) {
      expect(entry.tool.tier).toBe(0);
      expect(entry.iamActions).toEqual([]);
      // Registered next to the first-party tools in the conformance run: the same budget holds.
      expect(toolSchemaBytes(entry.tool)).toBeLessThanOrEqual(TOOL_SCHEMA_BUDGET);
    }
  });

  it('test_simple_text answers with the fixed sentence as its text', async () => {
    const host = await fixtureHost();
    const result = await host.invoke('test_simple_text', {});
    expect(result.ok && result.text.startsWith('This is a simple text response for testing.')).toBe(true);
  });

  it('test_embedded_resource attaches the text/plain document the suite looks for', async () => {
    const host = await fixtureHost();
    const result = await host.invoke('test_embedded_resource', {});
    expect(result.ok && result.attachments).toEqual([
      {
        uri: 'test://embedded-resource',
        mimeType: 'text/plain',
        text: 'This is an embedded resource content.',
      },
    ]);
  });

  it('test_error_handling fails as a tool error carrying the expected message', async () => {
    const host = await fixtureHost();
    const result = await host.invoke('test_error_handling', {});
    expect(result.ok).toBe(false);
    expect(result.text).toContain('This tool intentionally returns an error for testing');
  });

  it('test_tool_with_progress reports 0, 50 and 100 of 100, in order', async () => {
    const host = await fixtureHost();
    const reported: [number, number | undefined][] = [];
    const result = await host.invoke(
      'test_tool_with_progress',
      {},
      { progress: (done, total) => reported.push([done, total]) },
    );
    expect(result.ok).toBe(true);
    expect(reported).toEqual([
      [0, 100],
      [50, 100],
      [100, 100],
    ]);
  });

  it.each(['test_tool_with_logging', 'test_logging_tool'])(
    '%s logs the three info lines in order',
    async (tool) => {
      const host = await fixtureHost();
      await invokeOk(host, tool);
      expect(host.logs.filter((line) => line.includes(' INFO '))).toEqual([
        '[workspaces-euc-mcp] INFO Tool execution started',
        '[workspaces-euc-mcp] INFO Tool processing data',
        '[workspaces-euc-mcp] INFO Tool execution completed',
      ]);
    },
  );

  it('json_schema_2020_12_tool keeps its 2020-12 keywords and enforces them on input', async () => {
    const host = await fixtureHost();
    const schema = host.registered.get('json_schema_2020_12_tool')?.inputSchema;
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $defs: { address: { $anchor: 'addressDef' } },
      allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
      if: { required: ['contactMethod'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword, not a thenable.
      then: { required: ['phone'] },
      else: { required: ['email'] },
      additionalProperties: false,
    });
    const accepted = await invokeOk(host, 'json_schema_2020_12_tool', {
      email: 'a@example.com',
      address: { city: 'Lisbon' },
    });
    expect(accepted.received).toEqual({ email: 'a@example.com', address: { city: 'Lisbon' } });
    // contactMethod "phone" requires a phone number (if/then), and the $ref'd address is typed.
    const refused = await host.invoke('json_schema_2020_12_tool', { contactMethod: 'phone', email: 'x' });
    expect(refused.ok).toBe(false);
    const badAddress = await host.invoke('json_schema_2020_12_tool', { email: 'x', address: { city: 1 } });
    expect(badAddress.ok).toBe(false);
    expect(badAddress.text).toContain('address');
  });
});
