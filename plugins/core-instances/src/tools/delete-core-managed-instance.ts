import type { ProvisionStateEnum } from '@aws-sdk/client-workspaces-instances';
import {
  defineWriteTool,
  mapBounded,
  type PlannedTarget,
  type Scope,
  ScopeInput,
  scopeLabel,
  summarizeError,
  type TargetResult,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { deleteInstance } from '../aws.js';
import { describeEc2Instances, describeVolumes, type Ec2Facts, withVolumeDetails } from '../ec2.js';
import { type Located, locateInstances, searched } from '../locate.js';
import { describeEc2Error } from '../provisioning.js';
import { WorkspaceInstanceId } from '../schemas.js';
import { describeVolume, survivingVolumesWarning } from '../volumes.js';

const Input = Type.Object(
  {
    workspaceInstanceIds: Type.Array(WorkspaceInstanceId, { minItems: 1, maxItems: 25, uniqueItems: true }),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

/** Why a state cannot be deleted now, or undefined when it can (see the simulator's ConflictException). */
export function deleteSkip(state: ProvisionStateEnum | undefined): string | undefined {
  switch (state) {
    case 'ALLOCATED':
    case 'ERROR_ALLOCATING':
    case 'ERROR_DEALLOCATING':
      return undefined;
    case 'ALLOCATING':
      return 'still launching: delete it once it is ALLOCATED or ERROR_ALLOCATING';
    case 'DEALLOCATING':
      return 'already being deleted';
    case 'DEALLOCATED':
      return 'already deleted (its EC2 instance is gone)';
    case undefined:
      return 'its state is unknown';
  }
}

/** The EC2 facts of the actionable targets, by EC2 instance id; a failed scope becomes a warning. */
async function ec2FactsByScope(
  ctx: ToolContext,
  targets: readonly Located[],
  warnings: string[],
): Promise<Map<string, Ec2Facts>> {
  const byScope = new Map<string, { scope: Scope; ids: string[] }>();
  for (const { scope, instance } of targets) {
    const ec2Id = instance.EC2ManagedInstance?.InstanceId;
    if (!ec2Id) continue;
    const entry = byScope.get(scopeLabel(scope)) ?? { scope, ids: [] };
    entry.ids.push(ec2Id);
    byScope.set(scopeLabel(scope), entry);
  }
  const settled = await mapBounded([...byScope.values()], ctx.limits.concurrency, async ({ scope, ids }) => {
    const facts = await describeEc2Instances(ctx, scope, ids);
    const volumes = await describeVolumes(
      ctx,
      scope,
      [...facts.values()].flatMap((f) => f.volumes.map((v) => v.volumeId)),
    );
    return [...facts.values()].map((f) => withVolumeDetails(f, volumes));
  });
  const all = new Map<string, Ec2Facts>();
  for (const outcome of settled) {
    if (outcome.ok) for (const f of outcome.value) all.set(f.instanceId, f);
    else
      warnings.push(
        `Could not read the EC2 instances and volumes in ${scopeLabel(outcome.item.scope)} (${summarizeError(outcome.error).message}): the plan cannot say which volumes are deleted with them.`,
      );
  }
  return all;
}

/** delete_core_managed_instance: terminate managed instances and their EC2 instances. */
export const deleteCoreManagedInstance = defineWriteTool({
  name: 'delete_core_managed_instance',
  title: 'Delete Core managed instances',
  description:
    "PERMANENTLY deletes Core managed instances and their EC2 instances; root volumes lose their data. Ids are found in any configured account/region. The plan shows each volume's fate and skips instances launching or already deleting.",
  tier: 3,
  acknowledgement: 'DELETE',
  iam: [
    'workspaces-instances:GetWorkspaceInstance',
    'ec2:DescribeInstances',
    'ec2:DescribeVolumes',
    'workspaces-instances:DeleteWorkspaceInstance',
  ],
  input: Input,
  async plan(input, ctx) {
    const search = await locateInstances(ctx, input, input.workspaceInstanceIds);
    const warnings = search.failures.map(
      (f) =>
        `Could not search ${scopeLabel(f.scope)} (${summarizeError(f.error).message}); ids not found may live there.`,
    );
    const actionable = [...search.found.values()].filter((l) => !deleteSkip(l.instance.ProvisionState));
    const ec2 = await ec2FactsByScope(ctx, actionable, warnings);
    const targets = input.workspaceInstanceIds.map((id): PlannedTarget => {
      const located = search.found.get(id);
      if (!located)
        return {
          id,
          action: 'delete',
          skip: `not found in ${searched(search.scopes)}`,
        };
      const { scope, instance } = located;
      const state = instance.ProvisionState;
      const skip = deleteSkip(state);
      const ec2Id = instance.EC2ManagedInstance?.InstanceId;
      const facts = ec2Id ? ec2.get(ec2Id) : undefined;
      if (!skip && state === 'ERROR_DEALLOCATING' && (instance.EC2InstanceErrors ?? []).length > 0)
        warnings.push(
          `${id}: its last deletion failed (${(instance.EC2InstanceErrors ?? []).map(describeEc2Error).join(' | ')}). Deleting again fails the same way until that is fixed.`,
        );
      if (!skip && facts) warnings.push(...survivingVolumesWarning(id, facts.volumes));
      return {
        id,
        action: 'delete',
        current: state ?? 'UNKNOWN',
        ...(skip ? { skip } : {}),
        detail: {
          ...(scope.account ? { account: scope.account } : {}),
          region: scope.region,
          ec2InstanceId: ec2Id ?? null,
          ...(skip
            ? {}
            : {
                instanceType: facts?.instanceType ?? null,
                ec2State: facts?.state ?? null,
                volumes: !ec2Id
                  ? 'none (no EC2 instance)'
                  : facts
                    ? facts.volumes.map(describeVolume).join('; ') || 'none'
                    : 'unknown (EC2 not read)',
              }),
        },
      };
    });
    return {
      targets,
      warnings,
      impact:
        'PERMANENT and IRREVERSIBLE: each desktop is gone, its EC2 instance terminated, and every volume deleted with it (root volume included) loses its data. Volumes marked KEPT survive, detached and still billed.',
    };
  },
  async apply(targets, _input, ctx): Promise<TargetResult[]> {
    const settled = await mapBounded(
      targets,
      ctx.limits.concurrency,
      (target) => {
        const region = String(target.detail?.region ?? '');
        const account = target.detail?.account;
        const scope: Scope = { region, ...(typeof account === 'string' ? { account } : {}) };
        return deleteInstance(ctx, scope, target.id);
      },
      { signal: ctx.signal },
    );
    return settled.map((outcome) => {
      if (outcome.ok) return { id: outcome.item.id, ok: true, message: 'deletion started (DEALLOCATING)' };
      const { code, message } = summarizeError(outcome.error);
      return { id: outcome.item.id, ok: false, code, message };
    });
  },
});
