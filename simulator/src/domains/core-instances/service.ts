/**
 * The read operations of the `workspaces-instances` API (WorkSpaces Core Managed Instances):
 * ListWorkspaceInstances with MaxResults 1-25 and a ProvisionStates filter, GetWorkspaceInstance
 * and ListTagsForResource by WorkspaceInstanceId (pattern wsinst-[0-9a-zA-Z]{8,63}). Unknown
 * instances are ResourceNotFoundException with HTTP 404, as the service model declares.
 */
import type { ProvisionStateEnum } from '@aws-sdk/client-workspaces-instances';
import { SimulatedAwsError, validationError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { OperationHandler, SimRequest } from '../../handlers.js';
import { at } from '../../model.js';
import { intInRange, listOf, pageOf, requiredString } from '../../paging.js';
import { ALL_PROVISION_STATES } from './generate.js';
import type { SimManagedInstance } from './model.js';

const VALIDATION = 'ValidationException';
const INSTANCE_ID = /^wsinst-[0-9a-zA-Z]{8,63}$/;

function instancesAt(estate: Estate, request: SimRequest): SimManagedInstance[] {
  return estate.coreInstances.instances.filter((i) => at(i, request.account, request.region));
}

function requireInstance(estate: Estate, request: SimRequest): SimManagedInstance {
  const id = requiredString(request.input, 'WorkspaceInstanceId');
  if (!INSTANCE_ID.test(id))
    throw validationError(
      'workspaceInstanceId',
      'Member must satisfy regular expression pattern: wsinst-[0-9a-zA-Z]{8,63}',
    );
  const instance = instancesAt(estate, request).find((i) => i.workspaceInstanceId === id);
  if (!instance)
    throw new SimulatedAwsError('ResourceNotFoundException', `WorkSpace Instance ${id} was not found.`, 404);
  return instance;
}

function summary(instance: SimManagedInstance): Record<string, unknown> {
  return {
    WorkspaceInstanceId: instance.workspaceInstanceId,
    ProvisionState: instance.provisionState,
    ...(instance.ec2InstanceId ? { EC2ManagedInstance: { InstanceId: instance.ec2InstanceId } } : {}),
  };
}

const listWorkspaceInstances: OperationHandler = (request, estate) => {
  const input = request.input;
  const limit = intInRange(input, 'MaxResults', 1, 25, 25);
  const states = listOf<ProvisionStateEnum>(input, 'ProvisionStates', ALL_PROVISION_STATES.length);
  if (states?.some((s) => !ALL_PROVISION_STATES.includes(s)))
    throw validationError(
      'provisionStates.member',
      `Member must satisfy enum value set: [${ALL_PROVISION_STATES.join(', ')}]`,
    );
  const instances = instancesAt(estate, request).filter((i) => !states || states.includes(i.provisionState));
  const page = pageOf('ListWorkspaceInstances', instances, input.NextToken, limit, VALIDATION);
  return { WorkspaceInstances: page.items.map(summary), NextToken: page.nextToken };
};

const getWorkspaceInstance: OperationHandler = (request, estate) => {
  const instance = requireInstance(estate, request);
  return {
    ...summary(instance),
    BillingConfiguration: { BillingMode: instance.billingMode },
    WorkspaceInstanceErrors: structuredClone(instance.workspaceInstanceErrors),
    EC2InstanceErrors: structuredClone(instance.ec2InstanceErrors),
  };
};

const listTagsForResource: OperationHandler = (request, estate) => ({
  Tags: requireInstance(estate, request).tags.map((t) => ({ ...t })),
});

/** The Core Managed Instances operations. */
export const coreInstancesOperations: Readonly<Record<string, OperationHandler>> = {
  ListWorkspaceInstances: listWorkspaceInstances,
  GetWorkspaceInstance: getWorkspaceInstance,
  ListTagsForResource: listTagsForResource,
};
