import type { Fleet } from '@aws-sdk/client-appstream';
import { type Estate, generateEstate } from '@workspaces-euc-mcp/testing';

/**
 * One region, one account, 9 fleets: every fleet scenario of the simulated estate (exhausted,
 * below desired, idle, elastic, multi-session, stopped, on demand, role missing, starting).
 */
export function fleetEstate(): Estate {
  return generateEstate({ seed: 7, desktops: 10, regions: ['us-east-1'], fleets: 9, portals: 0 });
}

/** A fleet record with the fields DescribeFleets always returns, overridden by `extra`. */
export function fleet(name: string, extra: Partial<Fleet> = {}): Fleet {
  return {
    Arn: `arn:aws:appstream:us-east-1:111122223333:fleet/${name}`,
    Name: name,
    InstanceType: 'stream.standard.medium',
    FleetType: 'ALWAYS_ON',
    State: 'RUNNING',
    ComputeCapacityStatus: { Desired: 0 },
    ...extra,
  };
}
