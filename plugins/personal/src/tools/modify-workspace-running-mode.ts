import type { Workspace } from '@aws-sdk/client-workspaces';
import { defineWriteTool, type PlannedTarget } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { LocateScopeInput } from '../aws/locate.js';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import { checkInteger, Int } from '../schemas.js';
import {
  actionableOf,
  applyByScope,
  applyEach,
  legalTarget,
  planTargets,
  standbyWarnings,
  WorkspaceIdsInput,
} from '../writes/writes.js';

const Input = Type.Object(
  {
    workspaceIds: WorkspaceIdsInput,
    runningMode: Type.Enum(['AUTO_STOP', 'ALWAYS_ON', 'MANUAL']),
    autoStopTimeoutMinutes: Int(),
    ...LocateScopeInput,
  },
  { additionalProperties: false },
);
type Input = Static<typeof Input>;

/**
 * Billing timing (WorkSpaces FAQ, "Can I switch between hourly and monthly billing?"): moving to
 * AlwaysOn is billed monthly from the switch, prorated for the rest of the month (the hourly
 * usage already accrued is still charged); moving to AutoStop keeps this month monthly-billed and
 * starts hourly billing next month.
 *
 * The same rule as the cost plugin's recommend_running_mode (plugins/cost/src/running-mode/
 * billing-timing.ts), kept here as a small pure copy rather than a ctx.callTool to the cost
 * plugin: that tool prices per desktop from the Price List and a fortnight of CloudWatch usage
 * (tier 1, hundreds of requests), far too much for a write's plan step, and the rule itself is
 * three sentences. Per-desktop "now" / "on-last-day" advice stays in recommend_running_mode.
 */
export function billingNote(runningMode: Input['runningMode']): string {
  switch (runningMode) {
    case 'AUTO_STOP':
      return 'Billing: the switch to AutoStop takes effect on your bill next month (renewal at 00:00 UTC on the 1st); this month is already paid at the AlwaysOn monthly price.';
    case 'ALWAYS_ON':
      return "Billing: AlwaysOn monthly billing starts immediately, prorated for the rest of this month, on top of the AutoStop base and hours already billed. Switch now when the desktop's remaining hourly charges this month would exceed that prorated fee (recommend_running_mode: switchWhen 'now'); otherwise switch on the last UTC day of the month, before the 00:00 UTC renewal ('on-last-day').";
    case 'MANUAL':
      return 'MANUAL is only accepted for allow-listed WorkSpaces Core accounts; other accounts get an error per desktop.';
  }
}

/**
 * GPU bundles and GeneralPurpose.4xlarge/8xlarge AutoStop desktops do not hibernate: a stop loses
 * the user's open session and unsaved work, and the next start is a cold boot
 * (euc-admin-anchors §5.3).
 */
const NO_HIBERNATION = /GRAPHICS|^GR|GENERALPURPOSE_(4|8)XLARGE/i;

/** Plan warnings for desktops on which AutoStop behaves differently (no hibernation). */
export function autoStopWarnings(workspaces: Iterable<Workspace>): string[] {
  const ids: string[] = [];
  for (const ws of workspaces)
    if (NO_HIBERNATION.test(ws.WorkspaceProperties?.ComputeTypeName ?? '') && ws.WorkspaceId)
      ids.push(ws.WorkspaceId);
  return ids.length > 0
    ? [
        `${ids.join(', ')}: GPU (or GeneralPurpose.4xlarge/8xlarge) bundles do not hibernate under AutoStop; each stop ends the user's session and loses unsaved work, and each start is a cold boot. Tell the users, or keep these ALWAYS_ON.`,
      ]
    : [];
}

// ModifyWorkspaceProperties fails while another property change is still being applied.
const BUSY = new Set(['UPDATE_INITIATED', 'UPDATE_IN_PROGRESS']);

function decide(ws: Workspace, input: Input): PlannedTarget {
  const label = `switch to ${input.runningMode}`;
  const target = legalTarget(ws, 'modify_properties', label);
  if (target.skip) return target;
  const props = ws.WorkspaceProperties;
  const sameTimeout =
    input.autoStopTimeoutMinutes === undefined ||
    props?.RunningModeAutoStopTimeoutInMinutes === input.autoStopTimeoutMinutes;
  if (props?.RunningMode === input.runningMode && sameTimeout)
    return { ...target, skip: `already ${input.runningMode}.` };
  if ((ws.ModificationStates ?? []).some((m) => BUSY.has(m.State ?? '')))
    return {
      ...target,
      skip: 'another property change is still being applied; try again when it completes.',
    };
  return target;
}

export const modifyWorkspaceRunningMode = defineWriteTool({
  name: 'modify_workspace_running_mode',
  title: 'Modify WorkSpace running mode',
  description:
    'Switches WorkSpaces Personal desktops (AVAILABLE or STOPPED) between AUTO_STOP (hourly), ALWAYS_ON (monthly) and MANUAL (Core only); timeout in 60-min steps. To AutoStop bills from next month; to AlwaysOn now, prorated.',
  tier: 2,
  idempotent: true,
  iam: ['workspaces:DescribeWorkspaces', 'workspaces:ModifyWorkspaceProperties'],
  input: Input,
  async plan(input, ctx) {
    checkInteger('autoStopTimeoutMinutes', input.autoStopTimeoutMinutes, 60, 2880, 60);
    if (input.autoStopTimeoutMinutes !== undefined && input.runningMode !== 'AUTO_STOP')
      return {
        targets: input.workspaceIds.map((id) => ({
          id,
          action: `switch to ${input.runningMode}`,
          skip: 'autoStopTimeoutMinutes applies only to AUTO_STOP.',
        })),
      };
    const resolved = await planTargets(
      ctx,
      input,
      input.workspaceIds,
      `switch to ${input.runningMode}`,
      (ws) => decide(ws, input),
    );
    const { targets, found } = resolved;
    return {
      targets,
      warnings: [
        ...resolved.warnings,
        billingNote(input.runningMode),
        ...(input.runningMode === 'AUTO_STOP' ? autoStopWarnings(actionableOf(targets, found)) : []),
        ...standbyWarnings(actionableOf(targets, found), 'switching'),
      ],
    };
  },
  async apply(targets, input, ctx) {
    const { ModifyWorkspacePropertiesCommand } = await workspacesSdk();
    return applyByScope(targets, async (scope, group) => {
      const client = await workspacesClient(ctx, scope);
      return applyEach(ctx, group, (WorkspaceId) =>
        client.send(
          new ModifyWorkspacePropertiesCommand({
            WorkspaceId,
            WorkspaceProperties: {
              RunningMode: input.runningMode,
              ...(input.autoStopTimeoutMinutes !== undefined
                ? { RunningModeAutoStopTimeoutInMinutes: input.autoStopTimeoutMinutes }
                : {}),
            },
          }),
        ),
      );
    });
  },
});
