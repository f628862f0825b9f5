import { describe, expect, it } from 'vitest';
import { partitionRegions } from '../aws/partitions.js';
import type { AwsAccess } from '../plugin-api/types.js';
import { scopeOfArn, selectScopes } from './scope.js';

function access(targets: AwsAccess['targets']): AwsAccess {
  return {
    defaultRegion: 'us-east-1',
    targets,
    client: () => {
      throw new Error('no client in this test');
    },
  };
}

const aws = access([
  { label: 'prod', account: '111122223333', regions: ['eu-west-1'] },
  { label: 'gov', account: '444455556666', regions: ['us-gov-west-1'] },
]);

describe('selectScopes', () => {
  it('defaults to each target with its configured regions', () => {
    expect(selectScopes(aws, {})).toEqual([
      { account: '111122223333', region: 'eu-west-1' },
      { account: '444455556666', region: 'us-gov-west-1' },
    ]);
  });

  it('regions ["all"] is every region of each target\'s partition, from the SDK\'s region data', () => {
    const scopes = selectScopes(aws, { regions: ['all'] });
    const prod = scopes.filter((s) => s.account === '111122223333').map((s) => s.region);
    const gov = scopes.filter((s) => s.account === '444455556666').map((s) => s.region);
    expect(prod).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'af-south-1']));
    expect(prod).not.toContain('cn-north-1');
    expect(prod).not.toContain('aws-global');
    expect(gov).toEqual(['us-gov-east-1', 'us-gov-west-1']);
  });

  it('the SDK region data loads (an SDK release that moves it fails here, not for users)', () => {
    expect(partitionRegions('eu-west-1')?.length).toBeGreaterThan(25);
    expect(partitionRegions('cn-north-1')).toEqual(expect.arrayContaining(['cn-north-1', 'cn-northwest-1']));
  });

  it('"all" mixed with region codes is refused, naming regions', () => {
    expect(() => selectScopes(aws, { regions: ['all', 'eu-west-1'] })).toThrow(
      /^regions: "all" stands alone/,
    );
  });

  it('a malformed region is refused naming the entry', () => {
    expect(() => selectScopes(aws, { regions: ['eu-west-1', 'Europe'] })).toThrow(
      'regions[1]: "Europe" is not an AWS region code',
    );
  });

  it('accounts narrow to the named targets, by label or id', () => {
    expect(selectScopes(aws, { accounts: ['prod'], regions: ['us-east-1'] })).toEqual([
      { account: '111122223333', region: 'us-east-1' },
    ]);
    expect(() => selectScopes(aws, { accounts: ['staging'] })).toThrow(/^accounts: "staging"/);
  });
});

describe('scopeOfArn', () => {
  const poolArn = 'arn:aws:workspaces:ap-southeast-2:444455556666:workspacespool/wspool-abc123def';

  it('is the ARN region in the target with its account', () => {
    expect(scopeOfArn(aws, poolArn, 'pool')).toEqual({ region: 'ap-southeast-2', account: '444455556666' });
  });

  it('is the ARN region of the caller when a target has no account id', () => {
    const own = access([{ label: 'default', regions: ['us-east-1'] }]);
    expect(scopeOfArn(own, poolArn, 'pool')).toEqual({ region: 'ap-southeast-2' });
  });

  it('refuses an account that is not configured, and a malformed ARN, naming the field', () => {
    expect(() => scopeOfArn(aws, poolArn.replace('444455556666', '999988887777'), 'pool')).toThrow(
      /^pool: .* is in account 999988887777, which is not a configured target/,
    );
    expect(() => scopeOfArn(aws, 'arn:aws:workspaces::444455556666:x', 'fleet')).toThrow(/^fleet: /);
  });
});
