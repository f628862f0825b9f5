import { describe, expect, it } from 'vitest';
import { rebuildAddressWarnings } from '../writes/rebuild-addresses.js';
import {
  capacityFindings,
  capacityLevel,
  directoryCapacity,
  percentFree,
  type SubnetFacts,
  usableAddresses,
} from './subnets.js';

const subnet = (subnetId: string, free: number, cidrBlock = '10.0.0.0/24'): SubnetFacts => ({
  subnetId,
  availabilityZone: 'us-east-1a',
  cidrBlock,
  free,
  usable: usableAddresses(cidrBlock),
});
const described = (...subnets: SubnetFacts[]) => new Map(subnets.map((s) => [s.subnetId, s]));

describe('directory subnet capacity', () => {
  it('counts usable addresses as the CIDR size minus the 5 AWS reserves', () => {
    expect(usableAddresses('10.0.0.0/24')).toBe(251);
    expect(usableAddresses('10.0.0.0/22')).toBe(1019);
    expect(usableAddresses('10.0.0.0/28')).toBe(11);
    expect(usableAddresses('2001:db8::/64')).toBeNull();
    expect(usableAddresses(undefined)).toBeNull();
  });

  it('sums free addresses over the directory subnets and lists the ones EC2 does not know', () => {
    const capacity = directoryCapacity(
      ['subnet-a', 'subnet-b', 'subnet-gone'],
      described(subnet('subnet-a', 40), subnet('subnet-b', 10)),
    );
    expect(capacity).toMatchObject({ free: 50, usable: 502, missing: ['subnet-gone'] });
    expect(percentFree(capacity)).toBe(10);
  });

  it('is critical under 25 free (one CreateWorkspaces batch), low under 10% of usable, ok otherwise', () => {
    const level = (a: number, b: number, cidr = '10.0.0.0/24') =>
      capacityLevel(directoryCapacity(['a', 'b'], described(subnet('a', a, cidr), subnet('b', b, cidr))));
    expect(level(12, 12)).toBe('critical');
    expect(level(25, 0)).toBe('low');
    expect(level(40, 20)).toBe('ok');
    // Two /22 subnets (2,038 usable): 150 free is under 10%.
    expect(level(100, 50, '10.0.0.0/22')).toBe('low');
    expect(level(150, 60, '10.0.0.0/22')).toBe('ok');
  });

  it('explains why: launches and rebuilds each take an IP; a full subnet and a deleted one are named', () => {
    const critical = capacityFindings(
      'd-1',
      directoryCapacity(['a', 'b'], described(subnet('a', 3), subnet('b', 2))),
    );
    expect(critical.map((f) => `${f.id}/${f.severity}`)).toEqual(['directory.ips-exhausted/critical']);
    expect(critical[0]?.detail).toContain('every rebuild takes one private IP');
    const lopsided = capacityFindings(
      'd-1',
      directoryCapacity(['a', 'b', 'c'], described(subnet('a', 200), subnet('b', 0))),
    );
    expect(lopsided.map((f) => f.id)).toEqual(['directory.subnet-missing', 'directory.subnet-full']);
    expect(capacityFindings('d-1', directoryCapacity(['a'], described(subnet('a', 200))))).toEqual([]);
  });
});

describe('rebuild address warnings', () => {
  it('says how many rebuilds in a subnet would fail, and flags a subnet EC2 does not know', () => {
    const placements = [
      { workspaceId: 'ws-1', subnetId: 'a' },
      { workspaceId: 'ws-2', subnetId: 'a' },
      { workspaceId: 'ws-3', subnetId: 'a' },
      { workspaceId: 'ws-4', subnetId: 'b' },
      { workspaceId: 'ws-5', subnetId: 'gone' },
    ];
    expect(rebuildAddressWarnings(placements, described(subnet('a', 1), subnet('b', 10)))).toEqual([
      'Subnet a has 1 free IP address(es) for 3 rebuild(s): each rebuilt desktop gets a new private IP, so 2 would fail. Free addresses first.',
      'Subnet b has only 10 free IP address(es); each of the 1 rebuild(s) there needs one.',
      'Subnet gone was not found in EC2: rebuilds there need a new IP in a subnet that no longer exists and will fail.',
    ]);
  });
});
