/**
 * Builder start/stop and user-pool entitlements (error mapping: our reading of the documented
 * codes, as for the fleet writes). Image and app block builders start only from
 * STOPPED and stop only from RUNNING; a builder mid-transition answers
 * ConcurrentModificationException ("wait a few minutes and try again"), a FAILED image builder
 * ResourceNotAvailableException. BatchAssociateUserStack / BatchDisassociateUserStack take 1-25
 * associations and report each failure as a UserStackAssociationError instead of failing.
 */
import type { UserStackAssociation, UserStackAssociationError } from '@aws-sdk/client-appstream';
import { notFound, SimulatedAwsError } from '../../errors.js';
import type { OperationHandler } from '../../handlers.js';
import { at } from '../../model.js';
import { listOf, requiredString } from '../../paging.js';
import { here } from './lookup.js';

function transitional(kind: string, name: string, state: string | undefined): SimulatedAwsError {
  return new SimulatedAwsError(
    'ConcurrentModificationException',
    `The ${kind} ${name} is ${state}; wait until it is RUNNING or STOPPED and try again.`,
  );
}

const startImageBuilder: OperationHandler = (request, estate) => {
  const name = requiredString(request.input, 'Name');
  const sim = here(estate.applications.imageBuilders, request).find((b) => b.builder.Name === name);
  if (!sim) throw notFound(`The image builder ${name}`);
  const state = sim.builder.State;
  if (state === 'FAILED')
    throw new SimulatedAwsError(
      'ResourceNotAvailableException',
      `The image builder ${name} is FAILED; delete and recreate it.`,
    );
  if (state !== 'STOPPED') throw transitional('image builder', name, state);
  const agent = request.input.AppstreamAgentVersion;
  sim.builder.State = 'RUNNING';
  sim.stateSince = estate.settings.now;
  if (typeof agent === 'string') {
    sim.builder.AppstreamAgentVersion = agent === '[LATEST]' ? 'LATEST' : agent;
    sim.builder.LatestAppstreamAgentVersion = agent === '[LATEST]' || agent === 'LATEST' ? 'TRUE' : 'FALSE';
  }
  return { ImageBuilder: structuredClone(sim.builder) };
};

const stopImageBuilder: OperationHandler = (request, estate) => {
  const name = requiredString(request.input, 'Name');
  const sim = here(estate.applications.imageBuilders, request).find((b) => b.builder.Name === name);
  if (!sim) throw notFound(`The image builder ${name}`);
  const state = sim.builder.State;
  if (state === 'STOPPED' || state === 'FAILED')
    throw new SimulatedAwsError(
      'OperationNotPermittedException',
      `The image builder ${name} is ${state}; only a RUNNING image builder can be stopped.`,
    );
  if (state !== 'RUNNING') throw transitional('image builder', name, state);
  sim.builder.State = 'STOPPED';
  delete sim.builder.NetworkAccessConfiguration;
  sim.stateSince = estate.settings.now;
  return { ImageBuilder: structuredClone(sim.builder) };
};

function appBlockBuilderTransition(to: 'RUNNING' | 'STOPPED'): OperationHandler {
  return (request, estate) => {
    const name = requiredString(request.input, 'Name');
    const sim = here(estate.applications.appBlockBuilders, request).find((b) => b.builder.Name === name);
    if (!sim) throw notFound(`The app block builder ${name}`);
    const from = to === 'RUNNING' ? 'STOPPED' : 'RUNNING';
    const state = sim.builder.State;
    if (state === to)
      throw new SimulatedAwsError(
        'OperationNotPermittedException',
        `The app block builder ${name} is already ${state}.`,
      );
    if (state !== from) throw transitional('app block builder', name, state);
    sim.builder.State = to;
    sim.stateSince = estate.settings.now;
    return { AppBlockBuilder: structuredClone(sim.builder) };
  };
}

function batchUserStack(associate: boolean): OperationHandler {
  return (request, estate) => {
    const rows =
      listOf<UserStackAssociation>(request.input, 'UserStackAssociations', 25, { required: true }) ?? [];
    const apps = estate.applications;
    const errors: UserStackAssociationError[] = [];
    for (const row of rows) {
      const fail = (code: UserStackAssociationError['ErrorCode'], message: string) =>
        errors.push({ UserStackAssociation: { ...row }, ErrorCode: code, ErrorMessage: message });
      if (!here(apps.stacks, request).some((s) => s.stack.Name === row.StackName)) {
        fail('STACK_NOT_FOUND', `The stack ${row.StackName} does not exist.`);
        continue;
      }
      if (
        row.AuthenticationType === 'USERPOOL' &&
        !here(apps.users, request).some((u) => u.user.UserName === row.UserName)
      ) {
        fail('USER_NAME_NOT_FOUND', `The user ${row.UserName} is not in the user pool.`);
        continue;
      }
      const same = (a: UserStackAssociation) =>
        a.StackName === row.StackName &&
        a.UserName === row.UserName &&
        a.AuthenticationType === row.AuthenticationType;
      const exists = apps.userStackAssociations.some(
        (a) => at(a, request.account, request.region) && same(a.association),
      );
      if (associate && !exists)
        apps.userStackAssociations.push({
          account: request.account,
          region: request.region,
          association: {
            StackName: row.StackName,
            UserName: row.UserName,
            AuthenticationType: row.AuthenticationType,
          },
        });
      if (!associate)
        apps.userStackAssociations = apps.userStackAssociations.filter(
          (a) => !(at(a, request.account, request.region) && same(a.association)),
        );
    }
    return { errors };
  };
}

/** Builder lifecycle and user-pool entitlement writes of the `appstream` service. */
export const appstreamOtherWriteOperations = {
  StartImageBuilder: startImageBuilder,
  StopImageBuilder: stopImageBuilder,
  StartAppBlockBuilder: appBlockBuilderTransition('RUNNING'),
  StopAppBlockBuilder: appBlockBuilderTransition('STOPPED'),
  BatchAssociateUserStack: batchUserStack(true),
  BatchDisassociateUserStack: batchUserStack(false),
} satisfies Record<string, OperationHandler>;
