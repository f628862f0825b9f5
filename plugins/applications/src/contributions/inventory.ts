import { type InventoryContributor, SERVICE_LABELS, tally } from '@workspaces-euc-mcp/host';
import {
  listAppBlockBuilders,
  listFleets,
  listImageBuilders,
  listStacks,
  stackFleetLinks,
} from '../aws/appstream.js';
import { appBlockBuilderRow, fleetRow, imageBuilderRow, stackRow, stackState } from '../rows.js';

/**
 * The stack ↔ fleet join costs one ListAssociatedFleets per stack or one ListAssociatedStacks per
 * fleet (whichever side is shorter, memoised per call); both actions are declared because either
 * may be the one sent.
 */
const LINK_ACTIONS = ['appstream:ListAssociatedFleets', 'appstream:ListAssociatedStacks'];

/** Fleets by state, fleet type and instance type, one row per fleet with its capacity and stacks. */
export const fleetInventory: InventoryContributor = {
  id: 'applications.fleets',
  service: SERVICE_LABELS.applications,
  resourceType: 'Fleet',
  iam: ['appstream:DescribeFleets', 'appstream:DescribeStacks', ...LINK_ACTIONS],
  async collect(ctx, scope) {
    const [fleets, links] = await Promise.all([listFleets(ctx, scope), stackFleetLinks(ctx, scope)]);
    const byState: Record<string, number> = {};
    const fleetType: Record<string, number> = {};
    const instanceType: Record<string, number> = {};
    for (const fleet of fleets) {
      tally(byState, fleet.State ?? 'UNKNOWN');
      tally(fleetType, fleet.FleetType ?? 'UNKNOWN');
      tally(instanceType, fleet.InstanceType ?? 'UNKNOWN');
    }
    return {
      byState,
      breakdowns: { fleetType, instanceType },
      rows: fleets.map((f) => fleetRow(f, links.stacksOfFleet.get(f.Name ?? '') ?? [])),
    };
  },
};

/** Stacks, by whether a fleet streams them, with their fleets and outward data channels. */
export const stackInventory: InventoryContributor = {
  id: 'applications.stacks',
  service: SERVICE_LABELS.applications,
  resourceType: 'Stack',
  iam: ['appstream:DescribeFleets', 'appstream:DescribeStacks', ...LINK_ACTIONS],
  async collect(ctx, scope) {
    const [stacks, links] = await Promise.all([listStacks(ctx, scope), stackFleetLinks(ctx, scope)]);
    const rows = stacks.map((s) => stackRow(s, links.fleetsOfStack.get(s.Name ?? '') ?? []));
    const byState: Record<string, number> = {};
    const outwardChannelsOpen: Record<string, number> = {};
    for (const row of rows) {
      tally(byState, stackState(links.fleetsOfStack.get(row.id) ?? []));
      tally(outwardChannelsOpen, String(row.attributes.outwardChannelsOpen));
    }
    return { byState, breakdowns: { outwardChannelsOpen }, rows };
  },
};

/** Image builders by state and instance type. */
export const imageBuilderInventory: InventoryContributor = {
  id: 'applications.image-builders',
  service: SERVICE_LABELS.applications,
  resourceType: 'Image builder',
  iam: ['appstream:DescribeImageBuilders'],
  async collect(ctx, scope) {
    const builders = await listImageBuilders(ctx, scope);
    const byState: Record<string, number> = {};
    const instanceType: Record<string, number> = {};
    for (const builder of builders) {
      tally(byState, builder.State ?? 'UNKNOWN');
      tally(instanceType, builder.InstanceType ?? 'UNKNOWN');
    }
    return { byState, breakdowns: { instanceType }, rows: builders.map(imageBuilderRow) };
  },
};

/** App block builders (they package applications for Elastic fleets) by state. */
export const appBlockBuilderInventory: InventoryContributor = {
  id: 'applications.app-block-builders',
  service: SERVICE_LABELS.applications,
  resourceType: 'App block builder',
  iam: ['appstream:DescribeAppBlockBuilders'],
  async collect(ctx, scope) {
    const builders = await listAppBlockBuilders(ctx, scope);
    const byState: Record<string, number> = {};
    for (const builder of builders) tally(byState, builder.State ?? 'UNKNOWN');
    return { byState, rows: builders.map(appBlockBuilderRow) };
  },
};

/** Every inventory contributor of this plugin. */
export const applicationsInventory = [
  fleetInventory,
  stackInventory,
  imageBuilderInventory,
  appBlockBuilderInventory,
] as const;
