/**
 * Thin shells over the `appstream` and `application-autoscaling` APIs, sized to their request
 * limits (API reference): DescribeImages, DescribeImageBuilders and DescribeAppBlockBuilders
 * return at most 25 a page; DescribeUserStackAssociations up to 500; DescribeScalingActivities
 * up to 50 a page. DescribeFleets and DescribeStacks take no page size. Every list a contributor reads is
 * memoised per client call and scope, so the inventory, the audit and the idle report of one
 * call read each list once.
 */
import type { ScalingActivity } from '@aws-sdk/client-application-auto-scaling';
import type {
  AppBlockBuilder,
  AppStreamClient,
  AuthenticationType,
  Fleet,
  Image,
  ImageBuilder,
  Session,
  SharedImagePermissions,
  Stack,
  UsageReportSubscription,
  User,
  UserStackAssociation,
} from '@aws-sdk/client-appstream';
import {
  collectPages,
  listOnce,
  mapBoundedAll,
  type Scope,
  scopeKey,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { newestFirstCutoff } from '../fleets/scaling.js';
import { applicationAutoScalingSdk, appStreamSdk } from './sdk.js';

const PAGE_25 = 25;
const ASSOCIATIONS_PAGE = 500;
const SCALING_PAGE = 50;

async function appstreamClient(ctx: ToolContext, scope: Scope): Promise<AppStreamClient> {
  const { AppStreamClient } = await appStreamSdk();
  return ctx.aws.client(AppStreamClient, scope);
}

/**
 * Pages of an appstream operation that has no SDK paginator (DescribeFleets, DescribeStacks,
 * DescribeImageBuilders, ListAssociated*, DescribeUsers, ...), following NextToken.
 */
async function* tokenPages<Page extends { NextToken?: string | undefined }>(
  ctx: ToolContext,
  fetch: (token: string | undefined) => Promise<Page>,
): AsyncGenerator<Page> {
  let token: string | undefined;
  do {
    ctx.signal.throwIfAborted();
    const page = await fetch(token);
    yield page;
    token = page.NextToken;
  } while (token);
}

/**
 * Pages of a token-paged operation whose client and command load lazily: the SDK module is
 * imported when the scan runs, not when `listOnce` decides whether the snapshot already has it.
 */
async function* lazyTokenPages<Page extends { NextToken?: string | undefined }>(
  ctx: ToolContext,
  scope: Scope,
  send: (
    client: AppStreamClient,
    sdk: Awaited<ReturnType<typeof appStreamSdk>>,
    token: string | undefined,
  ) => Promise<Page>,
): AsyncGenerator<Page> {
  const sdk = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  yield* tokenPages(ctx, (token) => send(client, sdk, token));
}

/**
 * Every fleet of the scope, through the host's `listOnce`: one scan per client call, and across
 * calls from the estate snapshot while it is young (writes to appstream drop it).
 */
export function listFleets(ctx: ToolContext, scope: Scope): Promise<Fleet[]> {
  return listOnce(ctx, {
    action: 'appstream:DescribeFleets',
    where: scope,
    input: {},
    pages: () =>
      lazyTokenPages(ctx, scope, (client, sdk, NextToken) =>
        client.send(new sdk.DescribeFleetsCommand({ NextToken }), { abortSignal: ctx.signal }),
      ),
    items: (page) => page.Fleets,
  });
}

export function listStacks(ctx: ToolContext, scope: Scope): Promise<Stack[]> {
  return listOnce(ctx, {
    action: 'appstream:DescribeStacks',
    where: scope,
    input: {},
    pages: () =>
      lazyTokenPages(ctx, scope, (client, sdk, NextToken) =>
        client.send(new sdk.DescribeStacksCommand({ NextToken }), { abortSignal: ctx.signal }),
      ),
    items: (page) => page.Stacks,
  });
}

export function listImageBuilders(ctx: ToolContext, scope: Scope): Promise<ImageBuilder[]> {
  return listOnce(ctx, {
    action: 'appstream:DescribeImageBuilders',
    where: scope,
    input: { MaxResults: PAGE_25 },
    pages: () =>
      lazyTokenPages(ctx, scope, (client, sdk, NextToken) =>
        client.send(new sdk.DescribeImageBuildersCommand({ MaxResults: PAGE_25, NextToken }), {
          abortSignal: ctx.signal,
        }),
      ),
    items: (page) => page.ImageBuilders,
  });
}

export function listAppBlockBuilders(ctx: ToolContext, scope: Scope): Promise<AppBlockBuilder[]> {
  return listOnce(ctx, {
    action: 'appstream:DescribeAppBlockBuilders',
    where: scope,
    input: { MaxResults: PAGE_25 },
    pages: () =>
      lazyTokenPages(ctx, scope, (client, sdk, NextToken) =>
        client.send(new sdk.DescribeAppBlockBuildersCommand({ MaxResults: PAGE_25, NextToken }), {
          abortSignal: ctx.signal,
        }),
      ),
    items: (page) => page.AppBlockBuilders,
  });
}

/** The account's own images (PUBLIC base images and images shared in are someone else's to patch). */
export function listPrivateImages(ctx: ToolContext, scope: Scope): Promise<Image[]> {
  return listOnce(ctx, {
    action: 'appstream:DescribeImages',
    where: scope,
    input: { Type: 'PRIVATE', MaxResults: PAGE_25 },
    pages: () =>
      lazyTokenPages(ctx, scope, (client, sdk, NextToken) =>
        client.send(new sdk.DescribeImagesCommand({ Type: 'PRIVATE', MaxResults: PAGE_25, NextToken }), {
          abortSignal: ctx.signal,
        }),
      ),
    items: (page) => page.Images,
  });
}

/** Which fleets serve which stack, both ways round. */
export interface StackFleetLinks {
  readonly fleetsOfStack: ReadonlyMap<string, readonly string[]>;
  readonly stacksOfFleet: ReadonlyMap<string, readonly string[]>;
}

/**
 * The stack ↔ fleet associations. There is no batch read: it is one ListAssociatedFleets per
 * stack or one ListAssociatedStacks per fleet, so the shorter side is asked (same answer).
 */
export function stackFleetLinks(ctx: ToolContext, scope: Scope): Promise<StackFleetLinks> {
  return ctx.memo(`applications:links:${scopeKey(ctx.aws, scope)}`, async () => {
    const [fleets, stacks] = await Promise.all([listFleets(ctx, scope), listStacks(ctx, scope)]);
    const { ListAssociatedFleetsCommand, ListAssociatedStacksCommand } = await appStreamSdk();
    const client = await appstreamClient(ctx, scope);
    const pairs: [stack: string, fleet: string][] = [];
    if (stacks.length <= fleets.length) {
      const names = stacks.flatMap((s) => (s.Name ? [s.Name] : []));
      const answers = await mapBoundedAll(names, ctx.limits.concurrency, (StackName) =>
        collectPages(
          tokenPages(ctx, (NextToken) =>
            client.send(new ListAssociatedFleetsCommand({ StackName, NextToken })),
          ),
          (page) => page.Names,
        ),
      );
      answers.forEach((fleetNames, i) => {
        for (const fleet of fleetNames) pairs.push([names[i] ?? '', fleet]);
      });
    } else {
      const names = fleets.flatMap((f) => (f.Name ? [f.Name] : []));
      const answers = await mapBoundedAll(names, ctx.limits.concurrency, (FleetName) =>
        collectPages(
          tokenPages(ctx, (NextToken) =>
            client.send(new ListAssociatedStacksCommand({ FleetName, NextToken })),
          ),
          (page) => page.Names,
        ),
      );
      answers.forEach((stackNames, i) => {
        for (const stack of stackNames) pairs.push([stack, names[i] ?? '']);
      });
    }
    const fleetsOfStack = new Map<string, string[]>();
    const stacksOfFleet = new Map<string, string[]>();
    for (const [stack, fleet] of pairs) {
      fleetsOfStack.set(stack, [...(fleetsOfStack.get(stack) ?? []), fleet]);
      stacksOfFleet.set(fleet, [...(stacksOfFleet.get(fleet) ?? []), stack]);
    }
    return { fleetsOfStack, stacksOfFleet };
  });
}

/** The region's usage-report subscription (at most one; empty when reports are off). */
export async function listUsageReportSubscriptions(
  ctx: ToolContext,
  scope: Scope,
): Promise<UsageReportSubscription[]> {
  const { DescribeUsageReportSubscriptionsCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  return collectPages(
    tokenPages(ctx, (NextToken) => client.send(new DescribeUsageReportSubscriptionsCommand({ NextToken }))),
    (page) => page.UsageReportSubscriptions,
  );
}

/** User-pool users: DescribeUsers only lists USERPOOL users (federated users are not stored). */
export async function listUserPoolUsers(ctx: ToolContext, scope: Scope): Promise<User[]> {
  const { DescribeUsersCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  return collectPages(
    tokenPages(ctx, (NextToken) =>
      client.send(new DescribeUsersCommand({ AuthenticationType: 'USERPOOL', NextToken })),
    ),
    (page) => page.Users,
  );
}

/** The user-pool entitlements of each stack (one paginated call per stack, bounded concurrency). */
export async function listStackEntitlements(
  ctx: ToolContext,
  scope: Scope,
  stackNames: readonly string[],
): Promise<UserStackAssociation[]> {
  const { DescribeUserStackAssociationsCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  const answers = await mapBoundedAll(stackNames, ctx.limits.concurrency, (StackName) =>
    collectPages(
      tokenPages(ctx, (NextToken) =>
        client.send(
          new DescribeUserStackAssociationsCommand({ StackName, MaxResults: ASSOCIATIONS_PAGE, NextToken }),
        ),
      ),
      (page) => page.UserStackAssociations,
    ),
  );
  return answers.flat();
}

/**
 * The AppStream scaling activities of the scope since `since`: one namespace-wide scan (no
 * ResourceId) instead of one per fleet, stopping early only when {@link newestFirstCutoff} shows
 * the rest is older than the window.
 */
export async function listScalingActivitiesSince(
  ctx: ToolContext,
  scope: Scope,
  since: Date,
): Promise<ScalingActivity[]> {
  const { ApplicationAutoScalingClient, paginateDescribeScalingActivities } =
    await applicationAutoScalingSdk();
  const pages = paginateDescribeScalingActivities(
    { client: ctx.aws.client(ApplicationAutoScalingClient, scope), pageSize: SCALING_PAGE },
    { ServiceNamespace: 'appstream' },
  );
  const done = newestFirstCutoff(since);
  const kept: ScalingActivity[] = [];
  for await (const page of pages) {
    ctx.signal.throwIfAborted();
    const activities = page.ScalingActivities ?? [];
    kept.push(...activities.filter((a) => (a.StartTime?.getTime() ?? 0) >= since.getTime()));
    if (done(activities)) break;
  }
  return kept;
}

// ---- Images, sessions and builder writes (audit_application_images, list_application_sessions,
// ---- stop_image_builder, expire_application_session).

/** DescribeSessions: "The size of each page of results. The default value is 20 and the maximum value is 50." */
const SESSIONS_PAGE = 50;
/** DescribeImagePermissions: MaxResults up to 500. */
const PERMISSIONS_PAGE = 500;

/** Images other accounts share with this one (Visibility SHARED): someone else patches them. */
export async function listSharedImages(ctx: ToolContext, scope: Scope): Promise<Image[]> {
  const { paginateDescribeImages } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  return listOnce(ctx, {
    action: 'appstream:DescribeImages',
    where: scope,
    input: { Type: 'SHARED', MaxResults: PAGE_25 },
    pages: () => paginateDescribeImages({ client, pageSize: PAGE_25 }, { Type: 'SHARED' }),
    items: (page) => page.Images,
  });
}

/**
 * The accounts one private image is shared with. DescribeImagePermissions takes one image name
 * and has no batch form, so callers ask only for images flagged ImageSharedWithOthers TRUE.
 */
export async function listImagePermissions(
  ctx: ToolContext,
  scope: Scope,
  imageName: string,
): Promise<SharedImagePermissions[]> {
  const { DescribeImagePermissionsCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  return collectPages(
    tokenPages(ctx, (NextToken) =>
      client.send(
        new DescribeImagePermissionsCommand({ Name: imageName, MaxResults: PERMISSIONS_PAGE, NextToken }),
      ),
    ),
    (page) => page.SharedImagePermissionsList,
  );
}

/** Which sessions of one stack/fleet pair to read (DescribeSessions needs both names). */
export interface SessionQuery {
  readonly stackName: string;
  readonly fleetName: string;
  /** Without it DescribeSessions returns only API (streaming URL) sessions, so each type is asked. */
  readonly authenticationType: AuthenticationType;
}

/** Every session of one stack/fleet pair and authentication type, 50 a page. */
export async function listSessions(ctx: ToolContext, scope: Scope, query: SessionQuery): Promise<Session[]> {
  const { DescribeSessionsCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  const input = {
    StackName: query.stackName,
    FleetName: query.fleetName,
    AuthenticationType: query.authenticationType,
    Limit: SESSIONS_PAGE,
  };
  return listOnce(ctx, {
    action: 'appstream:DescribeSessions',
    where: scope,
    input,
    pages: () =>
      tokenPages(ctx, (NextToken) => client.send(new DescribeSessionsCommand({ ...input, NextToken }))),
    items: (page) => page.Sessions,
  });
}

/** StopImageBuilder: RUNNING → STOPPING → STOPPED (billing stops with the instance). */
export async function stopImageBuilder(ctx: ToolContext, scope: Scope, name: string): Promise<string> {
  const { StopImageBuilderCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  const answer = await client.send(new StopImageBuilderCommand({ Name: name }), {
    abortSignal: ctx.signal,
  });
  return answer.ImageBuilder?.State ?? 'STOPPING';
}

/** ExpireSession: ends one streaming session now (its user is disconnected). */
export async function expireSession(ctx: ToolContext, scope: Scope, sessionId: string): Promise<void> {
  const { ExpireSessionCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  await client.send(new ExpireSessionCommand({ SessionId: sessionId }), { abortSignal: ctx.signal });
}

// ── Fleet tools (diagnose, usage, capacity, start/stop/update).

type FleetCapacity = import('@aws-sdk/client-appstream').ComputeCapacity;

/**
 * DescribeSessions lists one AuthenticationType per call and, without one, only API (streaming
 * URL) sessions ("The default is to authenticate users using a streaming URL"), so every type
 * of the SDK's AuthenticationType enum is asked for to see all sessions.
 */
const SESSION_AUTH_TYPES: readonly AuthenticationType[] = ['API', 'SAML', 'USERPOOL', 'AWS_AD'];

/**
 * Every scaling activity of one fleet (ResourceId `fleet/<name>`), all pages, newest first as
 * returned: Application Auto Scaling keeps six weeks, so a busy autoscaled fleet fills several.
 */
export async function listFleetScalingActivities(
  ctx: ToolContext,
  scope: Scope,
  fleetName: string,
): Promise<ScalingActivity[]> {
  const { ApplicationAutoScalingClient, paginateDescribeScalingActivities } =
    await applicationAutoScalingSdk();
  return collectPages(
    paginateDescribeScalingActivities(
      { client: ctx.aws.client(ApplicationAutoScalingClient, scope), pageSize: SCALING_PAGE },
      { ServiceNamespace: 'appstream', ResourceId: `fleet/${fleetName}` },
    ),
    (page) => page.ScalingActivities,
    { signal: ctx.signal },
  );
}

/** The stacks one fleet serves (ListAssociatedStacks, all pages). */
export async function listStacksOfFleet(
  ctx: ToolContext,
  scope: Scope,
  fleetName: string,
): Promise<string[]> {
  const { ListAssociatedStacksCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  return collectPages(
    tokenPages(ctx, (NextToken) =>
      client.send(new ListAssociatedStacksCommand({ FleetName: fleetName, NextToken })),
    ),
    (page) => page.Names,
  );
}

/**
 * The sessions of one fleet across the stacks it serves. DescribeSessions needs a stack and a
 * fleet name and has no batch form: one paginated read per (stack, authentication type), bounded.
 */
export async function listFleetSessions(
  ctx: ToolContext,
  scope: Scope,
  fleetName: string,
  stackNames: readonly string[],
): Promise<Session[]> {
  const queries = stackNames.flatMap((stackName) =>
    SESSION_AUTH_TYPES.map((authenticationType) => ({ stackName, fleetName, authenticationType })),
  );
  const answers = await mapBoundedAll(queries, ctx.limits.concurrency, (query) =>
    listSessions(ctx, scope, query),
  );
  return answers.flat();
}

/** StartFleet: a STOPPED fleet starts launching its desired capacity. */
export async function startFleet(ctx: ToolContext, scope: Scope, name: string): Promise<void> {
  const { StartFleetCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  await client.send(new StartFleetCommand({ Name: name }), { abortSignal: ctx.signal });
}

/** StopFleet: every streaming instance, and so every session, of the fleet ends. */
export async function stopFleet(ctx: ToolContext, scope: Scope, name: string): Promise<void> {
  const { StopFleetCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  await client.send(new StopFleetCommand({ Name: name }), { abortSignal: ctx.signal });
}

/** UpdateFleet with only ComputeCapacity: DesiredInstances, or DesiredSessions (multi-session). */
export async function updateFleetCapacity(
  ctx: ToolContext,
  scope: Scope,
  name: string,
  capacity: FleetCapacity,
): Promise<void> {
  const { UpdateFleetCommand } = await appStreamSdk();
  const client = await appstreamClient(ctx, scope);
  await client.send(new UpdateFleetCommand({ Name: name, ComputeCapacity: capacity }), {
    abortSignal: ctx.signal,
  });
}
