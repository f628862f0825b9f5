/**
 * The `workspaces-instances` API (WorkSpaces Core Managed Instances): ListWorkspaceInstances with
 * MaxResults 1-25 and a ProvisionStates filter, GetWorkspaceInstance, ListTagsForResource and
 * DeleteWorkspaceInstance by WorkspaceInstanceId (pattern wsinst-[0-9a-zA-Z]{8,63}),
 * ListInstanceTypes (MaxResults 1-600, optional InstanceConfigurationFilter whose three members are
 * all required) and ListRegions (MaxResults 1-25). Unknown instances are ResourceNotFoundException
 * with HTTP 404, as the service model declares; a delete the instance's state does not allow is
 * ConflictException.
 */
import type { ProvisionStateEnum } from '@aws-sdk/client-workspaces-instances';
import { SimulatedAwsError, validationError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { OperationHandler, SimRequest } from '../../handlers.js';
import { at } from '../../model.js';
import { intInRange, listOf, pageOf, requiredString } from '../../paging.js';
import { instanceTypesIn, SUPPORTED_REGIONS } from './catalogue.js';
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

const FILTER_MEMBERS = ['BillingMode', 'PlatformType', 'Tenancy'] as const;

const listInstanceTypes: OperationHandler = (request) => {
  const input = request.input;
  const limit = intInRange(input, 'MaxResults', 1, 600, 600);
  const filter = input.InstanceConfigurationFilter as Record<string, unknown> | undefined;
  for (const member of FILTER_MEMBERS)
    if (filter && typeof filter[member] !== 'string')
      throw validationError(
        `instanceConfigurationFilter.${member.charAt(0).toLowerCase()}${member.slice(1)}`,
        'Member must not be null',
      );
  const types = instanceTypesIn(request.region).filter(
    (t) =>
      !filter ||
      t.SupportedInstanceConfigurations.some((c) => FILTER_MEMBERS.every((m) => c[m] === filter[m])),
  );
  const page = pageOf('ListInstanceTypes', types, input.NextToken, limit, VALIDATION);
  return { InstanceTypes: structuredClone(page.items), NextToken: page.nextToken };
};

const listRegions: OperationHandler = (request) => {
  const limit = intInRange(request.input, 'MaxResults', 1, 25, 25);
  const page = pageOf('ListRegions', SUPPORTED_REGIONS, request.input.NextToken, limit, VALIDATION);
  return { Regions: page.items.map((RegionName) => ({ RegionName })), NextToken: page.nextToken };
};

/**
 * Starts releasing the instance: WorkSpaces terminates its EC2 instance, so the record moves to
 * DEALLOCATING (the simulated estate does not advance time, so it stays there). A launch or a
 * release in progress, or an instance already released, is a conflict. A failed launch or release
 * may be deleted again.
 */
const deleteWorkspaceInstance: OperationHandler = (request, estate) => {
  const instance = requireInstance(estate, request);
  switch (instance.provisionState) {
    case 'ALLOCATED':
    case 'ERROR_ALLOCATING':
    case 'ERROR_DEALLOCATING':
      instance.provisionState = 'DEALLOCATING';
      instance.ec2InstanceErrors = [];
      instance.workspaceInstanceErrors = [];
      return {};
    case 'ALLOCATING':
    case 'DEALLOCATING':
    case 'DEALLOCATED':
      throw new SimulatedAwsError(
        'ConflictException',
        `WorkSpace Instance ${instance.workspaceInstanceId} is ${instance.provisionState} and cannot be deleted now.`,
      );
  }
};

/** The Core Managed Instances operations. */
export const coreInstancesOperations: Readonly<Record<string, OperationHandler>> = {
  ListWorkspaceInstances: listWorkspaceInstances,
  GetWorkspaceInstance: getWorkspaceInstance,
  ListTagsForResource: listTagsForResource,
  ListInstanceTypes: listInstanceTypes,
  ListRegions: listRegions,
  DeleteWorkspaceInstance: deleteWorkspaceInstance,
};
