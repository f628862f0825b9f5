import { describe, expect, it } from 'vitest';
import {
  additiveTierActions,
  iamReadme,
  policyDocument,
  type ToolIam,
  tierPolicyFiles,
  unionActions,
} from './policy.js';

const TOOLS: ToolIam[] = [
  { name: 'find_workspaces', plugin: 'p', tier: 0, iamActions: ['workspaces:DescribeWorkspaces'] },
  {
    name: 'diagnose_x',
    plugin: 'p',
    tier: 0,
    iamActions: ['workspaces:DescribeWorkspaces', 'cloudwatch:GetMetricData'],
  },
  {
    name: 'cost_x',
    plugin: 'c',
    tier: 1,
    iamActions: ['ce:GetCostAndUsage', 'workspaces:DescribeWorkspaces'],
  },
  {
    name: 'stop_x',
    plugin: 'p',
    tier: 2,
    iamActions: ['workspaces:DescribeWorkspaces', 'workspaces:StopWorkspaces'],
  },
  {
    name: 'terminate_x',
    plugin: 'p',
    tier: 3,
    iamActions: ['workspaces:TerminateWorkspaces', 'workspaces:StopWorkspaces'],
  },
];

describe('IAM composition', () => {
  it('unions and sorts actions without duplicates', () => {
    expect(unionActions(TOOLS.slice(0, 2))).toEqual([
      'cloudwatch:GetMetricData',
      'workspaces:DescribeWorkspaces',
    ]);
  });
  it('tier layers are additive: each holds only the actions first needed at that tier', () => {
    expect(additiveTierActions(TOOLS)).toEqual({
      0: ['cloudwatch:GetMetricData', 'workspaces:DescribeWorkspaces'],
      1: ['ce:GetCostAndUsage'],
      2: ['workspaces:StopWorkspaces'],
      3: ['workspaces:TerminateWorkspaces'],
    });
  });
  it('attaching tiers 0..N grants exactly the actions of the tools of tiers 0..N', () => {
    const layers = additiveTierActions(TOOLS);
    for (const top of [0, 1, 2, 3] as const) {
      const granted = new Set(([0, 1, 2, 3] as const).filter((t) => t <= top).flatMap((t) => layers[t]));
      expect([...granted].sort()).toEqual(unionActions(TOOLS.filter((t) => t.tier <= top)));
    }
  });
  it('emits the four tier files with a statement each, and none for an empty tier', () => {
    const files = tierPolicyFiles(TOOLS.filter((t) => t.tier !== 1));
    expect(Object.keys(files)).toEqual([
      'tier0-diagnostics.json',
      'tier1-cost.json',
      'tier2-lifecycle.json',
      'tier3-destructive.json',
    ]);
    expect(files['tier1-cost.json']?.Statement).toEqual([]);
    expect(files['tier3-destructive.json']?.Statement[0]).toMatchObject({
      Effect: 'Allow',
      Action: ['workspaces:TerminateWorkspaces'],
    });
  });
  it('policy documents are valid IAM JSON with an alphanumeric Sid', () => {
    const doc = policyDocument(['b:B', 'a:A'], 'tier0-diagnostics');
    expect(doc).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'tier0diagnostics', Effect: 'Allow', Action: ['a:A', 'b:B'], Resource: '*' }],
    });
  });
  it('the README lists every tool with its actions', () => {
    const readme = iamReadme(TOOLS);
    for (const tool of TOOLS) expect(readme).toContain(`\`${tool.name}\``);
    expect(readme).toContain('| 3 | `tier3-destructive.json` | 1 |');
  });
});
