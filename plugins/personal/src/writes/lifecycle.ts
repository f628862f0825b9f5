import type { FailedWorkspaceChangeRequest, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { defineWriteTool, type Tool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { LocateScopeInput } from '../aws/locate.js';
import { workspacesClient } from '../aws/workspaces.js';
import type { WorkspaceAction } from '../desktops/states.js';
import {
  actionableOf,
  applyByScope,
  applyInBatches,
  legalTarget,
  MAX_PER_BATCH_REQUEST,
  planTargets,
  standbyWarnings,
  WorkspaceIdsInput,
} from './writes.js';

/** What differs between the batch lifecycle tools (start, stop, reboot). */
export interface LifecycleSpec {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly action: Extract<WorkspaceAction, 'start' | 'stop' | 'reboot'>;
  readonly iamAction: string;
  readonly idempotent: boolean;
  readonly send: (
    client: WorkSpacesClient,
    workspaceIds: string[],
  ) => Promise<FailedWorkspaceChangeRequest[] | undefined>;
}

const Input = Type.Object(
  { workspaceIds: WorkspaceIdsInput, ...LocateScopeInput },
  { additionalProperties: false },
);

/**
 * A tier-2 batch lifecycle tool: the plan reads each target (DescribeWorkspaces, 25 ids a call)
 * and skips the ones whose state or running mode forbids the action, calling out standby pairs;
 * apply sends the rest 25 per request and maps FailedRequests to the targets that failed.
 */
export function lifecycleTool(spec: LifecycleSpec): Tool {
  return defineWriteTool({
    name: spec.name,
    title: spec.title,
    description: spec.description,
    tier: 2,
    idempotent: spec.idempotent,
    iam: ['workspaces:DescribeWorkspaces', spec.iamAction],
    input: Input,
    async plan(input, ctx) {
      const resolved = await planTargets(ctx, input, input.workspaceIds, spec.action, (ws) =>
        legalTarget(ws, spec.action, spec.action),
      );
      const { targets, found } = resolved;
      const verb = spec.action === 'stop' ? 'stopping' : spec.action === 'start' ? 'starting' : 'rebooting';
      const warnings = [...resolved.warnings, ...standbyWarnings(actionableOf(targets, found), verb)];
      return warnings.length > 0 ? { targets, warnings } : { targets };
    },
    async apply(targets, _input, ctx) {
      return applyByScope(targets, async (scope, group) => {
        const client = await workspacesClient(ctx, scope);
        return applyInBatches(ctx, group, MAX_PER_BATCH_REQUEST, (ids) => spec.send(client, ids));
      });
    },
  });
}
