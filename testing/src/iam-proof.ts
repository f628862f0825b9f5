import type { Host } from '@workspaces-euc-mcp/host/runtime';
import { describe, expect, it } from 'vitest';
import { invokeConfirmed } from './host.js';

/** One call of a tool, chosen to reach some of its code paths. */
export interface IamScenario {
  readonly tool: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** A confirm scenario runs as a user confirms: the dry run, then the call with its planId. */
function runScenario(host: Host, scenario: IamScenario) {
  return scenario.input.confirm === true && scenario.input.planId === undefined
    ? invokeConfirmed(host, scenario.tool, { ...scenario.input })
    : host.invoke(scenario.tool, scenario.input);
}

/** For one tool: the actions it sent without declaring, and the declared ones it never sent. */
export interface IamDiscrepancy {
  readonly tool: string;
  readonly undeclared: readonly string[];
  readonly unused: readonly string[];
  readonly scenarios: number;
}

/**
 * Runs every scenario through the host (gates and all), records every AWS request sent, and
 * compares each tool's sent actions with its declared (effective) IAM actions. Every registered
 * tool must have at least one scenario, so none is skipped by forgetting it. Returns one entry per
 * tool that disagrees; an empty array is the proof. Scenarios must reach every code path that
 * sends a distinct action (e.g. a write scenario with confirm=true to reach apply: it runs as a user
 * confirms, the dry run first and then the confirmed call with its planId). Each scenario
 * runs on an empty estate snapshot and tool cache: a scan or price kept from an earlier scenario
 * would hide a tool's own.
 */
export async function proveIamExact(
  host: Host,
  scenarios: readonly IamScenario[],
): Promise<IamDiscrepancy[]> {
  const sent = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const scenario of scenarios) {
    if (!host.registered.has(scenario.tool))
      throw new Error(`IAM scenario names ${scenario.tool}, which is not registered in this host.`);
    host.clearSnapshot();
    const result = await runScenario(host, scenario);
    const actions = sent.get(scenario.tool) ?? new Set<string>();
    for (const action of result.calls.actions()) actions.add(action);
    sent.set(scenario.tool, actions);
    counts.set(scenario.tool, (counts.get(scenario.tool) ?? 0) + 1);
  }
  const discrepancies: IamDiscrepancy[] = [];
  for (const [name, entry] of host.registered) {
    const actions = sent.get(name);
    if (!actions) throw new Error(`No IAM scenario covers registered tool ${name}.`);
    const declared = new Set(entry.iamActions);
    const undeclared = [...actions].filter((a) => !declared.has(a)).sort();
    const unused = [...declared].filter((a) => !actions.has(a)).sort();
    if (undeclared.length > 0 || unused.length > 0)
      discrepancies.push({ tool: name, undeclared, unused, scenarios: counts.get(name) ?? 0 });
  }
  return discrepancies;
}

/**
 * The IAM proof of a plugin as two tests of the running file: every scenario succeeds (so the proof
 * reaches every action; with `withoutErrors`, also without per-service `errors`), and every action
 * sent is declared and every declared one sent. `host` builds the host to prove, usually over an
 * estate shaped so every data-dependent path runs.
 */
export function itProvesIamExact(options: {
  readonly host: () => Promise<Host>;
  readonly scenarios: readonly IamScenario[];
  readonly withoutErrors?: boolean;
}): void {
  describe('IAM', () => {
    it('every scenario succeeds, so the proof below reaches every action', async () => {
      const host = await options.host();
      for (const { tool, input } of options.scenarios) {
        const result = await runScenario(host, { tool, input });
        expect(result.ok, `${tool}: ${result.text.slice(0, 300)}`).toBe(true);
        if (result.ok && options.withoutErrors) expect(result.structured.errors ?? [], tool).toEqual([]);
      }
    });

    it('every AWS action each tool sends is declared, and every declared action is sent', async () => {
      const host = await options.host();
      expect(await proveIamExact(host, options.scenarios)).toEqual([]);
    });
  });
}
