/**
 * A hand-written bill served by the shared simulator's Cost Explorer: a generated estate whose
 * billing lines are replaced, so the tools' arithmetic is checked on numbers a person can add up
 * while every Cost Explorer rule (windows, paging, filters, errors) stays the simulator's.
 */
import type { CostLine } from '@workspaces-euc-mcp/simulator';
import { type Estate, generateEstate } from '@workspaces-euc-mcp/testing';

const DAY_MS = 86_400_000;

function line(day: string, service: string, usageType: string, amount: number): CostLine {
  return {
    day,
    account: '111122223333',
    region: 'us-east-1',
    service,
    usageType,
    recordType: 'Usage',
    amount,
    quantity: 1,
    unit: 'Hrs',
  };
}

/**
 * 1 Sep - 16 Nov 2026 (made-up amounts): Amazon WorkSpaces 400 AlwaysOn fees on the 1st
 * (USE1-AW-HW-2), 5/day AutoStop hours, 3/day Pools, 1/day Core Managed Instances; Amazon
 * AppStream 2/day, 12/day from 8 Nov; EC2 100/day and WorkSpaces Thin Client 1/day, which are not
 * EUC desktop spend.
 */
export function handBill(): CostLine[] {
  const lines: CostLine[] = [];
  for (let t = Date.parse('2026-09-01T00:00:00Z'); t <= Date.parse('2026-11-16T00:00:00Z'); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day.endsWith('-01')) lines.push(line(day, 'Amazon WorkSpaces', 'USE1-AW-HW-2', 400));
    lines.push(
      line(day, 'Amazon WorkSpaces', 'USE1-AW-HW-2-AutoStop-Usage', 5),
      line(day, 'Amazon WorkSpaces', 'USE1-AW-HW-Pools-Stopped-Usage', 3),
      line(day, 'Amazon WorkSpaces', 'USE1-WH-ManagedInstances-Usage', 1),
      line(day, 'Amazon AppStream', 'USE1-stream.standard.medium-fl', day >= '2026-11-08' ? 12 : 2),
      line(day, 'Amazon Elastic Compute Cloud - Compute', 'BoxUsage:m5.large', 100),
      line(day, 'Amazon WorkSpaces Thin Client', 'USE1-ThinClient-DeviceMonth', 1),
    );
  }
  return lines;
}

/** A small generated estate billed with `lines` (and `pageSize` groups per Cost Explorer page). */
export function billedEstate(lines: CostLine[], pageSize = 500): Estate {
  const estate = generateEstate({ seed: 3, desktops: 10, regions: ['us-east-1'] });
  return { ...estate, billing: { ...estate.billing, lines, pageSize } };
}

/**
 * The hand bill twice over: the payer account 111122223333 as above in us-east-1, and the linked
 * account 444455556666 with the same lines in eu-west-1. The payer's Cost Explorer sees both.
 */
export function twoAccountEstate(): Estate {
  const estate = generateEstate({
    seed: 3,
    desktops: 10,
    regions: ['us-east-1', 'eu-west-1'],
    accounts: ['111122223333', '444455556666'],
  });
  const lines = handBill();
  const linked = lines.map((l) => ({ ...l, account: '444455556666', region: 'eu-west-1' }));
  // The simulator reads lines by binary search on the day: keep them sorted.
  const all = [...lines, ...linked].sort((a, b) => a.day.localeCompare(b.day));
  return { ...estate, billing: { ...estate.billing, lines: all } };
}
