import type { Fleet } from '@aws-sdk/client-appstream';

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
