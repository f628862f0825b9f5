/** Directory Service and EC2 subnet answers for the directories WorkSpaces uses. */
import { SimulatedAwsError } from '../../errors.js';
import type { OperationHandler } from '../../handlers.js';
import { at } from '../../model.js';
import { intInRange, listOf, pageOf } from '../../paging.js';

const describeDirectories: OperationHandler = (request, estate) => {
  const ids = listOf<string>(request.input, 'DirectoryIds', 100, { code: 'InvalidParameterException' });
  const limit = intInRange(request.input, 'Limit', 0, 1000, 100, 'InvalidParameterException');
  let directories = estate.personal.directories.filter((d) => d.ds && at(d, request.account, request.region));
  if (ids) {
    const missing = ids.filter((id) => !directories.some((d) => d.directory.DirectoryId === id));
    // Directory Service fails the whole call when any id is unknown.
    if (missing.length > 0)
      throw new SimulatedAwsError(
        'EntityDoesNotExistException',
        `Directory ${missing.join(', ')} does not exist.`,
      );
    directories = directories.filter((d) => ids.includes(d.directory.DirectoryId ?? ''));
  }
  const page = pageOf(
    'DescribeDirectories',
    directories,
    request.input.NextToken,
    limit || 100,
    'InvalidNextTokenException',
  );
  return { DirectoryDescriptions: page.items.map((d) => structuredClone(d.ds)), NextToken: page.nextToken };
};

const describeSubnets: OperationHandler = (request, estate) => {
  const ids = listOf<string>(request.input, 'SubnetIds', 1000, { code: 'InvalidParameterValue' });
  const limit = intInRange(request.input, 'MaxResults', 5, 1000, 1000, 'InvalidParameterValue');
  if (ids && request.input.MaxResults !== undefined)
    throw new SimulatedAwsError(
      'InvalidParameterCombination',
      'SubnetIds and MaxResults cannot be combined.',
    );
  // Directory subnets and the WorkSpaces Applications fleet subnets: both live in the account's VPCs.
  let subnets = [...estate.personal.subnets, ...estate.applications.subnets].filter((s) =>
    at(s, request.account, request.region),
  );
  // The Filters DescribeSubnets supports that an admin tool would use.
  const filters = listOf<{ Name?: string; Values?: string[] }>(request.input, 'Filters', 200, {
    code: 'InvalidParameterValue',
  });
  for (const filter of filters ?? []) {
    const values = new Set(filter.Values ?? []);
    const field: Record<string, (s: (typeof subnets)[number]) => string> = {
      'subnet-id': (s) => s.subnetId,
      'vpc-id': (s) => s.vpcId,
      'availability-zone': (s) => s.availabilityZone,
      'cidr-block': (s) => s.cidrBlock,
      'owner-id': (s) => s.account,
    };
    const read = filter.Name ? field[filter.Name] : undefined;
    if (!read)
      throw new SimulatedAwsError('InvalidParameterValue', `The filter '${filter.Name ?? ''}' is invalid`);
    subnets = subnets.filter((s) => values.has(read(s)));
  }
  if (ids) {
    const missing = ids.filter((id) => !subnets.some((s) => s.subnetId === id));
    if (missing.length > 0)
      throw new SimulatedAwsError('InvalidSubnetID.NotFound', `The subnet ID '${missing[0]}' does not exist`);
    subnets = subnets.filter((s) => ids.includes(s.subnetId));
  }
  const page = pageOf('DescribeSubnets', subnets, request.input.NextToken, limit, 'InvalidNextToken');
  return {
    Subnets: page.items.map((s) => ({
      SubnetId: s.subnetId,
      VpcId: s.vpcId,
      CidrBlock: s.cidrBlock,
      AvailabilityZone: s.availabilityZone,
      AvailableIpAddressCount: s.availableIpAddressCount,
      State: 'available',
      OwnerId: s.account,
      MapPublicIpOnLaunch: false,
      AssignIpv6AddressOnCreation: false,
    })),
    NextToken: page.nextToken,
  };
};

export const directoryServiceOperations: Readonly<Record<string, OperationHandler>> = {
  DescribeDirectories: describeDirectories,
};

export const ec2Operations: Readonly<Record<string, OperationHandler>> = {
  DescribeSubnets: describeSubnets,
};
