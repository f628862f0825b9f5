import {
  CloudTrailClient,
  type Event,
  LookupEventsCommand,
  paginateLookupEvents,
} from '@aws-sdk/client-cloudtrail';
import { collectPages } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';
import { DAY_MS } from '../../model.js';

const estate = generateEstate({ seed: 7, desktops: 150 });
const now = estate.settings.now.getTime();

function trail(region = 'us-east-1') {
  const sim = createSimulator(estate);
  return { sim, client: simulatedClient(CloudTrailClient, sim, { region }) };
}

const record = (event: Event) => JSON.parse(event.CloudTrailEvent ?? '{}') as Record<string, unknown>;

describe('CloudTrail LookupEvents', () => {
  it('refuses two lookup attributes, as the API allows only one', async () => {
    const { client } = trail();
    await expect(
      client.send(
        new LookupEventsCommand({
          LookupAttributes: [
            { AttributeKey: 'ReadOnly', AttributeValue: 'false' },
            { AttributeKey: 'EventSource', AttributeValue: 'workspaces.amazonaws.com' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidLookupAttributesException' });
  });

  it('refuses MaxResults outside 1-50', async () => {
    const { client } = trail();
    await expect(client.send(new LookupEventsCommand({ MaxResults: 51 }))).rejects.toMatchObject({
      name: 'InvalidMaxResultsException',
    });
    await expect(client.send(new LookupEventsCommand({ MaxResults: 0 }))).rejects.toMatchObject({
      name: 'InvalidMaxResultsException',
    });
  });

  it('refuses a window older than the 90 days event history keeps, or one that ends before it starts', async () => {
    const { client } = trail();
    await expect(
      client.send(
        new LookupEventsCommand({ StartTime: new Date(now - 91 * DAY_MS), EndTime: new Date(now) }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidTimeRangeException' });
    await expect(
      client.send(
        new LookupEventsCommand({ StartTime: new Date(now - DAY_MS), EndTime: new Date(now - 2 * DAY_MS) }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidTimeRangeException' });
    const ninety = await client.send(
      new LookupEventsCommand({ StartTime: new Date(now - 90 * DAY_MS), EndTime: new Date(now) }),
    );
    expect(ninety.Events?.length).toBe(50);
  });

  it('pages 50 events at a time, newest first, through the SDK paginator', async () => {
    const { sim, client } = trail();
    const events = await collectPages(paginateLookupEvents({ client }, {}), (page) => page.Events);
    const expected = estate.governance.trail.filter((e) => e.region === 'us-east-1').length;
    expect(events).toHaveLength(expected);
    expect(expected).toBeGreaterThan(150);
    expect(sim.countsByAction()['cloudtrail:LookupEvents']).toBe(Math.ceil(expected / 50));
    const times = events.map((e) => e.EventTime?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Math.min(...times)).toBeGreaterThan(now - 90 * DAY_MS);
  });

  it('filters by one attribute: ReadOnly=false gives mutations only, across EUC and other sources', async () => {
    const { client } = trail();
    const writes = await collectPages(
      paginateLookupEvents(
        { client },
        { LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }] },
      ),
      (page) => page.Events,
    );
    expect(writes.length).toBeGreaterThan(40);
    expect(writes.every((e) => e.ReadOnly === 'false' && record(e).readOnly === false)).toBe(true);
    const sources = new Set(writes.map((e) => e.EventSource));
    expect(sources).toContain('workspaces.amazonaws.com');
    expect(sources).toContain('appstream.amazonaws.com');
    expect(sources).toContain('ec2.amazonaws.com');
  });

  it('finds the events of one desktop by resource name', async () => {
    const { client } = trail();
    const rebuild = estate.governance.trail.find(
      (e) => e.region === 'us-east-1' && e.event.EventName === 'RebuildWorkspaces',
    );
    const workspaceId = rebuild?.event.Resources?.[0]?.ResourceName ?? '';
    expect(estate.personal.desktops.some((d) => d.workspace.WorkspaceId === workspaceId)).toBe(true);
    const page = await client.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: workspaceId }],
      }),
    );
    expect(page.Events?.length).toBeGreaterThan(0);
    expect(page.Events?.every((e) => e.Resources?.some((r) => r.ResourceName === workspaceId))).toBe(true);
  });

  it('only continues a token with the request that issued it', async () => {
    const { client } = trail();
    const first = await client.send(new LookupEventsCommand({}));
    expect(first.NextToken).toBeDefined();
    await expect(
      client.send(
        new LookupEventsCommand({
          NextToken: first.NextToken,
          LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'true' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
  });

  it('returns the CloudTrail record as JSON with the fields audit tools read', async () => {
    const { client } = trail();
    const events = await collectPages(paginateLookupEvents({ client }, {}), (page) => page.Events);
    for (const event of events) {
      const json = record(event);
      expect(json).toMatchObject({
        eventID: event.EventId,
        eventName: event.EventName,
        eventSource: event.EventSource,
        awsRegion: 'us-east-1',
        recipientAccountId: estate.settings.accounts[0],
        eventType: 'AwsApiCall',
        managementEvent: true,
      });
      expect(json.userIdentity).toHaveProperty('type');
      expect(typeof json.sourceIPAddress).toBe('string');
      expect(typeof json.userAgent).toBe('string');
      expect(new Date(String(json.eventTime)).getTime()).toBe(event.EventTime?.getTime());
    }
    const denied = events.filter((e) => record(e).errorCode !== undefined);
    expect(denied.length).toBeGreaterThan(0);
    for (const event of denied) {
      const json = record(event);
      expect(['AccessDenied', 'Client.UnauthorizedOperation']).toContain(json.errorCode);
      expect(String(json.errorMessage)).toMatch(/is not authorized to perform/);
      expect(json.responseElements).toBeNull();
    }
  });

  it('has, in the first location, a termination, a refused termination and a rebuild in the last week and a root change within 90 days', async () => {
    const { client } = trail();
    const week = await collectPages(
      paginateLookupEvents(
        { client },
        {
          StartTime: new Date(now - 7 * DAY_MS),
          LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'workspaces.amazonaws.com' }],
        },
      ),
      (page) => page.Events,
    );
    const names = week.map((e) => `${e.EventName}:${record(e).errorCode ?? 'ok'}`);
    expect(names).toContain('TerminateWorkspaces:ok');
    expect(names).toContain('TerminateWorkspaces:AccessDenied');
    expect(names).toContain('RebuildWorkspaces:ok');
    const root = await client.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'root' }] }),
    );
    expect(root.Events?.map((e) => e.EventSource)).toContain('workspaces.amazonaws.com');
  });
});
