import type { InstanceTypeInfo } from '@aws-sdk/client-workspaces-instances';
import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  selectScopes,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { instanceTypes, supportedRegions } from '../aws.js';

/** The catalogue changes when AWS adds a type or region: a few hours old is fresh enough. */
const CATALOGUE_TTL_MS = 6 * 3_600_000;
/** Types not offered in every scope, listed with their regions; more are only counted. */
const MAX_REGIONAL = 50;

const Input = Type.Object(
  {
    instanceType: Type.Optional(
      Type.String({ maxLength: 32, description: 'Exact type (g4dn.xlarge) or prefix (g4dn, g).' }),
    ),
    platform: Type.Optional(Type.String({ maxLength: 32, description: 'e.g. Windows BYOL.' })),
    billingMode: Type.Optional(Type.Enum(['HOURLY', 'MONTHLY'])),
    ...ScopeInput,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 600, default: 100 })),
  },
  { additionalProperties: false },
);

const Configuration = Type.Object({
  billingMode: Type.String(),
  platform: Type.String(),
  tenancy: Type.String(),
});

const Output = Type.Object({
  summary: Type.String(),
  supportedRegions: Type.Array(Type.String(), { description: 'Regions that offer managed instances.' }),
  unsupportedScopes: Type.Array(Type.String(), { description: 'Configured scopes whose region does not.' }),
  instanceTypes: Type.Array(Type.String(), { description: 'Matching types, sorted; see total.' }),
  total: Type.Integer(),
  notEverywhere: Type.Record(Type.String(), Type.Array(Type.String()), {
    description: 'Matching types offered in only some scopes → those scopes.',
  }),
  configurations: Type.Optional(
    Type.Array(Configuration, { description: 'For an exact instanceType: what it supports.' }),
  ),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

const SERVICE = SERVICE_LABELS.coreInstances;

/** True when the type offers a configuration with the asked platform and billing mode. */
function offers(type: InstanceTypeInfo, input: Static<typeof Input>): boolean {
  const name = type.InstanceType ?? '';
  if (input.instanceType && name !== input.instanceType && !name.startsWith(input.instanceType)) return false;
  if (!input.platform && !input.billingMode) return true;
  const platform = input.platform?.toLowerCase();
  return (type.SupportedInstanceConfigurations ?? []).some(
    (c) =>
      (!platform || c.PlatformType?.toLowerCase() === platform) &&
      (!input.billingMode || c.BillingMode === input.billingMode),
  );
}

/** ListRegions once per account (from its first scope), cached; failures go to `errors`. */
async function regionsByAccount(
  ctx: ToolContext,
  scopes: readonly Scope[],
  errors: ErrorEntry[],
): Promise<Map<string, Set<string>>> {
  const firsts = [...new Map(scopes.map((s) => [s.account ?? '', s])).values()];
  const settled = await mapBounded(firsts, ctx.limits.concurrency, (scope) =>
    ctx.cache.get('core-instances:regions', { ttlMs: CATALOGUE_TTL_MS, scope }, () =>
      supportedRegions(ctx, scope),
    ),
  );
  const byAccount = new Map<string, Set<string>>();
  for (const outcome of settled) {
    if (outcome.ok) byAccount.set(outcome.item.account ?? '', new Set(outcome.value.value));
    else errors.push(errorEntry(SERVICE, outcome.item, outcome.error, 'Regions not read: '));
  }
  return byAccount;
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scopes = selectScopes(ctx.aws, input);
  const errors: ErrorEntry[] = [];
  const regions = await regionsByAccount(ctx, scopes, errors);
  // A region the service is not offered in has no endpoint to ask; one whose account's region
  // list could not be read is asked anyway.
  const unsupported = scopes.filter((s) => regions.get(s.account ?? '')?.has(s.region) === false);
  const asked = scopes.filter((s) => !unsupported.includes(s));
  const settled = await mapBounded(asked, ctx.limits.concurrency, (scope) =>
    ctx.cache.get('core-instances:instance-types', { ttlMs: CATALOGUE_TTL_MS, scope }, () =>
      instanceTypes(ctx, scope),
    ),
  );
  const scopesOf = new Map<string, string[]>();
  const configurations = new Map<string, Static<typeof Configuration>>();
  let answered = 0;
  for (const outcome of settled) {
    if (!outcome.ok) {
      errors.push(errorEntry(SERVICE, outcome.item, outcome.error, 'Instance types not read: '));
      continue;
    }
    answered += 1;
    for (const type of outcome.value.value.filter((t) => offers(t, input))) {
      const name = type.InstanceType ?? '';
      scopesOf.set(name, [...(scopesOf.get(name) ?? []), scopeLabel(outcome.item)]);
      if (name === input.instanceType)
        for (const c of type.SupportedInstanceConfigurations ?? [])
          configurations.set(`${c.BillingMode}|${c.PlatformType}|${c.Tenancy}`, {
            billingMode: c.BillingMode ?? '',
            platform: c.PlatformType ?? '',
            tenancy: c.Tenancy ?? '',
          });
    }
  }
  const names = [...scopesOf.keys()].sort();
  const notEverywhere = Object.fromEntries(
    names
      .filter((n) => (scopesOf.get(n)?.length ?? 0) < answered)
      .slice(0, MAX_REGIONAL)
      .map((n) => [n, scopesOf.get(n) ?? []]),
  );
  const supported = [...new Set([...regions.values()].flatMap((s) => [...s]))].sort();
  const limit = input.limit ?? 100;
  const exact = input.instanceType !== undefined && scopesOf.has(input.instanceType);
  const summary =
    `${names.length} instance type(s) match in ${answered} scope(s)` +
    (names.length > limit ? ` (first ${limit} listed)` : '') +
    `; managed instances are offered in ${supported.length} region(s).` +
    (unsupported.length > 0 ? ` Not offered in configured ${unsupported.map(scopeLabel).join(', ')}.` : '') +
    (exact
      ? ` ${input.instanceType} supports ${configurations.size} platform/billing/tenancy combination(s).`
      : '') +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    supportedRegions: supported,
    unsupportedScopes: unsupported.map(scopeLabel),
    instanceTypes: names.slice(0, limit),
    total: names.length,
    notEverywhere,
    ...(exact
      ? {
          configurations: [...configurations.values()].sort((a, b) =>
            `${a.platform}|${a.billingMode}|${a.tenancy}`.localeCompare(
              `${b.platform}|${b.billingMode}|${b.tenancy}`,
            ),
          ),
        }
      : {}),
    errors,
  };
}

/** list_core_instance_options: what a new managed instance could be, and where. */
export const listCoreInstanceOptions = defineTool({
  name: 'list_core_instance_options',
  title: 'Core managed instance types and regions',
  description:
    'Which instance types and regions can Core managed instances use? Types per configured region by platform and billing mode; for an exact type, its platform/billing/tenancy options. Cached 6 h.',
  tier: 0,
  iam: ['workspaces-instances:ListRegions', 'workspaces-instances:ListInstanceTypes'],
  input: Input,
  output: Output,
  run,
});
