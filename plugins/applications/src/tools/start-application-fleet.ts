import { defineWriteTool, ScopeInput, scopeLabel, summarizeError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { startFleet } from '../aws/appstream.js';
import { FleetInput, locateFleet } from '../aws/locate-fleet.js';
import { billingRule } from '../fleets/billing.js';
import { capacityView } from '../fleets/capacity.js';
import { startBlockers, startSkip } from '../fleets/lifecycle.js';

const Input = Type.Object({ fleet: FleetInput, ...ScopeInput }, { additionalProperties: false });

/** start_application_fleet: start a stopped fleet (its instances start billing by fleet type). */
export const startApplicationFleet = defineWriteTool({
  name: 'start_application_fleet',
  title: 'Start a WorkSpaces Applications fleet',
  description:
    'Starts a STOPPED WorkSpaces Applications (AppStream) fleet. Without confirm: the plan (state, desired capacity, what starts billing, errors that will block it); other states are skipped with the reason.',
  tier: 2,
  idempotent: true,
  iam: ['appstream:DescribeFleets', 'appstream:StartFleet'],
  input: Input,
  async plan(input, ctx) {
    const { fleet, scope, name } = await locateFleet(ctx, input.fleet, input);
    const skip = startSkip(fleet);
    const view = capacityView(fleet);
    const blockers = startBlockers(fleet);
    const warnings = [
      `${name} (${scopeLabel(scope)}): ${billingRule(fleet)}`,
      ...(blockers.length > 0
        ? [
            `Fleet errors ${blockers.join(', ')} will make the start fail or leave it without instances: run diagnose_application_fleet and fix them first.`,
          ]
        : []),
    ];
    return {
      targets: [
        {
          id: name,
          action: 'start',
          current: fleet.State ?? 'UNKNOWN',
          detail: {
            fleetType: fleet.FleetType ?? null,
            ...(view
              ? { desired: view.desired, unit: view.unit }
              : { maxConcurrentSessions: fleet.MaxConcurrentSessions ?? null }),
          },
          ...(skip ? { skip } : {}),
        },
      ],
      warnings,
    };
  },
  async apply(targets, input, ctx) {
    const { scope, name } = await locateFleet(ctx, input.fleet, input);
    return Promise.all(
      targets.map(async (target) => {
        try {
          await startFleet(ctx, scope, name);
          return { id: target.id, ok: true, message: 'StartFleet accepted: the fleet is STARTING.' };
        } catch (error) {
          const e = summarizeError(error);
          return { id: target.id, ok: false, code: e.code, message: e.message };
        }
      }),
    );
  },
});
