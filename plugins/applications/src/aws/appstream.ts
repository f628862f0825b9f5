/**
 * Thin shells over the `appstream` and `application-autoscaling` APIs, sized to their request
 * limits (API reference): DescribeImages, DescribeImageBuilders and DescribeAppBlockBuilders
 * return at most 25 a page; DescribeUserStackAssociations up to 500; DescribeScalingActivities
 * up to 50 a page. DescribeFleets and DescribeStacks take no page size. Every list a contributor
 * reads, and the per-stack reads after the lists, go through the host's `listOnce`: the inventory,
 * the audit and the idle report of one call read each once, and a follow-up question within the
 * estate snapshot's TTL reads none of them again.
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
const HOUR_MS = 3_600_000;

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

/** A per-resource appstream read: which operation, which resources, and how one of them is paged. */
interface EachReadSpec<Page extends { NextToken?: string | undefined }, Item> {
  /** The IAM action, e.g. `appstream:ListAssociatedFleets`. */
  readonly action: string;
  /** The request field the name goes in (`StackName`), so the snapshot key reads like the request. */
  readonly nameField: string;
  /** The rest of the request (page size), part of the key. */
  readonly input?: Readonly<Record<string, unknown>>;
  readonly names: readonly string[];
  readonly send: (
    client: AppStreamClient,
    sdk: Awaited<ReturnType<typeof appStreamSdk>>,
    name: string,
    token: string | undefined,
  ) => Promise<Page>;
  readonly items: (page: Page) => readonly Item[] | undefined;
}

/**
 * A read with no batch form (ListAssociatedFleets, DescribeUserStackAssociations: one resource a
 * call), all pages for each of `names` with bounded concurrency, through the host's `listOnce`:
 * a follow-up question about the same stacks sends nothing while the snapshot is young, and
 * `fresh` or an appstream write reads again. All names are kept as ONE snapshot entry keyed by
 * the sorted names, not one entry per name: the snapshot keeps 500 scans, least recently read
 * first out, and ~250 stacks × two reads at 10,000 desktops would push out the desktop scan.
 * One failed read fails the whole read (nothing is kept), as before: a partial answer would be
 * read as "no fleet" or "no entitlement".
 */
async function readEachOnce<Page extends { NextToken?: string | undefined }, Item>(
  ctx: ToolContext,
  scope: Scope,
  spec: EachReadSpec<Page, Item>,
): Promise<Map<string, readonly Item[]>> {
  const names = [...new Set(spec.names)].sort();
  if (names.length === 0) return new Map();
  const answers = await listOnce(ctx, {
    action: spec.action,
    where: scope,
    input: { ...spec.input, [spec.nameField]: names },
    pages: async function* () {
      const sdk = await appStreamSdk();
      const client = await appstreamClient(ctx, scope);
      yield await mapBoundedAll(
        names,
        ctx.limits.concurrency,
        async (name) => ({
          name,
          items: await collectPages(
            tokenPages(ctx, (token) => spec.send(client, sdk, name, token)),
            spec.items,
          ),
        }),
        { signal: ctx.signal },
      );
    },
    items: (page) => page,
  });
  return new Map(answers.map((answer) => [answer.name, answer.items]));
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
 * stack or one ListAssociatedStacks per fleet, so the shorter side is asked (same answer), and
 * the answers are kept in the estate snapshot (see {@link readEachOnce}).
 */
export function stackFleetLinks(ctx: ToolContext, scope: Scope): Promise<StackFleetLinks> {
  return ctx.memo(`applications:links:${scopeKey(ctx.aws, scope)}`, async () => {
    const [fleets, stacks] = await Promise.all([listFleets(ctx, scope), listStacks(ctx, scope)]);
    const pairs: [stack: string, fleet: string][] = [];
    if (stacks.length <= fleets.length) {
      const names = stacks.flatMap((s) => (s.Name ? [s.Name] : []));
      const fleetsOf = await readEachOnce(ctx, scope, {
        action: 'appstream:ListAssociatedFleets',
        nameField: 'StackName',
        names,
        send: (client, sdk, StackName, NextToken) =>
          client.send(new sdk.ListAssociatedFleetsCommand({ StackName, NextToken }), {
            abortSignal: ctx.signal,
          }),
        items: (page) => page.Names,
      });
      for (const stack of names) for (const fleet of fleetsOf.get(stack) ?? []) pairs.push([stack, fleet]);
    } else {
      const names = fleets.flatMap((f) => (f.Name ? [f.Name] : []));
      const stacksOf = await readEachOnce(ctx, scope, {
        action: 'appstream:ListAssociatedStacks',
        nameField: 'FleetName',
        names,
        send: (client, sdk, FleetName, NextToken) =>
          client.send(new sdk.ListAssociatedStacksCommand({ FleetName, NextToken }), {
            abortSignal: ctx.signal,
          }),
        items: (page) => page.Names,
      });
      for (const fleet of names) for (const stack of stacksOf.get(fleet) ?? []) pairs.push([stack, fleet]);
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
export function listUsageReportSubscriptions(
  ctx: ToolContext,
  scope: Scope,
): Promise<UsageReportSubscription[]> {
  return listOnce(ctx, {
    action: 'appstream:DescribeUsageReportSubscriptions',
    where: scope,
    input: {},
    pages: () =>
      lazyTokenPages(ctx, scope, (client, sdk, NextToken) =>
        client.send(new sdk.DescribeUsageReportSubscriptionsCommand({ NextToken }), {
          abortSignal: ctx.signal,
        }),
      ),
    items: (page) => page.UsageReportSubscriptions,
  });
}

/** User-pool users: DescribeUsers only lists USERPOOL users (federated users are not stored). */
export function listUserPoolUsers(ctx: ToolContext, scope: Scope): Promise<User[]> {
  return listOnce(ctx, {
    action: 'appstream:DescribeUsers',
    where: scope,
    input: { AuthenticationType: 'USERPOOL' },
    pages: () =>
      lazyTokenPages(ctx, scope, (client, sdk, NextToken) =>
        client.send(new sdk.DescribeUsersCommand({ AuthenticationType: 'USERPOOL', NextToken }), {
          abortSignal: ctx.signal,
        }),
      ),
    items: (page) => page.Users,
  });
}

/**
 * The user-pool entitlements of each stack (one paginated call per stack, bounded concurrency),
 * kept in the estate snapshot (see {@link readEachOnce}); in the order of `stackNames`.
 */
export async function listStackEntitlements(
  ctx: ToolContext,
  scope: Scope,
  stackNames: readonly string[],
): Promise<UserStackAssociation[]> {
  const byStack = await readEachOnce(ctx, scope, {
    action: 'appstream:DescribeUserStackAssociations',
    nameField: 'StackName',
    input: { MaxResults: ASSOCIATIONS_PAGE },
    names: stackNames,
    send: (client, sdk, StackName, NextToken) =>
      client.send(
        new sdk.DescribeUserStackAssociationsCommand({ StackName, MaxResults: ASSOCIATIONS_PAGE, NextToken }),
        { abortSignal: ctx.signal },
      ),
    items: (page) => page.UserStackAssociations,
  });
  return stackNames.flatMap((name) => byStack.get(name) ?? []);
}

/**
 * The AppStream scaling activities of the scope since `since`: one namespace-wide scan (no
 * ResourceId) instead of one per fleet, stopping early only when {@link newestFirstCutoff} shows
 * the rest is older than the window. The scan reaches back to the hour before `since` and is kept
 * in the estate snapshot under that hour, so the same question a minute later (a later `since`)
 * reuses it; the exact window is applied here.
 */
export async function listScalingActivitiesSince(
  ctx: ToolContext,
  scope: Scope,
  since: Date,
): Promise<ScalingActivity[]> {
  const reachBack = new Date(Math.floor(since.getTime() / HOUR_MS) * HOUR_MS);
  const activities = await listOnce(ctx, {
    action: 'application-autoscaling:DescribeScalingActivities',
    where: scope,
    input: { ServiceNamespace: 'appstream', MaxResults: SCALING_PAGE, startedSince: reachBack.toISOString() },
    pages: async function* () {
      const { ApplicationAutoScalingClient, paginateDescribeScalingActivities } =
        await applicationAutoScalingSdk();
      const done = newestFirstCutoff(reachBack);
      for await (const page of paginateDescribeScalingActivities(
        { client: ctx.aws.client(ApplicationAutoScalingClient, scope), pageSize: SCALING_PAGE },
        { ServiceNamespace: 'appstream' },
      )) {
        yield page;
        if (done(page.ScalingActivities ?? [])) return;
      }
    },
    items: (page) => page.ScalingActivities,
  });
  return activities.filter((a) => (a.StartTime?.getTime() ?? 0) >= since.getTime());
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
 * and has no batch form, so callers ask only for images flagged ImageSharedWithOthers TRUE; each
 * image's answer is kept in the estate snapshot (few images are shared out, so one entry each).
 */
export function listImagePermissions(
  ctx: ToolContext,
  scope: Scope,
  imageName: string,
): Promise<SharedImagePermissions[]> {
  return listOnce(ctx, {
    action: 'appstream:DescribeImagePermissions',
    where: scope,
    input: { Name: imageName, MaxResults: PERMISSIONS_PAGE },
    pages: () =>
      lazyTokenPages(ctx, scope, (client, sdk, NextToken) =>
        client.send(
          new sdk.DescribeImagePermissionsCommand({
            Name: imageName,
            MaxResults: PERMISSIONS_PAGE,
            NextToken,
          }),
          { abortSignal: ctx.signal },
        ),
      ),
    items: (page) => page.SharedImagePermissionsList,
  });
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

/**
 * The stacks one fleet serves (ListAssociatedStacks, all pages), through `listOnce` like the
 * sessions read after it: the usage question asked again reads nothing new.
 */
export function listStacksOfFleet(ctx: ToolContext, scope: Scope, fleetName: string): Promise<string[]> {
  return listOnce(ctx, {
    action: 'appstream:ListAssociatedStacks',
    where: scope,
    input: { FleetName: fleetName },
    pages: () =>
      lazyTokenPages(ctx, scope, (client, sdk, NextToken) =>
        client.send(new sdk.ListAssociatedStacksCommand({ FleetName: fleetName, NextToken }), {
          abortSignal: ctx.signal,
        }),
      ),
    items: (page) => page.Names,
  });
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
