import { defineWriteTool, ScopeInput, scopeLabel, summarizeError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { updateFleetCapacity } from '../aws/appstream.js';
import { FleetInput, locateFleet } from '../aws/locate-fleet.js';
import { billingModelOf } from '../fleets/billing.js';
import { capacityChange } from '../fleets/lifecycle.js';

const Input = Type.Object(
  {
    fleet: FleetInput,
    desired: Type.Integer({ minimum: 0, maximum: 10_000 }),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

/** update_application_fleet_capacity: set a fleet's desired capacity, within the blast-radius cap. */
export const updateApplicationFleetCapacity = defineWriteTool({
  name: 'update_application_fleet_capacity',
  title: 'Update WorkSpaces Applications fleet capacity',
  description:
    'Sets desired capacity of a WorkSpaces Applications (AppStream) fleet (multi-session: in sessions). Plan: old, new, in use. Refuses Elastic fleets and cuts above the bulk cap.',
  tier: 2,
  idempotent: true,
  iam: ['appstream:DescribeFleets', 'appstream:UpdateFleet'],
  input: Input,
  async plan(input, ctx) {
    const { fleet, scope, name } = await locateFleet(ctx, input.fleet, input);
    const change = capacityChange(fleet, input.desired, ctx.limits.maxBulkTargets);
    const where = scopeLabel(scope);
    if (!('unit' in change))
      return {
        targets: [
          { id: name, action: 'set desired capacity', current: fleet.State ?? 'UNKNOWN', skip: change.skip },
        ],
      };
    const warnings: string[] = [];
    if (change.next < change.inUse)
      warnings.push(
        `${name} (${where}): ${change.inUse} ${change.unit} are in use, more than the new desired ${change.next}: no new user gets capacity until enough of them sign out.`,
      );
    const added = change.instancesNext - change.instancesNow;
    if (added > 0 && billingModelOf(fleet) === 'ALWAYS_ON' && fleet.State === 'RUNNING')
      warnings.push(
        `${name}: Always-On, so ${added} more instance(s) bill the full hourly rate from now on, used or not.`,
      );
    if (fleet.State === 'STOPPED')
      warnings.push(`${name} is STOPPED: the new capacity applies when it starts.`);
    return {
      targets: [
        {
          id: name,
          action: `set desired ${change.unit} ${change.current} → ${change.next}`,
          current: fleet.State ?? 'UNKNOWN',
          detail: {
            unit: change.unit,
            from: change.current,
            to: change.next,
            instancesFrom: change.instancesNow,
            instancesTo: change.instancesNext,
            inUse: change.inUse,
          },
          ...(change.skip ? { skip: change.skip } : {}),
        },
      ],
      warnings,
    };
  },
  async apply(targets, input, ctx) {
    const { fleet, scope, name } = await locateFleet(ctx, input.fleet, input);
    const change = capacityChange(fleet, input.desired, ctx.limits.maxBulkTargets);
    return Promise.all(
      targets.map(async (target) => {
        if (!('unit' in change) || change.skip)
          return { id: target.id, ok: false, code: 'Refused', message: change.skip ?? 'refused' };
        try {
          await updateFleetCapacity(ctx, scope, name, change.request);
          return { id: target.id, ok: true, message: `Desired ${change.unit} set to ${change.next}.` };
        } catch (error) {
          const e = summarizeError(error);
          return { id: target.id, ok: false, code: e.code, message: e.message };
        }
      }),
    );
  },
});
