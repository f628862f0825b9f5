import {
  GetResourcesCommand,
  type GetResourcesCommandInput,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';

function setup() {
  const estate = generateEstate({ seed: 21, desktops: 250 });
  const sim = createSimulator(estate);
  return { estate, sim, client: simulatedClient(ResourceGroupsTaggingAPIClient, sim) };
}

/** Every page of one GetResources scan, and how many requests it took. */
async function scan(client: ResourceGroupsTaggingAPIClient, input: GetResourcesCommandInput) {
  const arns: string[] = [];
  const tags = new Map<string, { Key?: string; Value?: string }[]>();
  let token: string | undefined;
  let lastToken: string | undefined;
  let requests = 0;
  do {
    const page = await client.send(new GetResourcesCommand({ ...input, PaginationToken: token }));
    requests += 1;
    lastToken = page.PaginationToken;
    for (const r of page.ResourceTagMappingList ?? []) {
      arns.push(r.ResourceARN ?? '');
      tags.set(r.ResourceARN ?? '', r.Tags ?? []);
    }
    token = page.PaginationToken || undefined;
  } while (token);
  return { arns, tags, requests, lastToken };
}

describe('simulated tag:GetResources', () => {
  it('lists every tagged desktop of the account/region with its tags, 100 a page', async () => {
    const { estate, sim, client } = setup();
    const here = estate.personal.desktops.filter(
      (d) => d.region === 'us-east-1' && d.account === estate.settings.accounts[0],
    );
    expect(here.length).toBeGreaterThan(100);
    const got = await scan(client, { ResourceTypeFilters: ['workspaces:workspace'], ResourcesPerPage: 100 });
    expect(got.requests).toBe(Math.ceil(here.length / 100));
    expect(got.arns).toHaveLength(here.length);
    const [first] = here;
    const arn = `arn:aws:workspaces:us-east-1:${first?.account}:workspace/${first?.workspace.WorkspaceId}`;
    expect(got.tags.get(arn)).toEqual(first?.tags);
    expect(sim.countsByAction()).toEqual({ 'tag:GetResources': got.requests });
  });

  it('leaves an untagged desktop out, and honours the service-wide type filter and other types', async () => {
    const { estate, client } = setup();
    const here = estate.personal.desktops.filter(
      (d) => d.region === 'us-east-1' && d.account === estate.settings.accounts[0],
    );
    const untagged = here[0];
    if (!untagged) throw new Error('no desktop');
    untagged.tags = [];
    const desktops = await scan(client, {
      ResourceTypeFilters: ['workspaces:workspace'],
      ResourcesPerPage: 100,
    });
    expect(desktops.arns).toHaveLength(here.length - 1);
    expect(desktops.arns.some((a) => a.endsWith(`/${untagged.workspace.WorkspaceId}`))).toBe(false);
    const service = await scan(client, { ResourceTypeFilters: ['workspaces'] });
    expect(service.arns.filter((a) => a.includes(':workspace/'))).toEqual(desktops.arns);
    const other = await scan(client, { ResourceTypeFilters: ['ec2:instance'] });
    expect(other.arns).toEqual([]);
  });

  it('filters by tag key (case-sensitive) and by value', async () => {
    const { estate, client } = setup();
    const here = estate.personal.desktops.filter(
      (d) => d.region === 'us-east-1' && d.account === estate.settings.accounts[0],
    );
    const [a, b] = here;
    if (!a || !b) throw new Error('too few desktops');
    a.tags = [{ Key: 'Skip_Convert', Value: 'true' }];
    b.tags = [{ Key: 'skip_convert', Value: 'yes' }];
    const types = ['workspaces:workspace'];
    const exact = await scan(client, { ResourceTypeFilters: types, TagFilters: [{ Key: 'Skip_Convert' }] });
    expect(exact.arns.some((arn) => arn.endsWith(`/${a.workspace.WorkspaceId}`))).toBe(true);
    expect(exact.arns.some((arn) => arn.endsWith(`/${b.workspace.WorkspaceId}`))).toBe(false);
    const byValue = await scan(client, {
      ResourceTypeFilters: types,
      TagFilters: [{ Key: 'skip_convert', Values: ['no', 'yes'] }],
    });
    expect(byValue.arns).toEqual([
      `arn:aws:workspaces:us-east-1:${b.account}:workspace/${b.workspace.WorkspaceId}`,
    ]);
  });

  it('pages 50 by default, ends with an empty token, and refuses more than 100 a page', async () => {
    const { client } = setup();
    const first = await client.send(
      new GetResourcesCommand({ ResourceTypeFilters: ['workspaces:workspace'] }),
    );
    expect(first.ResourceTagMappingList).toHaveLength(50);
    expect(first.PaginationToken).not.toBe('');
    const all = await scan(client, { ResourceTypeFilters: ['workspaces:workspace'] });
    expect(all.requests).toBe(Math.ceil(all.arns.length / 50));
    expect(all.lastToken).toBe('');
    await expect(
      client.send(
        new GetResourcesCommand({ ResourceTypeFilters: ['workspaces:workspace'], ResourcesPerPage: 101 }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});
