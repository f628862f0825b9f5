import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  ExpireSessionCommand,
  GetDataProtectionSettingsCommand,
  GetIpAccessSettingsCommand,
  GetPortalCommand,
  GetSessionCommand,
  GetSessionLoggerCommand,
  GetUserAccessLoggingSettingsCommand,
  GetUserSettingsCommand,
  ListIdentityProvidersCommand,
  ListIpAccessSettingsCommand,
  ListPortalsCommand,
  ListSessionLoggersCommand,
  ListSessionsCommand,
  ListTagsForResourceCommand,
  type PortalSummary,
  paginateListPortals,
  paginateListSessionLoggers,
  paginateListSessions,
  type SessionLoggerSummary,
  type SessionSummary,
  WorkSpacesWebClient,
} from '@aws-sdk/client-workspaces-web';
import { collectPages } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { type Estate, generateEstate } from '../../estate.js';
import { DAY_MS } from '../../model.js';
import type { PortalProfile, SimPortal } from './model.js';

const OPTIONS = { seed: 31, desktops: 200, portals: 10 } as const;
/** Every test here only reads, so they share one estate. */
const ESTATE = generateEstate(OPTIONS);

function clientsFor(estate: Estate, region: string) {
  const sim = createSimulator(estate);
  return {
    sim,
    web: simulatedClient(WorkSpacesWebClient, sim, { region }),
    cloudwatch: simulatedClient(CloudWatchClient, sim, { region }),
  };
}

function portalWith(estate: Estate, profile: PortalProfile): SimPortal {
  const portal = estate.secureBrowser.portals.find((p) => p.profile === profile);
  if (!portal) throw new Error(`no ${profile} portal in the test estate`);
  return portal;
}

async function allSessions(
  web: WorkSpacesWebClient,
  portalId: string,
  pageSize = 50,
): Promise<SessionSummary[]> {
  return collectPages(
    paginateListSessions({ client: web, pageSize }, { portalId, sortBy: 'StartTimeAscending' }),
    (page) => page.sessions,
  );
}

describe('Secure Browser portals in the simulated estate', () => {
  it('lists every portal of the location through the paginator, two a page', async () => {
    const estate = ESTATE;
    const { web, sim } = clientsFor(estate, 'us-east-1');
    const portals: PortalSummary[] = await collectPages(
      paginateListPortals({ client: web, pageSize: 2 }, {}),
      (page) => page.portals,
    );
    const expected = estate.secureBrowser.portals.filter((p) => p.region === 'us-east-1');
    expect(portals.map((p) => p.portalArn)).toEqual(expected.map((p) => p.portal.portalArn));
    expect(sim.countsByAction()['workspaces-web:ListPortals']).toBe(Math.ceil(expected.length / 2));
    // The list carries the summary fields only.
    expect(portals.some((p) => 'statusReason' in p)).toBe(false);
  });

  it('rejects maxResults below 1 and cuts a huge one to a page, leaving the rest behind a token', async () => {
    const estate = generateEstate({ seed: 3, desktops: 50, regions: ['us-east-1'], portals: 120 });
    const { web } = clientsFor(estate, 'us-east-1');
    await expect(web.send(new ListPortalsCommand({ maxResults: 0 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    const first = await web.send(new ListPortalsCommand({ maxResults: 1000 }));
    expect(first.portals).toHaveLength(100);
    const second = await web.send(new ListPortalsCommand({ maxResults: 1000, nextToken: first.nextToken }));
    expect(second.portals).toHaveLength(20);
    expect(second.nextToken).toBeUndefined();
    await expect(web.send(new ListPortalsCommand({ nextToken: 'bogus' }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('has a well-configured portal: office IP ranges, redaction, access logging, transfers locked', async () => {
    const estate = ESTATE;
    const good = portalWith(estate, 'well-configured');
    const { web } = clientsFor(estate, good.region);
    const { portal } = await web.send(new GetPortalCommand({ portalArn: good.portal.portalArn }));
    expect(portal?.portalStatus).toBe('Active');
    const ip = await web.send(
      new GetIpAccessSettingsCommand({ ipAccessSettingsArn: portal?.ipAccessSettingsArn }),
    );
    expect(ip.ipAccessSettings?.ipRules?.map((r) => r.ipRange)).not.toContain('0.0.0.0/0');
    expect(ip.ipAccessSettings?.associatedPortalArns).toContain(portal?.portalArn);
    const dp = await web.send(
      new GetDataProtectionSettingsCommand({ dataProtectionSettingsArn: portal?.dataProtectionSettingsArn }),
    );
    expect(
      dp.dataProtectionSettings?.inlineRedactionConfiguration?.inlineRedactionPatterns?.length,
    ).toBeGreaterThan(0);
    const logging = await web.send(
      new GetUserAccessLoggingSettingsCommand({
        userAccessLoggingSettingsArn: portal?.userAccessLoggingSettingsArn,
      }),
    );
    expect(logging.userAccessLoggingSettings?.kinesisStreamArn).toMatch(/:stream\/amazon-workspaces-web-/);
    const user = await web.send(new GetUserSettingsCommand({ userSettingsArn: portal?.userSettingsArn }));
    expect(user.userSettings).toMatchObject({ downloadAllowed: 'Disabled', printAllowed: 'Disabled' });
  });

  it('has a risky portal: no IP restriction, no data protection, no logging, every transfer allowed', async () => {
    const estate = ESTATE;
    const risky = portalWith(estate, 'risky');
    const { web } = clientsFor(estate, risky.region);
    const { portal } = await web.send(new GetPortalCommand({ portalArn: risky.portal.portalArn }));
    expect(portal?.ipAccessSettingsArn).toBeUndefined();
    expect(portal?.dataProtectionSettingsArn).toBeUndefined();
    expect(portal?.userAccessLoggingSettingsArn).toBeUndefined();
    const user = await web.send(new GetUserSettingsCommand({ userSettingsArn: portal?.userSettingsArn }));
    expect(user.userSettings).toMatchObject({
      copyAllowed: 'Enabled',
      pasteAllowed: 'Enabled',
      downloadAllowed: 'Enabled',
      uploadAllowed: 'Enabled',
      printAllowed: 'Enabled',
    });
  });

  it('has an Incomplete portal without an identity provider, and IP settings open to 0.0.0.0/0', async () => {
    const estate = ESTATE;
    const incomplete = portalWith(estate, 'incomplete');
    const { web } = clientsFor(estate, incomplete.region);
    const { portal } = await web.send(new GetPortalCommand({ portalArn: incomplete.portal.portalArn }));
    expect(portal?.portalStatus).toBe('Incomplete');
    expect(portal?.statusReason).toMatch(/identity provider/);
    const idps = await web.send(new ListIdentityProvidersCommand({ portalArn: portal?.portalArn }));
    expect(idps.identityProviders).toEqual([]);
    const first = estate.settings.regions[0] ?? 'us-east-1';
    const ipSettings = await clientsFor(estate, first).web.send(new ListIpAccessSettingsCommand({}));
    const opened = await Promise.all(
      (ipSettings.ipAccessSettings ?? []).map((s) =>
        clientsFor(estate, first).web.send(
          new GetIpAccessSettingsCommand({ ipAccessSettingsArn: s.ipAccessSettingsArn }),
        ),
      ),
    );
    expect(
      opened.some((r) => r.ipAccessSettings?.ipRules?.some((rule) => rule.ipRange === '0.0.0.0/0')),
    ).toBe(true);
  });

  it('answers ResourceNotFoundException for an unknown ARN and ValidationException for a malformed one', async () => {
    const estate = ESTATE;
    const { web } = clientsFor(estate, 'us-east-1');
    const unknown =
      'arn:aws:workspaces-web:us-east-1:111122223333:portal/00000000-0000-4000-8000-000000000000';
    await expect(web.send(new GetPortalCommand({ portalArn: unknown }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(web.send(new GetPortalCommand({ portalArn: 'portal-1' }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    // A portal of another Region is not found from this one.
    const europe = estate.secureBrowser.portals.find((p) => p.region === 'eu-west-1');
    await expect(
      web.send(new GetPortalCommand({ portalArn: europe?.portal.portalArn })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('lists sessions per portal with filters, sorting and tokens; an idle portal has none for 30 days', async () => {
    const estate = ESTATE;
    const busy = [...estate.secureBrowser.portals].sort((a, b) => b.sessions.length - a.sessions.length)[0];
    if (!busy) throw new Error('no portals');
    const { web } = clientsFor(estate, busy.region);
    const bySeven = await allSessions(web, busy.portalId, 7);
    expect(bySeven).toHaveLength(busy.sessions.length);
    const times = bySeven.map((s) => s.startTime?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const newest = await web.send(new ListSessionsCommand({ portalId: busy.portalId, maxResults: 1 }));
    expect(newest.sessions?.[0]?.startTime?.getTime()).toBe(Math.max(...times));
    const user = bySeven[0]?.username;
    const mine = await web.send(new ListSessionsCommand({ portalId: busy.portalId, username: user }));
    expect(mine.sessions?.every((s) => s.username === user)).toBe(true);
    const detail = await web.send(
      new GetSessionCommand({ portalId: busy.portalId, sessionId: bySeven[0]?.sessionId }),
    );
    expect(detail.session?.clientIpAddresses?.length).toBe(1);
    await expect(web.send(new ListSessionsCommand({ portalId: 'short' }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(
      web.send(new ListSessionsCommand({ portalId: busy.portalId, maxResults: 0 })),
    ).rejects.toMatchObject({ name: 'ValidationException' });

    const idle = portalWith(estate, 'idle');
    const idleWeb = clientsFor(estate, idle.region).web;
    const idleSessions = await allSessions(idleWeb, idle.portalId);
    expect(idleSessions.length).toBeGreaterThan(0);
    const last = Math.max(...idleSessions.map((s) => s.startTime?.getTime() ?? 0));
    expect(estate.settings.now.getTime() - last).toBeGreaterThan(30 * DAY_MS);
    const active = await idleWeb.send(new ListSessionsCommand({ portalId: idle.portalId, status: 'Active' }));
    expect(active.sessions).toEqual([]);
  });

  it('returns the tags of a portal', async () => {
    const estate = ESTATE;
    const tagged = estate.secureBrowser.portals.find((p) => p.tags.length > 0);
    if (!tagged) throw new Error('no tagged portal');
    const { web } = clientsFor(estate, tagged.region);
    const { tags } = await web.send(new ListTagsForResourceCommand({ resourceArn: tagged.portal.portalArn }));
    expect(tags).toEqual(tagged.tags);
  });

  it('is the same for the same seed and different for another', () => {
    const a = JSON.stringify(generateEstate(OPTIONS).secureBrowser);
    expect(JSON.stringify(generateEstate(OPTIONS).secureBrowser)).toBe(a);
    expect(JSON.stringify(generateEstate({ ...OPTIONS, seed: 32 }).secureBrowser)).not.toBe(a);
  });
});

describe('Secure Browser session loggers', () => {
  it('well-configured portals of a location share one logger sending every event to S3; risky, idle and unusable ones have none', async () => {
    const estate = ESTATE;
    const good = portalWith(estate, 'well-configured');
    const { web } = clientsFor(estate, good.region);
    const { portal } = await web.send(new GetPortalCommand({ portalArn: good.portal.portalArn }));
    expect(portal?.sessionLoggerArn).toMatch(/:sessionLogger\/[a-f0-9-]{36}$/);
    const { sessionLogger } = await web.send(
      new GetSessionLoggerCommand({ sessionLoggerArn: portal?.sessionLoggerArn }),
    );
    expect(sessionLogger).toMatchObject({
      sessionLoggerArn: portal?.sessionLoggerArn,
      displayName: 'corp-session-audit',
      eventFilter: { all: {} },
      logConfiguration: {
        s3: {
          bucket: `euc-session-logs-${good.account}-${good.region}`,
          bucketOwner: good.account,
          logFileFormat: 'JSONLines',
          folderStructure: 'NestedByDate',
        },
      },
    });
    const neighbours = estate.secureBrowser.portals.filter(
      (p) => p.profile === 'well-configured' && p.region === good.region && p.account === good.account,
    );
    expect(neighbours.length).toBeGreaterThan(1);
    expect(sessionLogger?.associatedPortalArns).toEqual(neighbours.map((p) => p.portal.portalArn));
    expect(sessionLogger?.creationDate?.getTime()).toBeGreaterThanOrEqual(
      portal?.creationDate?.getTime() ?? Number.POSITIVE_INFINITY,
    );
    expect(sessionLogger?.creationDate?.getTime()).toBeLessThanOrEqual(estate.settings.now.getTime());
    for (const profile of ['risky', 'idle', 'incomplete', 'pending'] as const)
      expect(portalWith(estate, profile).portal.sessionLoggerArn, profile).toBeUndefined();
  });

  it('some partial portals have a logger of their own recording a picked few events, others none', () => {
    const estate = generateEstate({ seed: 7, desktops: 50, portals: 60 });
    const partial = estate.secureBrowser.portals.filter((p) => p.profile === 'partial');
    const logged = partial.filter((p) => p.portal.sessionLoggerArn);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.length).toBeLessThan(partial.length);
    for (const p of logged) {
      const logger = estate.secureBrowser.sessionLoggers.find((l) => l.arn === p.portal.sessionLoggerArn);
      expect(logger?.settings.associatedPortalArns).toEqual([p.portal.portalArn]);
      expect(logger?.settings.eventFilter?.include).toContain('FileDownloadFromSecureBrowserToRemoteDisk');
    }
  });

  it('lists the session loggers of the location through the paginator, as summaries without filter or portals', async () => {
    const estate = generateEstate({ seed: 7, desktops: 50, portals: 60 });
    const { web, sim } = clientsFor(estate, 'us-east-1');
    const loggers: SessionLoggerSummary[] = await collectPages(
      paginateListSessionLoggers({ client: web, pageSize: 2 }, {}),
      (page) => page.sessionLoggers,
    );
    const expected = estate.secureBrowser.sessionLoggers.filter((l) => l.region === 'us-east-1');
    expect(expected.length).toBeGreaterThan(2);
    expect(loggers.map((l) => l.sessionLoggerArn)).toEqual(expected.map((l) => l.arn));
    expect(sim.countsByAction()['workspaces-web:ListSessionLoggers']).toBe(Math.ceil(expected.length / 2));
    expect(loggers[0]?.logConfiguration?.s3?.bucket).toMatch(/^euc-session-logs-/);
    expect(loggers.some((l) => 'eventFilter' in l || 'associatedPortalArns' in l)).toBe(false);
    await expect(web.send(new ListSessionLoggersCommand({ maxResults: 0 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('an unknown session logger is ResourceNotFoundException (404); a malformed ARN is ValidationException', async () => {
    const { web } = clientsFor(ESTATE, 'us-east-1');
    const unknown =
      'arn:aws:workspaces-web:us-east-1:111122223333:sessionLogger/00000000-0000-4000-8000-000000000000';
    await expect(web.send(new GetSessionLoggerCommand({ sessionLoggerArn: unknown }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      web.send(new GetSessionLoggerCommand({ sessionLoggerArn: 'corp-session-audit' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    const logger = ESTATE.secureBrowser.sessionLoggers[0];
    const { tags } = await clientsFor(ESTATE, logger?.region ?? 'us-east-1').web.send(
      new ListTagsForResourceCommand({ resourceArn: logger?.arn }),
    );
    expect(tags).toEqual([]);
  });
});

describe('Secure Browser metrics through GetMetricData', () => {
  function query(id: string, portalId: string, metric: string): MetricDataQuery {
    return {
      Id: id,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/WorkSpacesWeb',
          MetricName: metric,
          Dimensions: [{ Name: 'PortalId', Value: portalId }],
        },
        Period: 86_400,
        Stat: 'Sum',
      },
    };
  }

  it('counts one SessionSuccess per session started in the window, and attempts = successes + failures', async () => {
    const estate = ESTATE;
    const risky = portalWith(estate, 'risky');
    const { web, cloudwatch } = clientsFor(estate, risky.region);
    const end = estate.settings.now;
    const start = new Date(end.getTime() - 7 * DAY_MS);
    const sessions = await allSessions(web, risky.portalId);
    const started = sessions.filter((s) => (s.startTime?.getTime() ?? 0) >= start.getTime()).length;
    const result = await cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: start,
        EndTime: end,
        MetricDataQueries: [
          query('ok', risky.portalId, 'SessionSuccess'),
          query('failed', risky.portalId, 'SessionFailure'),
          query('tried', risky.portalId, 'SessionAttempt'),
        ],
      }),
    );
    const sum = (id: string) =>
      (result.MetricDataResults?.find((r) => r.Id === id)?.Values ?? []).reduce((a, b) => a + b, 0);
    expect(started).toBeGreaterThan(0);
    expect(sum('ok')).toBe(started);
    expect(sum('failed')).toBeGreaterThan(0);
    expect(sum('tried')).toBe(sum('ok') + sum('failed'));
  });

  it('publishes nothing for an idle portal over the last 30 days', async () => {
    const estate = ESTATE;
    const idle = portalWith(estate, 'idle');
    const { cloudwatch } = clientsFor(estate, idle.region);
    const end = estate.settings.now;
    const result = await cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date(end.getTime() - 30 * DAY_MS),
        EndTime: end,
        MetricDataQueries: [query('tried', idle.portalId, 'SessionAttempt')],
      }),
    );
    expect(result.MetricDataResults?.[0]?.Values).toEqual([]);
  });
});

describe('ExpireSession', () => {
  function livePortal(estate: Estate): SimPortal {
    const portal = estate.secureBrowser.portals.find((p) => p.sessions.some((s) => s.status === 'Active'));
    if (!portal) throw new Error('no portal with a live session in the test estate');
    return portal;
  }

  it('ends a live session now: it lists as Terminated with an endTime, and a second expiry changes nothing', async () => {
    const estate = generateEstate(OPTIONS);
    const portal = livePortal(estate);
    const { web } = clientsFor(estate, portal.region);
    const live = await web.send(new ListSessionsCommand({ portalId: portal.portalId, status: 'Active' }));
    const sessionId = live.sessions?.[0]?.sessionId;
    expect(sessionId).toBeDefined();
    expect(await web.send(new ExpireSessionCommand({ portalId: portal.portalId, sessionId }))).toMatchObject(
      {},
    );
    const after = await web.send(new GetSessionCommand({ portalId: portal.portalId, sessionId }));
    expect(after.session).toMatchObject({ status: 'Terminated', endTime: estate.settings.now });
    const stillLive = await web.send(
      new ListSessionsCommand({ portalId: portal.portalId, status: 'Active' }),
    );
    expect(stillLive.sessions?.map((s) => s.sessionId)).not.toContain(sessionId);
    expect(stillLive.sessions).toHaveLength((live.sessions?.length ?? 0) - 1);
    // Already ended: undocumented in the API reference, answered as a no-op here.
    await web.send(new ExpireSessionCommand({ portalId: portal.portalId, sessionId }));
    expect(
      (await web.send(new GetSessionCommand({ portalId: portal.portalId, sessionId }))).session?.endTime,
    ).toEqual(estate.settings.now);
  });

  it('an unknown session or portal is ResourceNotFoundException (404); a malformed id is ValidationException', async () => {
    const estate = generateEstate(OPTIONS);
    const portal = livePortal(estate);
    const { web } = clientsFor(estate, portal.region);
    const unknown = '00000000-0000-0000-0000-000000000000';
    await expect(
      web.send(new ExpireSessionCommand({ portalId: portal.portalId, sessionId: unknown })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    await expect(
      web.send(new ExpireSessionCommand({ portalId: unknown, sessionId: unknown })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(
      web.send(new ExpireSessionCommand({ portalId: portal.portalId, sessionId: 'short' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
