/**
 * The Resource Groups Tagging API's GetResources over the WorkSpaces resources the estate tags:
 * desktops (`workspaces:workspace`) and pools (`workspaces:workspacespool`), with the same tags
 * DescribeTags returns. As in AWS: one account and region per request, only resources that carry
 * at least one tag, ResourcesPerPage 1-100 (default 50), an empty PaginationToken on the last
 * page, and tag keys and values matched case-sensitively.
 */
import type { Tag } from '@aws-sdk/client-workspaces';
import { SimulatedAwsError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { OperationHandler, SimRequest } from '../../handlers.js';
import { at } from '../../model.js';
import { pageOf } from '../../paging.js';

const INVALID = 'InvalidParameterException';

/** A tagged resource as GetResources lists it. */
interface TaggedResource {
  readonly type: string;
  readonly arn: string;
  readonly tags: readonly Tag[];
}

/** Every WorkSpaces resource with a tag in the request's account and region, desktops first. */
function taggedResources(estate: Estate, request: SimRequest): TaggedResource[] {
  const arn = (path: string) => `arn:aws:workspaces:${request.region}:${request.account}:${path}`;
  const desktops = estate.personal.desktops
    .filter((d) => at(d, request.account, request.region) && d.tags.length > 0)
    .map((d) => ({
      type: 'workspaces:workspace',
      arn: arn(`workspace/${d.workspace.WorkspaceId ?? ''}`),
      tags: d.tags,
    }));
  const pools = estate.pools.pools
    .filter((p) => at(p, request.account, request.region) && p.tags.length > 0)
    .map((p) => ({
      type: 'workspaces:workspacespool',
      arn: arn(`workspacespool/${p.pool.PoolId ?? ''}`),
      tags: p.tags,
    }));
  return [...desktops, ...pools];
}

/** A list of strings, or an InvalidParameterException naming the field. */
function stringList(input: Readonly<Record<string, unknown>>, field: string): string[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new SimulatedAwsError(INVALID, `${field} must be a list of strings.`);
  return value as string[];
}

/** A resource type filter: `service` (every type of it) or `service:type`. */
function matchesType(type: string, filters: readonly string[] | undefined): boolean {
  if (!filters || filters.length === 0) return true;
  return filters.some((f) => f === type || (!f.includes(':') && type.startsWith(`${f}:`)));
}

/** TagFilters: every filter must match (AND); a filter's Values, if any, are alternatives (OR). */
function matchesTags(
  tags: readonly Tag[],
  filters: readonly { Key?: unknown; Values?: unknown }[] | undefined,
): boolean {
  return (filters ?? []).every(({ Key, Values }) => {
    const values = Array.isArray(Values) ? Values : [];
    return tags.some((t) => t.Key === Key && (values.length === 0 || values.includes(t.Value)));
  });
}

const getResources: OperationHandler = (request, estate) => {
  const input = request.input;
  const perPage = input.ResourcesPerPage ?? 50;
  if (typeof perPage !== 'number' || !Number.isInteger(perPage) || perPage < 1 || perPage > 100)
    throw new SimulatedAwsError(INVALID, 'ResourcesPerPage must be between 1 and 100.');
  const types = stringList(input, 'ResourceTypeFilters');
  const rawFilters = input.TagFilters;
  if (rawFilters !== undefined && (!Array.isArray(rawFilters) || rawFilters.length > 50))
    throw new SimulatedAwsError(INVALID, 'TagFilters must be a list of at most 50 filters.');
  const tagFilters = rawFilters as readonly { Key?: unknown; Values?: unknown }[] | undefined;
  const matching = taggedResources(estate, request).filter(
    (r) => matchesType(r.type, types) && matchesTags(r.tags, tagFilters),
  );
  const page = pageOf(
    'GetResources',
    matching,
    input.PaginationToken,
    perPage,
    'PaginationTokenExpiredException',
  );
  return {
    ResourceTagMappingList: page.items.map((r) => ({
      ResourceARN: r.arn,
      Tags: r.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
    })),
    PaginationToken: page.nextToken ?? '',
  };
};

/** The `tag` (Resource Groups Tagging API) operations the simulator answers. */
export const taggingOperations = { GetResources: getResources };
