import Type from 'typebox';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineChecks, definePlugin, defineTool, type ToolInput, type ToolOutput } from './define.js';

const { finding, checksOf } = defineChecks([
  { id: 'demo.open', title: 'Open', severity: 'critical', why: 'w', fix: 'f' },
  { id: 'demo.old', title: 'Old', severity: 'info', why: 'w', fix: 'f' },
] as const);

describe('defineChecks', () => {
  it('builds findings of its own checks, leaving out what was not given', () => {
    expect(finding('demo.open', 'r-1', 'Portal')).toEqual({
      checkId: 'demo.open',
      resourceId: 'r-1',
      resourceType: 'Portal',
    });
    expect(finding('demo.old', 'r-2', 'Image', 'two years', 'warning')).toEqual({
      checkId: 'demo.old',
      resourceId: 'r-2',
      resourceType: 'Image',
      detail: 'two years',
      severity: 'warning',
    });
    // @ts-expect-error a check the catalogue does not document
    finding('demo.unknown', 'r-3', 'Portal');
  });

  it('returns the descriptors a contributor raises, in catalogue order', () => {
    expect(checksOf(['demo.old', 'demo.open']).map((c) => c.id)).toEqual(['demo.open', 'demo.old']);
  });
});

describe('defineTool', () => {
  const countDesktops = defineTool({
    name: 'count_desktops',
    title: 'Count',
    description: 'Counts.',
    tier: 0,
    iam: [],
    input: Type.Object({ region: Type.Optional(Type.String()) }),
    output: Type.Object({ summary: Type.String(), total: Type.Integer() }),
    run: async () => ({ summary: 'none', total: 0 }),
  });

  it('keeps the tool typed, so readers of its answer need not restate its shape', () => {
    expectTypeOf<ToolOutput<typeof countDesktops>>().toEqualTypeOf<{ summary: string; total: number }>();
    expectTypeOf<ToolInput<typeof countDesktops>>().toEqualTypeOf<{ region?: string }>();
    expect(countDesktops.kind).toBe('read');
  });

  it('is still a plain tool a plugin lists without casts', () => {
    const plugin = definePlugin({ name: 'p', version: '1', description: 'd', tools: [countDesktops] });
    expect(plugin.tools).toEqual([countDesktops]);
  });
});

describe('definePlugin', () => {
  const base = { name: 'p', version: '1', description: 'd', tools: [] };

  it('keeps the API version the plugin states, a literal in its own source', () => {
    expect(definePlugin({ ...base, apiVersion: '1.0' }).apiVersion).toBe('1.0');
  });

  it("accepts only this host's major at compile time", () => {
    // @ts-expect-error a plugin for another major does not compile against this host's types
    const other = definePlugin({ ...base, apiVersion: '2.0' });
    expect(other.apiVersion).toBe('2.0');
  });
});
