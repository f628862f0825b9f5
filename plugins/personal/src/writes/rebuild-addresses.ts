import type { Scope } from '@workspaces-euc-mcp/host';
import { summarizeError, type ToolContext } from '@workspaces-euc-mcp/host';
import { describeSubnetsByIds } from '../aws/ec2.js';
import { FREE_IPS_CRITICAL, type SubnetFacts } from '../directories/subnets.js';

/** A rebuild target and the subnet its network interface lives in. */
export interface RebuildPlacement {
  readonly workspaceId: string;
  readonly subnetId: string;
}

/**
 * What the free addresses mean for a set of rebuilds. A rebuild re-creates the primary network
 * interface and the desktop gets a new private IP (admin guide, "Rebuild a WorkSpace"), so a subnet
 * with fewer free addresses than rebuilds in it fails some of them.
 */
export function rebuildAddressWarnings(
  placements: readonly RebuildPlacement[],
  subnets: ReadonlyMap<string, SubnetFacts>,
): string[] {
  const bySubnet = new Map<string, number>();
  for (const p of placements) bySubnet.set(p.subnetId, (bySubnet.get(p.subnetId) ?? 0) + 1);
  const warnings: string[] = [];
  for (const [subnetId, rebuilds] of bySubnet) {
    const subnet = subnets.get(subnetId);
    if (!subnet) {
      warnings.push(
        `Subnet ${subnetId} was not found in EC2: rebuilds there need a new IP in a subnet that no longer exists and will fail.`,
      );
      continue;
    }
    if (subnet.free < rebuilds)
      warnings.push(
        `Subnet ${subnetId} has ${subnet.free} free IP address(es) for ${rebuilds} rebuild(s): each rebuilt desktop gets a new private IP, so ${rebuilds - subnet.free} would fail. Free addresses first.`,
      );
    else if (subnet.free < FREE_IPS_CRITICAL)
      warnings.push(
        `Subnet ${subnetId} has only ${subnet.free} free IP address(es); each of the ${rebuilds} rebuild(s) there needs one.`,
      );
  }
  return warnings;
}

/** Reads the targets' subnets (one ec2:DescribeSubnets call) and judges them; best effort. */
export async function addressWarnings(
  ctx: ToolContext,
  scope: Scope,
  placements: readonly RebuildPlacement[],
): Promise<{ freeBySubnet: Map<string, number>; warnings: string[] }> {
  if (placements.length === 0) return { freeBySubnet: new Map(), warnings: [] };
  try {
    const subnets = await describeSubnetsByIds(
      ctx,
      scope,
      placements.map((p) => p.subnetId),
    );
    return {
      freeBySubnet: new Map([...subnets.values()].map((s) => [s.subnetId, s.free])),
      warnings: rebuildAddressWarnings(placements, subnets),
    };
  } catch (error) {
    return {
      freeBySubnet: new Map(),
      warnings: [
        `Could not read the free IPs of the targets' subnets (${summarizeError(error).message}); a rebuild needs one new IP per desktop.`,
      ],
    };
  }
}
