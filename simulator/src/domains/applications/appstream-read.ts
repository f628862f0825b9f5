/**
 * The read operations of the `appstream` API over fleets, stacks, sessions and users, with the
 * limits of the API reference: DescribeSessions needs StackName and FleetName, Limit up to 50
 * (default 20), and a UserId only with its AuthenticationType; when AuthenticationType is
 * omitted it means API ("the default is to authenticate users using a streaming URL"), so SAML
 * and user-pool sessions are only listed when asked for by type. DescribeUserStackAssociations
 * needs a stack name or a user name with its authentication type, MaxResults 0-500.
 * DescribeFleets and DescribeStacks take no page size; the simulator pages them by 25
 * (an assumption: AWS documents no figure).
 */
import type { AuthenticationType } from '@aws-sdk/client-appstream';
import { notFound, SimulatedAwsError } from '../../errors.js';
import type { OperationHandler } from '../../handlers.js';
import { listOf, pageOf, requiredString } from '../../paging.js';
import { BAD_TOKEN, byNames, here, INVALID_COMBINATION, pageSize } from './lookup.js';

const UNDOCUMENTED_PAGE = 25;
const AUTH_TYPES: readonly AuthenticationType[] = ['API', 'SAML', 'USERPOOL', 'AWS_AD'];

function authType(input: Record<string, unknown>): AuthenticationType | undefined {
  const value = input.AuthenticationType;
  if (value === undefined || value === null) return undefined;
  const found = AUTH_TYPES.find((t) => t === value);
  if (!found)
    throw new SimulatedAwsError(
      'ValidationException',
      `1 validation error detected: Value '${String(value)}' at 'authenticationType' failed to satisfy constraint: Member must satisfy enum value set: [API, SAML, USERPOOL, AWS_AD]`,
    );
  return found;
}

const describeFleets: OperationHandler = (request, estate) => {
  const names = listOf<string>(request.input, 'Names', 1000);
  const fleets = byNames(here(estate.applications.fleets, request), (f) => f.fleet.Name, names, 'fleet');
  const page = pageOf('DescribeFleets', fleets, request.input.NextToken, UNDOCUMENTED_PAGE, BAD_TOKEN);
  return { Fleets: page.items.map((f) => structuredClone(f.fleet)), NextToken: page.nextToken };
};

const describeStacks: OperationHandler = (request, estate) => {
  const names = listOf<string>(request.input, 'Names', 1000);
  const stacks = byNames(here(estate.applications.stacks, request), (s) => s.stack.Name, names, 'stack');
  const page = pageOf('DescribeStacks', stacks, request.input.NextToken, UNDOCUMENTED_PAGE, BAD_TOKEN);
  return { Stacks: page.items.map((s) => structuredClone(s.stack)), NextToken: page.nextToken };
};

const listAssociatedFleets: OperationHandler = (request, estate) => {
  const stackName = requiredString(request.input, 'StackName');
  const names = here(estate.applications.stackFleets, request)
    .filter((a) => a.stackName === stackName)
    .map((a) => a.fleetName);
  const page = pageOf('ListAssociatedFleets', names, request.input.NextToken, UNDOCUMENTED_PAGE, BAD_TOKEN);
  return { Names: page.items, NextToken: page.nextToken };
};

const listAssociatedStacks: OperationHandler = (request, estate) => {
  const fleetName = requiredString(request.input, 'FleetName');
  const names = here(estate.applications.stackFleets, request)
    .filter((a) => a.fleetName === fleetName)
    .map((a) => a.stackName);
  const page = pageOf('ListAssociatedStacks', names, request.input.NextToken, UNDOCUMENTED_PAGE, BAD_TOKEN);
  return { Names: page.items, NextToken: page.nextToken };
};

const describeSessions: OperationHandler = (request, estate) => {
  const input = request.input;
  const stackName = requiredString(input, 'StackName');
  const fleetName = requiredString(input, 'FleetName');
  const limit = pageSize(input, 'Limit', 1, 50, 20);
  const auth = authType(input);
  const userId = typeof input.UserId === 'string' ? input.UserId : undefined;
  if (userId && !auth)
    throw new SimulatedAwsError(
      INVALID_COMBINATION,
      'If you specify a user ID, you must also specify the authentication type.',
    );
  const wantedAuth = auth ?? 'API';
  const sessions = here(estate.applications.sessions, request)
    .map((s) => s.session)
    .filter(
      (s) =>
        s.StackName === stackName &&
        s.FleetName === fleetName &&
        s.AuthenticationType === wantedAuth &&
        (!userId || s.UserId === userId) &&
        (typeof input.InstanceId !== 'string' || s.InstanceId === input.InstanceId),
    );
  const page = pageOf('DescribeSessions', sessions, input.NextToken, limit, BAD_TOKEN);
  return { Sessions: page.items.map((s) => structuredClone(s)), NextToken: page.nextToken };
};

const describeUserStackAssociations: OperationHandler = (request, estate) => {
  const input = request.input;
  const stackName = typeof input.StackName === 'string' ? input.StackName : undefined;
  const userName = typeof input.UserName === 'string' ? input.UserName : undefined;
  const auth = authType(input);
  if (!stackName && !userName)
    throw new SimulatedAwsError(
      INVALID_COMBINATION,
      'You must specify the stack name, or the user name and authentication type, or both.',
    );
  if (userName && !auth)
    throw new SimulatedAwsError(
      INVALID_COMBINATION,
      'A user name must be specified with its authentication type.',
    );
  const limit = pageSize(input, 'MaxResults', 0, 500, UNDOCUMENTED_PAGE);
  const rows = here(estate.applications.userStackAssociations, request)
    .map((a) => a.association)
    .filter(
      (a) =>
        (!stackName || a.StackName === stackName) &&
        (!userName || a.UserName === userName) &&
        (!auth || a.AuthenticationType === auth),
    );
  const page = pageOf('DescribeUserStackAssociations', rows, input.NextToken, limit, BAD_TOKEN);
  return { UserStackAssociations: page.items.map((a) => ({ ...a })), NextToken: page.nextToken };
};

const describeUsers: OperationHandler = (request, estate) => {
  const auth = authType(request.input);
  if (!auth) requiredString(request.input, 'AuthenticationType');
  // "You must specify USERPOOL": federated users are not stored by AppStream.
  if (auth !== 'USERPOOL')
    throw new SimulatedAwsError('OperationNotPermittedException', 'Only USERPOOL users can be described.');
  const limit = pageSize(request.input, 'MaxResults', 0, 500, UNDOCUMENTED_PAGE);
  const users = here(estate.applications.users, request).map((u) => u.user);
  const page = pageOf('DescribeUsers', users, request.input.NextToken, limit, BAD_TOKEN);
  return { Users: page.items.map((u) => structuredClone(u)), NextToken: page.nextToken };
};

const describeUsageReportSubscriptions: OperationHandler = (request, estate) => {
  const limit = pageSize(request.input, 'MaxResults', 0, 500, UNDOCUMENTED_PAGE);
  const subscriptions = here(estate.applications.usageReports, request).map((r) => r.subscription);
  const page = pageOf(
    'DescribeUsageReportSubscriptions',
    subscriptions,
    request.input.NextToken,
    limit,
    BAD_TOKEN,
  );
  return { UsageReportSubscriptions: page.items.map((s) => structuredClone(s)), NextToken: page.nextToken };
};

const listTagsForResource: OperationHandler = (request, estate) => {
  const arn = requiredString(request.input, 'ResourceArn');
  const apps = estate.applications;
  const tagged = [
    ...here(apps.fleets, request).map((f) => [f.fleet.Arn, f.tags] as const),
    ...here(apps.stacks, request).map((s) => [s.stack.Arn, s.tags] as const),
    ...here(apps.images, request).map((i) => [i.image.Arn, i.tags] as const),
    ...here(apps.imageBuilders, request).map((b) => [b.builder.Arn, b.tags] as const),
    ...here(apps.appBlockBuilders, request).map((b) => [b.builder.Arn, b.tags] as const),
  ];
  const hit = tagged.find(([candidate]) => candidate === arn);
  if (!hit) throw notFound(`The resource ${arn}`);
  return { Tags: { ...hit[1] } };
};

/** The fleet, stack, session, user and tag reads of the `appstream` service. */
export const appstreamReadOperations = {
  DescribeFleets: describeFleets,
  DescribeStacks: describeStacks,
  ListAssociatedFleets: listAssociatedFleets,
  ListAssociatedStacks: listAssociatedStacks,
  DescribeSessions: describeSessions,
  DescribeUserStackAssociations: describeUserStackAssociations,
  DescribeUsers: describeUsers,
  DescribeUsageReportSubscriptions: describeUsageReportSubscriptions,
  ListTagsForResource: listTagsForResource,
} satisfies Record<string, OperationHandler>;
