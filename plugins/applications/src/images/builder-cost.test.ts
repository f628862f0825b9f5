import type { AppBlockBuilder } from '@aws-sdk/client-appstream';
import { describe, expect, it } from 'vitest';
import type { PriceAnswer } from '../price-contract.js';
import { builderCost, hourlyRate, runningBuilderRows } from './builder-cost.js';

const NOW = new Date('2026-11-16T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
/** An app block builder with the fields DescribeAppBlockBuilders always returns. */
const packager: AppBlockBuilder = {
  Arn: 'arn:aws:appstream:us-east-1:111122223333:app-block-builder/packager',
  Name: 'packager',
  Platform: 'WINDOWS_SERVER_2019',
  InstanceType: 'stream.standard.large',
  VpcConfig: {},
  State: 'RUNNING',
  CreatedTime: hoursAgo(100),
};

describe('running builder cost', () => {
  it('lists only RUNNING builders, longest-lived first, with whole hours since created', () => {
    const rows = runningBuilderRows(
      [
        { Name: 'new', State: 'RUNNING', InstanceType: 'stream.standard.large', CreatedTime: hoursAgo(3.5) },
        { Name: 'off', State: 'STOPPED', CreatedTime: hoursAgo(900) },
        { Name: 'snap', State: 'SNAPSHOTTING', CreatedTime: hoursAgo(900) },
      ],
      [packager],
      NOW,
    );
    expect(rows.map((r) => [r.name, r.kind, r.hoursAtMost])).toEqual([
      ['packager', 'AppBlockBuilder', 100],
      ['new', 'ImageBuilder', 3],
    ]);
  });

  it('takes the hourly rate of the instance type and function, and prices 730 h a month', () => {
    const answer: PriceAnswer = {
      rates: [
        {
          unit: 'Hrs',
          usd: 0.3,
          attributes: { instanceType: 'stream.standard.medium', instanceFunction: 'ImageBuilder' },
        },
        {
          unit: 'Hrs',
          usd: 0.5,
          attributes: { instanceType: 'stream.standard.large', instanceFunction: 'Fleet' },
        },
        {
          unit: 'Hrs',
          usd: 0.6,
          attributes: { instanceType: 'stream.standard.large', instanceFunction: 'ImageBuilder' },
        },
        { unit: 'Month', usd: 4.19, attributes: {} },
      ],
    };
    expect(hourlyRate(answer, 'stream.standard.large', 'ImageBuilder')).toBe(0.6);
    expect(hourlyRate(answer, 'stream.standard.large', 'AppBlockBuilder')).toBeUndefined();
    // $0.60/h × 730 h = $438/month; 100 h so far = $60.
    expect(builderCost(0.6, 100)).toEqual({ hourlyUsd: 0.6, monthlyUsd: 438, soFarAtMostUsd: 60 });
    expect(builderCost(0.6, undefined)).toEqual({ hourlyUsd: 0.6, monthlyUsd: 438 });
  });
});
