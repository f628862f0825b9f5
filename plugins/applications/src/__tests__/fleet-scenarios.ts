import type { Estate } from '@workspaces-euc-mcp/testing';

type SimFleet = Estate['applications']['fleets'][number];

/** The fleet of a scenario in `estate` (the first one when there are several locations). */
export function scenarioFleet(estate: Estate, scenario: SimFleet['scenario']): SimFleet {
  const found = estate.applications.fleets.find((f) => f.scenario === scenario);
  if (!found) throw new Error(`the estate has no ${scenario} fleet`);
  return found;
}

/** The name of a scenario's fleet. */
export function scenarioName(estate: Estate, scenario: SimFleet['scenario']): string {
  return scenarioFleet(estate, scenario).fleet.Name ?? '';
}
