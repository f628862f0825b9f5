/**
 * The rest of the account's management events (EC2, S3, IAM, STS): an audit of EUC activity has
 * to find its events among these. IAM is a global service whose events CloudTrail records in
 * us-east-1 (CloudTrail user guide, "global service events").
 */
import type { EventTemplate, Picker } from './trail-templates.js';

const instanceId = (pick: Picker) => pick.newId('i-', 17);
const bucket = (pick: Picker) => `euc-profiles-${pick.account}-${pick.region}`;

export const NOISE_READS: readonly EventTemplate[] = [
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeInstances',
    readOnly: true,
    weight: 4,
    actors: ['monitoring', 'ci', 'admin'],
    target: () => ({ resources: [], request: { instancesSet: {}, filterSet: {} } }),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeSubnets',
    readOnly: true,
    weight: 2,
    actors: ['monitoring', 'ci'],
    target: () => ({ resources: [], request: { subnetSet: {}, filterSet: {} } }),
  },
  {
    source: 's3.amazonaws.com',
    name: 'ListBuckets',
    readOnly: true,
    weight: 2,
    actors: ['admin', 'ci'],
    target: () => ({ resources: [], request: { Host: 's3.amazonaws.com' } }),
  },
  {
    source: 'sts.amazonaws.com',
    name: 'GetCallerIdentity',
    readOnly: true,
    weight: 2,
    actors: ['ci', 'monitoring', 'optimizer'],
    target: () => ({ resources: [], request: null }),
  },
  {
    source: 'sts.amazonaws.com',
    name: 'AssumeRole',
    readOnly: true,
    weight: 3,
    actors: ['ci', 'optimizer', 'monitoring'],
    target: (pick) => {
      const roleArn = `arn:aws:iam::${pick.account}:role/EUCMonitoringReadOnly`;
      return {
        resources: [{ type: 'AWS::IAM::Role', name: roleArn }],
        request: { roleArn, roleSessionName: 'euc-inventory-poller', durationSeconds: 3600 },
      };
    },
  },
  {
    source: 'iam.amazonaws.com',
    name: 'GetRole',
    readOnly: true,
    weight: 1,
    actors: ['ci', 'secops'],
    regions: ['us-east-1'],
    target: () => ({ resources: [], request: { roleName: 'workspaces_DefaultRole' } }),
  },
];

export const NOISE_WRITES: readonly EventTemplate[] = [
  {
    source: 'ec2.amazonaws.com',
    name: 'RunInstances',
    readOnly: false,
    weight: 2,
    actors: ['ci'],
    target: (pick) => {
      const id = instanceId(pick);
      return {
        resources: [{ type: 'AWS::EC2::Instance', name: id }],
        request: { instanceType: 'm6i.large', minCount: 1, maxCount: 1 },
        response: { instancesSet: { items: [{ instanceId: id }] } },
      };
    },
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'TerminateInstances',
    readOnly: false,
    weight: 1,
    actors: ['ci'],
    denied: ['contractor'],
    target: (pick) => {
      const id = instanceId(pick);
      return {
        resources: [{ type: 'AWS::EC2::Instance', name: id }],
        request: { instancesSet: { items: [{ instanceId: id }] } },
        arn: `arn:aws:ec2:${pick.region}:${pick.account}:instance/${id}`,
      };
    },
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'StopInstances',
    readOnly: false,
    weight: 1,
    actors: ['admin', 'ci'],
    target: (pick) => {
      const id = instanceId(pick);
      return {
        resources: [{ type: 'AWS::EC2::Instance', name: id }],
        request: { instancesSet: { items: [{ instanceId: id }] } },
      };
    },
  },
  {
    source: 's3.amazonaws.com',
    name: 'PutBucketPolicy',
    readOnly: false,
    weight: 1,
    actors: ['ci'],
    target: (pick) => ({
      resources: [{ type: 'AWS::S3::Bucket', name: bucket(pick) }],
      request: { bucketName: bucket(pick), policy: '' },
    }),
  },
  {
    source: 's3.amazonaws.com',
    name: 'CreateBucket',
    readOnly: false,
    weight: 0.5,
    actors: ['ci'],
    target: (pick) => ({
      resources: [{ type: 'AWS::S3::Bucket', name: bucket(pick) }],
      request: { bucketName: bucket(pick) },
    }),
  },
  {
    source: 'iam.amazonaws.com',
    name: 'AttachRolePolicy',
    readOnly: false,
    weight: 0.5,
    actors: ['ci'],
    regions: ['us-east-1'],
    target: (pick) => ({
      resources: [],
      request: {
        roleName: 'EUCMonitoringReadOnly',
        policyArn: `arn:aws:iam::${pick.account}:policy/workspaces-euc-mcp-tier0`,
      },
    }),
  },
];
