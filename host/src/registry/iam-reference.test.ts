import { describe, expect, it } from 'vitest';
import { testPlugin } from '../../test/fixtures/test-plugin.js';
import type { Tool } from '../plugin-api/types.js';
import { actionReferenceTable, lookupAction, preloadActionReferences } from './iam-reference.js';
import { validatePlugin } from './validate-plugin.js';

const [readTool] = testPlugin.tools as [Tool];
const withIam = (iam: readonly string[]) => ({ ...testPlugin, tools: [{ ...readTool, iam }] });

describe('the IAM reference table a bundled distribution ships', () => {
  it('holds the reference entries of the actions given, and leaves out the unknown ones', async () => {
    const table = await actionReferenceTable([
      'workspaces:TerminateWorkspaces',
      'workspaces:DescribeWorkspaces',
      'workspaces:DescribeEverything',
      'workspaces:DescribeWorkspaces',
    ]);
    expect(Object.keys(table)).toEqual(['workspaces:DescribeWorkspaces', 'workspaces:TerminateWorkspaces']);
    expect(table['workspaces:TerminateWorkspaces']?.accessLevel).toBe('Write');
    expect(table['workspaces:DescribeWorkspaces']?.accessLevel).toBe('List');
  });

  it('answers the lookups of the actions it holds without reading the reference', async () => {
    // An action the reference does not know: only the table can answer for it.
    const madeUp = {
      action: 'example:ReadThing',
      accessLevel: 'Read',
      resourceTypes: [],
      conditionKeys: [],
      wildcardOnly: true,
    } as const;
    preloadActionReferences({ 'example:ReadThing': madeUp });
    await expect(lookupAction('example:ReadThing')).resolves.toEqual(madeUp);
  });

  it('leaves every refusal of a plugin in place: other actions are still looked up', async () => {
    preloadActionReferences(
      await actionReferenceTable(['workspaces:DescribeWorkspaces', 'workspaces:DescribeWorkspaceBundles']),
    );
    await expect(validatePlugin(withIam(['workspaces:DescribeWorkspaces']), 'x')).resolves.toBeDefined();
    await expect(validatePlugin(withIam(['workspaces:DescribeEverything']), 'x')).rejects.toThrow(
      /not an action in the AWS Service Authorization Reference/,
    );
    await expect(
      validatePlugin(withIam(['workspaces:DescribeWorkspaces', 'workspaces:RebootWorkspaces']), 'x'),
    ).rejects.toThrow(/tier 0 \(read-only\) but declares workspaces:RebootWorkspaces/);
  });
});
