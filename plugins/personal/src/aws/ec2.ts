import type { EC2Client, Subnet } from '@aws-sdk/client-ec2';
import { chunk, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';
import { type SubnetFacts, usableAddresses } from '../directories/subnets.js';
import { ec2Sdk } from './sdk.js';

// The EC2 API reference documents no maximum for SubnetIds; 200 ids keep each request small, and a
// region's WorkSpaces directories rarely use more than that (two subnets per directory).
const SUBNET_IDS_PER_REQUEST = 200;
// DescribeSubnets without ids pages up to 1,000 subnets (MaxResults 5–1000, API reference).
const SUBNETS_PER_PAGE = 1000;

function facts(subnet: Subnet): SubnetFacts | undefined {
  if (!subnet.SubnetId) return undefined;
  return {
    subnetId: subnet.SubnetId,
    availabilityZone: subnet.AvailabilityZone ?? null,
    cidrBlock: subnet.CidrBlock ?? null,
    free: subnet.AvailableIpAddressCount ?? 0,
    usable: usableAddresses(subnet.CidrBlock),
  };
}

async function pages(client: EC2Client, input: { SubnetIds?: string[]; MaxResults?: number }) {
  const { DescribeSubnetsCommand } = await ec2Sdk();
  const subnets: Subnet[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new DescribeSubnetsCommand({ ...input, NextToken: nextToken }));
    subnets.push(...(page.Subnets ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return subnets;
}

/**
 * The subnets with these ids, in one request per 200 ids (all the directories of a region in one
 * call). EC2 fails a whole request with InvalidSubnetID.NotFound when any id is unknown (a subnet
 * deleted under a directory), so on that error the region's subnets are listed instead (1,000 a
 * page) and the unknown ids are simply absent from the map. Other failures are thrown.
 */
export async function describeSubnetsByIds(
  ctx: ToolContext,
  scope: Scope,
  subnetIds: readonly string[],
): Promise<Map<string, SubnetFacts>> {
  const wanted = [...new Set(subnetIds)];
  const found = new Map<string, SubnetFacts>();
  if (wanted.length === 0) return found;
  const { EC2Client } = await ec2Sdk();
  const client = ctx.aws.client(EC2Client, scope);
  let subnets: Subnet[];
  try {
    subnets = [];
    for (const batch of chunk(wanted, SUBNET_IDS_PER_REQUEST)) {
      ctx.signal.throwIfAborted();
      subnets.push(...(await pages(client, { SubnetIds: batch })));
    }
  } catch (error) {
    if ((error as { name?: string }).name !== 'InvalidSubnetID.NotFound') throw error;
    subnets = await pages(client, { MaxResults: SUBNETS_PER_PAGE });
  }
  const keep = new Set(wanted);
  for (const subnet of subnets) {
    const fact = facts(subnet);
    if (fact && keep.has(fact.subnetId)) found.set(fact.subnetId, fact);
  }
  return found;
}
