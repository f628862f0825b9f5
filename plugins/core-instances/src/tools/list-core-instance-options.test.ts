import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { listCoreInstanceOptions } from './list-core-instance-options.js';

type Output = ToolOutput<typeof listCoreInstanceOptions>;
const TOOL = 'list_core_instance_options';
const ACCOUNT = '111122223333';
/** us-east-1 offers every simulated type; eu-west-2 lacks the g5 and g6 families; af-south-1 has no service. */
const estate = () =>
  generateEstate({
    seed: 3,
    desktops: 0,
    managedInstances: 0,
    accounts: [ACCOUNT],
    regions: ['us-east-1', 'eu-west-2', 'af-south-1'],
  });

describe('list_core_instance_options', () => {
  it('lists the supported regions, the types of each configured region, and the region the service lacks', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    const result = await invokeOk<Output>(host, TOOL, {});
    expect(result.supportedRegions).toContain('eu-west-2');
    expect(result.supportedRegions).not.toContain('af-south-1');
    expect(result.unsupportedScopes).toEqual([`${ACCOUNT}/af-south-1`]);
    expect(result.instanceTypes).toContain('g4dn.xlarge');
    expect(result.notEverywhere).toEqual({
      'g5.2xlarge': [`${ACCOUNT}/us-east-1`],
      'g5.xlarge': [`${ACCOUNT}/us-east-1`],
      'g6.2xlarge': [`${ACCOUNT}/us-east-1`],
      'g6.xlarge': [`${ACCOUNT}/us-east-1`],
    });
    // No endpoint is asked where the service is not offered; ListRegions once for the account.
    expect(host.requests.filter((r) => r.action.endsWith('ListInstanceTypes')).map((r) => r.region)).toEqual([
      'us-east-1',
      'eu-west-2',
    ]);
    expect(host.simulator.countsByAction()['workspaces-instances:ListRegions']).toBe(1);
    expect(answerBytes(result)).toBeLessThan(20_000);
  });

  it('an exact type shows what it supports; BYOL is dedicated tenancy', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    const result = await invokeOk<Output>(host, TOOL, {
      instanceType: 'g4dn.xlarge',
      platform: 'windows byol',
    });
    expect(result.instanceTypes).toEqual(['g4dn.xlarge']);
    expect(result.configurations?.filter((c) => c.platform === 'Windows BYOL')).toEqual([
      { billingMode: 'HOURLY', platform: 'Windows BYOL', tenancy: 'DEDICATED' },
      { billingMode: 'MONTHLY', platform: 'Windows BYOL', tenancy: 'DEDICATED' },
    ]);
  });

  it('monthly billing narrows to the families that offer it, and a prefix to one family', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    const monthly = await invokeOk<Output>(host, TOOL, { billingMode: 'MONTHLY' });
    expect(monthly.instanceTypes.some((t) => t.startsWith('t3.') || t.startsWith('g6.'))).toBe(false);
    expect(monthly.instanceTypes).toContain('m5.large');
    const g4dn = await invokeOk<Output>(host, TOOL, { instanceType: 'g4dn' });
    expect(g4dn.instanceTypes).toEqual(['g4dn.2xlarge', 'g4dn.4xlarge', 'g4dn.xlarge']);
    expect(g4dn).not.toHaveProperty('configurations');
  });

  it('a second question is answered from the cache', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    await invokeOk<Output>(host, TOOL, {});
    const before = host.requests.length;
    await invokeOk<Output>(host, TOOL, { instanceType: 'm5' });
    expect(host.requests.length).toBe(before);
  });

  it('a region whose types cannot be read is reported; the others answer', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: estate(),
      simulator: {
        faults: [
          {
            service: 'workspaces-instances',
            operation: 'ListInstanceTypes',
            region: 'eu-west-2',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await invokeOk<Output>(host, TOOL, {});
    expect(result.instanceTypes).toContain('g6.xlarge');
    expect(result.notEverywhere).toEqual({});
    expect(result.errors).toEqual([
      expect.objectContaining({ region: 'eu-west-2', iamAction: 'workspaces-instances:ListInstanceTypes' }),
    ]);
  });

  it('costs the assistant at most 1 KB to know', () => {
    expect(toolSchemaBytes(listCoreInstanceOptions)).toBeLessThanOrEqual(1024);
  });
});
