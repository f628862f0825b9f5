import type { Fleet, FleetErrorCode, Image } from '@aws-sdk/client-appstream';
import type { MetricSeries } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { fleet } from '../__tests__/fixtures.js';
import {
  entitlementFindings,
  fleetFindings,
  imageFindings,
  refusalsOf,
  usageReportFindings,
} from './judgement.js';

const NOW = new Date('2026-11-16T12:00:00Z');
const DAY_MS = 86_400_000;

describe('fleet findings', () => {
  it('a fleet error is critical while the fleet runs, a warning when it is stopped, info for FLEET_STOPPED', () => {
    const failing = (name: string, State: Fleet['State'], ErrorCode: FleetErrorCode): Fleet =>
      fleet(name, { State, FleetType: 'ON_DEMAND', FleetErrors: [{ ErrorCode, ErrorMessage: 'm' }] });
    const found = fleetFindings([
      failing('a', 'RUNNING', 'IMAGE_NOT_FOUND'),
      failing('b', 'STOPPED', 'DOMAIN_JOIN_ERROR_ACCESS_DENIED'),
      failing('c', 'STOPPED', 'FLEET_STOPPED'),
    ]);
    expect(found.map((f) => [f.resourceId, f.severity])).toEqual([
      ['a', 'critical'],
      ['b', 'warning'],
      ['c', 'info'],
    ]);
  });

  it('default internet access is flagged with the subnets it uses', () => {
    const found = fleetFindings([
      fleet('net', {
        State: 'STOPPED',
        EnableDefaultInternetAccess: true,
        VpcConfig: { SubnetIds: ['subnet-1'] },
      }),
    ]);
    expect(found).toEqual([
      {
        checkId: 'applications.default-internet-access',
        resourceId: 'net',
        resourceType: 'Fleet',
        detail: 'ALWAYS_ON fleet in subnets subnet-1',
      },
    ]);
  });
});

describe('refused sessions', () => {
  it('sums the week and the last 24 hours from hourly sums', () => {
    const hours = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
    const series: MetricSeries = {
      id: 'f0',
      timestamps: [hours(100), hours(30), hours(5), hours(2)],
      values: [10, 0, 3, 4],
      status: 'Complete',
      messages: [],
    };
    expect(refusalsOf(series, NOW)).toEqual({ total: 17, lastDay: 7, hours: 3 });
    expect(refusalsOf(undefined, NOW)).toEqual({ total: 0, lastDay: 0, hours: 0 });
  });
});

describe('entitlements', () => {
  it('an entitlement to a user not in the pool is a warning, to a disabled user info; others pass', () => {
    const found = entitlementFindings(
      [
        { UserName: 'ok@x', AuthenticationType: 'USERPOOL', Enabled: true },
        { UserName: 'off@x', AuthenticationType: 'USERPOOL', Enabled: false },
      ],
      [
        { StackName: 's', UserName: 'ok@x', AuthenticationType: 'USERPOOL' },
        { StackName: 's', UserName: 'off@x', AuthenticationType: 'USERPOOL' },
        { StackName: 's', UserName: 'gone@x', AuthenticationType: 'USERPOOL' },
      ],
    );
    expect(found.map((f) => [f.resourceId, f.severity ?? 'default'])).toEqual([
      ['s/off@x', 'info'],
      ['s/gone@x', 'default'],
    ]);
    expect(found[1]?.detail).toContain('USER_NAME_NOT_FOUND');
  });
});

describe('image findings', () => {
  const image = (Name: string, ageDays: number, latest: 'TRUE' | 'FALSE'): Image => ({
    Name,
    Arn: `arn:aws:appstream:us-east-1:111122223333:image/${Name}`,
    State: 'AVAILABLE',
    CreatedTime: new Date(NOW.getTime() - ageDays * DAY_MS),
    AppstreamAgentVersion: latest === 'TRUE' ? 'LATEST' : '06-19-2023',
    LatestAppstreamAgentVersion: latest,
  });

  it('an image over a year old or on an old agent is a warning when a fleet streams it, info otherwise', () => {
    const found = imageFindings(
      [image('used-old', 400, 'TRUE'), image('unused-agent', 10, 'FALSE'), image('fresh', 10, 'TRUE')],
      [fleet('f', { ImageName: 'used-old' })],
      NOW,
    );
    expect(found.map((f) => [f.checkId, f.resourceId, f.severity ?? 'default', f.detail])).toEqual([
      ['applications.image-old', 'used-old', 'default', 'Created 400 days ago. Streamed by a fleet.'],
      [
        'applications.image-old-agent',
        'unused-agent',
        'info',
        'Agent 06-19-2023 is not the latest. No fleet streams it.',
      ],
    ]);
  });

  it('a fleet naming the image by ARN counts as using it; a FAILED image is not judged', () => {
    const failed: Image = { ...image('broken', 500, 'FALSE'), State: 'FAILED' };
    const found = imageFindings(
      [image('by-arn', 400, 'TRUE'), failed],
      [fleet('f', { ImageArn: 'arn:aws:appstream:us-east-1:111122223333:image/by-arn' })],
      NOW,
    );
    expect(found.map((f) => [f.resourceId, f.severity ?? 'default'])).toEqual([['by-arn', 'default']]);
  });
});

describe('usage reports', () => {
  it('no subscription is one info finding for the region; subscription errors are findings on the bucket', () => {
    expect(usageReportFindings([], 'eu-west-1')).toEqual([
      {
        checkId: 'applications.usage-reports-off',
        resourceId: 'eu-west-1',
        resourceType: 'Region',
        detail: 'No usage-report subscription in eu-west-1.',
      },
    ]);
    const found = usageReportFindings(
      [
        {
          S3BucketName: 'appstream-logs-x',
          Schedule: 'DAILY',
          LastGeneratedReportDate: new Date('2026-11-04T02:00:00Z'),
          SubscriptionErrors: [{ ErrorCode: 'RESOURCE_NOT_FOUND', ErrorMessage: 'Bucket deleted.' }],
        },
      ],
      'eu-west-1',
    );
    expect(found).toEqual([
      expect.objectContaining({
        checkId: 'applications.usage-report-errors',
        resourceId: 'appstream-logs-x',
        detail: 'RESOURCE_NOT_FOUND: Bucket deleted. Last report: 2026-11-04.',
      }),
    ]);
  });
});
