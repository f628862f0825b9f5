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
  Fleet,
  Image,
  ImageBuilder,
  Stack,
  UsageReportSubscription,
  User,
  UserStackAssociation,
} from '@aws-sdk/client-appstream';
import {
  collectPages,
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

export function listFleets(ctx: ToolContext, scope: Scope): Promise<Fleet[]> {
  return ctx.memo(`applications:fleets:${scopeKey(ctx.aws, scope)}`, async () => {
    const { DescribeFleetsCommand } = await appStreamSdk();
    const client = await appstreamClient(ctx, scope);
    return collectPages(
      tokenPages(ctx, (NextToken) => client.send(new DescribeFleetsCommand({ NextToken }))),
      (page) => page.Fleets,
    );
  });
}

export function listStacks(ctx: ToolContext, scope: Scope): Promise<Stack[]> {
  return ctx.memo(`applications:stacks:${scopeKey(ctx.aws, scope)}`, async () => {
    const { DescribeStacksCommand } = await appStreamSdk();
    const client = await appstreamClient(ctx, scope);
    return collectPages(
      tokenPages(ctx, (NextToken) => client.send(new DescribeStacksCommand({ NextToken }))),
      (page) => page.Stacks,
    );
  });
}

export function listImageBuilders(ctx: ToolContext, scope: Scope): Promise<ImageBuilder[]> {
  return ctx.memo(`applications:image-builders:${scopeKey(ctx.aws, scope)}`, async () => {
    const { DescribeImageBuildersCommand } = await appStreamSdk();
    const client = await appstreamClient(ctx, scope);
    return collectPages(
      tokenPages(ctx, (NextToken) =>
        client.send(new DescribeImageBuildersCommand({ MaxResults: PAGE_25, NextToken })),
      ),
      (page) => page.ImageBuilders,
    );
  });
}

export function listAppBlockBuilders(ctx: ToolContext, scope: Scope): Promise<AppBlockBuilder[]> {
  return ctx.memo(`applications:app-block-builders:${scopeKey(ctx.aws, scope)}`, async () => {
    const { paginateDescribeAppBlockBuilders } = await appStreamSdk();
    return collectPages(
      paginateDescribeAppBlockBuilders({ client: await appstreamClient(ctx, scope), pageSize: PAGE_25 }, {}),
      (page) => page.AppBlockBuilders,
      { signal: ctx.signal },
    );
  });
}

/** The account's own images (PUBLIC base images and images shared in are someone else's to patch). */
export function listPrivateImages(ctx: ToolContext, scope: Scope): Promise<Image[]> {
  return ctx.memo(`applications:private-images:${scopeKey(ctx.aws, scope)}`, async () => {
    const { paginateDescribeImages } = await appStreamSdk();
    return collectPages(
      paginateDescribeImages(
        { client: await appstreamClient(ctx, scope), pageSize: PAGE_25 },
        { Type: 'PRIVATE' },
      ),
      (page) => page.Images,
      { signal: ctx.signal },
    );
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
