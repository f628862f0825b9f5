import type { WeightedFinding } from '../diagnosis/weighted-findings.js';

/**
 * Free private IPv4 addresses in the subnets of a WorkSpaces directory. Every new desktop takes one
 * address in a directory subnet, and so does every rebuild: a rebuild re-creates the desktop's
 * primary network interface and it comes back with a new private IP (admin guide, "Rebuild a
 * WorkSpace"). A directory whose subnets run out fails launches and rebuilds part-way, which is
 * why the EUC Toolkit shows free IPs per directory and WorkSpaces Manager alerts on exhaustion.
 */

/** One subnet as ec2:DescribeSubnets reported it. */
export interface SubnetFacts {
  readonly subnetId: string;
  readonly availabilityZone: string | null;
  readonly cidrBlock: string | null;
  /** AvailableIpAddressCount. */
  readonly free: number;
  /** Addresses the subnet can hand out at all (CIDR size minus the 5 AWS reserves); null if unknown. */
  readonly usable: number | null;
}

/** The free-IP picture of one directory. */
export interface DirectoryCapacity {
  /** The directory's subnets EC2 knows, in the directory's order. */
  readonly subnets: readonly SubnetFacts[];
  /** Subnet ids the directory names that EC2 does not know (deleted). */
  readonly missing: readonly string[];
  /** Free addresses over the found subnets. */
  readonly free: number;
  /** Usable addresses over the found subnets; null when a CIDR could not be read. */
  readonly usable: number | null;
}

/**
 * Below this many free addresses a directory is critical: one CreateWorkspaces request launches up
 * to 25 desktops (API reference), so a single onboarding batch, or a batch of rebuilds, would fail
 * part-way.
 */
export const FREE_IPS_CRITICAL = 25;
/**
 * Below this share of the usable addresses (and at or above the critical count) a directory is
 * running low: ordinary growth and rebuild waves exhaust the last tenth quickly, and a directory's
 * subnets cannot simply be enlarged in place.
 */
export const FREE_IPS_WARNING_FRACTION = 0.1;

/** AWS reserves the first four addresses and the last one of every subnet (VPC user guide). */
const RESERVED_PER_SUBNET = 5;

/** Addresses an IPv4 subnet can hand out; null for anything that is not an IPv4 CIDR. */
export function usableAddresses(cidrBlock: string | null | undefined): number | null {
  const match = /^\d{1,3}(?:\.\d{1,3}){3}\/(\d{1,2})$/.exec(cidrBlock?.trim() ?? '');
  const prefix = Number(match?.[1]);
  if (!match || prefix < 16 || prefix > 28) return null;
  return 2 ** (32 - prefix) - RESERVED_PER_SUBNET;
}

/** The capacity of a directory with these subnets, from what EC2 returned (by subnet id). */
export function directoryCapacity(
  subnetIds: readonly string[],
  described: ReadonlyMap<string, SubnetFacts>,
): DirectoryCapacity {
  const subnets = subnetIds.flatMap((id) => described.get(id) ?? []);
  const missing = subnetIds.filter((id) => !described.has(id));
  const usable = subnets.reduce<number | null>(
    (total, s) => (total === null || s.usable === null ? null : total + s.usable),
    0,
  );
  return { subnets, missing, free: subnets.reduce((total, s) => total + s.free, 0), usable };
}

/** The share of usable addresses still free, in %, one decimal; null when the size is unknown. */
export function percentFree(capacity: DirectoryCapacity): number | null {
  if (capacity.usable === null || capacity.usable === 0) return null;
  return Math.round((capacity.free / capacity.usable) * 1000) / 10;
}

/** How tight the directory's addresses are. */
export type CapacityLevel = 'ok' | 'low' | 'critical';

export function capacityLevel(capacity: DirectoryCapacity): CapacityLevel {
  if (capacity.subnets.length === 0) return 'ok';
  if (capacity.free < FREE_IPS_CRITICAL) return 'critical';
  if (capacity.usable !== null && capacity.free < capacity.usable * FREE_IPS_WARNING_FRACTION) return 'low';
  return 'ok';
}

const WHY =
  'Every new desktop and every rebuild takes one private IP in a directory subnet (a rebuild re-creates the network interface with a new address).';
const FIX =
  'Free addresses (terminate unused desktops, delete unattached network interfaces in these subnets), or place new desktops in a directory registered with larger subnets.';

/**
 * Findings about a directory's free addresses. `weight` ranks them in a diagnosis: higher when the
 * desktop's own error already points at address exhaustion.
 */
export function capacityFindings(
  directoryId: string,
  capacity: DirectoryCapacity,
  weight = 75,
): WeightedFinding[] {
  const findings: WeightedFinding[] = [];
  if (capacity.missing.length > 0)
    findings.push({
      id: 'directory.subnet-missing',
      severity: 'critical',
      title: `Directory ${directoryId} uses subnet(s) that no longer exist`,
      detail: `EC2 does not know ${capacity.missing.join(', ')}: launches and rebuilds that land there fail.`,
      nextStep: 'Register the users’ new desktops in a directory whose subnets exist, then migrate them.',
      weight: weight + 5,
    });
  const level = capacityLevel(capacity);
  const pct = percentFree(capacity);
  const share = pct === null ? '' : ` (${pct}% of ${capacity.usable ?? '?'} usable)`;
  if (level === 'critical')
    findings.push({
      id: 'directory.ips-exhausted',
      severity: 'critical',
      title:
        capacity.free === 0
          ? `Directory ${directoryId} has no free IP address left${share}`
          : `Directory ${directoryId} has only ${capacity.free} free IP address(es)${share}`,
      detail: `${WHY} Below ${FREE_IPS_CRITICAL} free — one CreateWorkspaces batch — launches and rebuilds fail part-way with insufficient-IP errors.`,
      nextStep: FIX,
      weight,
    });
  else if (level === 'low')
    findings.push({
      id: 'directory.ips-low',
      severity: 'warning',
      title: `Directory ${directoryId} is running out of IP addresses: ${capacity.free} free${share}`,
      detail: `${WHY} Under ${Math.round(FREE_IPS_WARNING_FRACTION * 100)}% of the subnets' addresses are left; plan before the next rollout or rebuild wave.`,
      nextStep: FIX,
      weight: weight - 20,
    });
  if (level !== 'critical')
    for (const subnet of capacity.subnets)
      if (subnet.free === 0)
        findings.push({
          id: 'directory.subnet-full',
          severity: 'warning',
          title: `Subnet ${subnet.subnetId}${subnet.availabilityZone ? ` (${subnet.availabilityZone})` : ''} has no free IP address`,
          detail: `${WHY} Desktops placed in this subnet cannot be launched or rebuilt until addresses are freed, although the directory's other subnet still has some.`,
          nextStep: FIX,
          weight: weight - 25,
        });
  return findings;
}
