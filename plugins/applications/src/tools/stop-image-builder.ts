import {
  defineWriteTool,
  mapBounded,
  type PlannedTarget,
  ScopeInput,
  scopeLabel,
  summarizeError,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { stopImageBuilder as sendStop } from '../aws/appstream.js';
import { locateImageBuilders } from '../images/locate.js';

const HOUR_MS = 3_600_000;

const Input = Type.Object(
  {
    builders: Type.Array(Type.String(), {
      minItems: 1,
      // 25 planned rows keep the plan small; the blast-radius cap applies on top.
      maxItems: 25,
      uniqueItems: true,
      description: 'Names or ARNs',
    }),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

/** stop_image_builder: stop RUNNING image builders (they bill every running hour). */
export const stopImageBuilder = defineWriteTool({
  name: 'stop_image_builder',
  title: 'Stop WorkSpaces Applications image builders',
  description:
    'Stops RUNNING WorkSpaces Applications (AppStream) image builders (billed per running hour). Plan shows hours running; other states skipped. Cost: DescribeImageBuilders per region + StopImageBuilder each.',
  tier: 2,
  idempotent: true,
  iam: ['appstream:DescribeImageBuilders', 'appstream:StopImageBuilder'],
  input: Input,
  async plan(input, ctx) {
    const found = await locateImageBuilders(ctx, input.builders, input);
    const now = ctx.now();
    const targets = input.builders.map((wanted): PlannedTarget => {
      const hit = found.get(wanted) ?? { kind: 'missing', message: 'not found.' };
      if (hit.kind !== 'found') return { id: wanted, action: 'stop', skip: `${hit.kind}: ${hit.message}` };
      const { builder, scope } = hit;
      const state = builder.State ?? 'UNKNOWN';
      const created = builder.CreatedTime;
      const detail = {
        name: builder.Name ?? wanted,
        ...(scope.account ? { account: scope.account } : {}),
        region: scope.region,
        instanceType: builder.InstanceType ?? null,
        // AppStream records no start time: the run has lasted at most since creation.
        hoursRunningAtMost:
          state === 'RUNNING' && created ? Math.floor((now.getTime() - created.getTime()) / HOUR_MS) : null,
      };
      const skip =
        state === 'RUNNING'
          ? undefined
          : state === 'STOPPED' || state === 'STOPPING'
            ? `already ${state}: nothing to stop.`
            : `${state}: only a RUNNING image builder can be stopped${state === 'FAILED' ? ' (a FAILED one is deleted and recreated)' : '; wait until it is RUNNING'}.`;
      return { id: wanted, action: 'stop', current: state, detail, ...(skip ? { skip } : {}) };
    });
    const stopping = targets.filter((t) => !t.skip).length;
    return {
      targets,
      warnings:
        stopping > 0
          ? [
              'Stopping disconnects whoever is connected to the builder; an image being created (SNAPSHOTTING) is never a target. Start it again with StartImageBuilder when needed.',
            ]
          : [],
    };
  },
  async apply(targets, _input, ctx) {
    const settled = await mapBounded(
      targets,
      ctx.limits.concurrency,
      async (target) => {
        const region = target.detail?.region;
        const account = target.detail?.account;
        const name = target.detail?.name;
        if (typeof region !== 'string' || typeof name !== 'string')
          throw new ToolError('InvalidPlan', `${target.id}: the plan did not resolve its region.`);
        const scope = { region, ...(typeof account === 'string' ? { account } : {}) };
        return { state: await sendStop(ctx, scope, name), where: scopeLabel(scope) };
      },
      { signal: ctx.signal },
    );
    return settled.map((outcome) => {
      if (outcome.ok)
        return { id: outcome.item.id, ok: true, message: `${outcome.value.state} (${outcome.value.where})` };
      const error = summarizeError(outcome.error);
      return { id: outcome.item.id, ok: false, code: error.code, message: error.message };
    });
  },
});
