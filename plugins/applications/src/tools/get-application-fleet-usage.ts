import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  type ToolContext,
  wholeDaysWindow,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { listFleetSessions, listStacksOfFleet } from '../aws/appstream.js';
import { FleetInput, locateFleet } from '../aws/locate-fleet.js';
import { billedHours, billingModelOf, billingRule } from '../fleets/billing.js';
import { capacityView, sessionModelOf } from '../fleets/capacity.js';
import { dayRows, usageTotals } from '../fleets/daily.js';
import { FleetFacts, fleetFacts } from '../fleets/facts.js';
import { LiveSessionRow, summarizeLive } from '../fleets/live-sessions.js';
import { fleetDailySeries } from '../fleets/series.js';

/** Session rows shown (newest first); list_application_sessions lists them all. */
const SESSION_ROWS = 20;

/**
 * Day rows go out as arrays under one header: 90 days of named fields were ~10 KB of JSON, twice
 * that as sent over MCP (the answer goes out twice); the same numbers as arrays are a third.
 */
const DAY_COLUMNS = ['day', 'capacityAvg', 'capacityMax', 'inUseAvg', 'inUseMax', 'rejected'] as const;

const Input = Type.Object(
  {
    fleet: FleetInput,
    lookbackDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  fleet: FleetFacts,
  billing: Type.Object({
    rule: Type.String(),
    fullRateInstanceHours: Type.Integer(),
    stoppedFeeInstanceHours: Type.Integer({ description: 'On-Demand only.' }),
    utilizationPercent: Type.Union([Type.Integer(), Type.Null()]),
  }),
  unit: Type.String({ description: 'Unit of the day columns: instances or user sessions.' }),
  dayColumns: Type.Array(Type.String()),
  days: Type.Array(
    Type.Tuple([Type.String(), Type.Number(), Type.Number(), Type.Number(), Type.Number(), Type.Number()]),
    {
      description:
        'One row a day with data, oldest first, in dayColumns order (rejected: InsufficientCapacityError sum); a stopped fleet publishes nothing.',
    },
  ),
  live: Type.Optional(
    Type.Object({
      total: Type.Integer(),
      connected: Type.Integer(),
      users: Type.Integer(),
      byStack: Type.Record(Type.String(), Type.Integer()),
      sessions: Type.Array(LiveSessionRow, { description: 'Newest first, up to 20.' }),
    }),
  ),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const where = await locateFleet(ctx, input.fleet, input);
  const { fleet, scope, name } = where;
  const days = input.lookbackDays ?? 7;
  const now = ctx.now();
  const window = wholeDaysWindow(now, days);
  const errors: ErrorEntry[] = [];
  const [series, sessions] = await Promise.all([
    fleetDailySeries(ctx, scope, [fleet], window)
      .then((read) => read.get(name))
      .catch((error: unknown) => {
        errors.push(errorEntry(SERVICE_LABELS.cloudwatch, scope, error));
        return undefined;
      }),
    listStacksOfFleet(ctx, scope, name)
      .then((stacks) => listFleetSessions(ctx, scope, name, stacks))
      .catch((error: unknown) => {
        errors.push(errorEntry(SERVICE_LABELS.applications, scope, error));
        return undefined;
      }),
  ]);
  let rows: ReturnType<typeof dayRows> = [];
  if (series && 'code' in series)
    errors.push(errorEntry(SERVICE_LABELS.cloudwatch, scope, series, 'AWS/AppStream: '));
  else if (series) rows = dayRows(series, now);
  const model = sessionModelOf(fleet);
  const totals = usageTotals(rows, model, fleet.MaxSessionsPerInstance ?? 1);
  const billingModel = billingModelOf(fleet);
  const billed = billedHours(billingModel, totals);
  const live = sessions ? summarizeLive(sessions, now) : undefined;
  const unit = capacityView(fleet)?.unit ?? 'instances';
  const use =
    rows.length === 0
      ? `no AWS/AppStream datapoints in ${days} day(s) (a stopped fleet publishes none)`
      : billingModel === 'ALWAYS_ON'
        ? `~${billed.fullRateHours} running instance-hours billed at the full rate in ${days} day(s), ${totals.utilizationPercent ?? 0}% of them streamed; peak ${totals.peakInUse} ${unit} in use of ${totals.peakCapacity}`
        : billingModel === 'ON_DEMAND'
          ? `~${billed.fullRateHours} streamed instance-hours at the full rate plus ~${billed.stoppedFeeHours} idle provisioned hours at the stopped-instance fee in ${days} day(s); peak ${totals.peakInUse} ${unit} in use`
          : `~${billed.fullRateHours} streaming hours billed in ${days} day(s); peak ${totals.peakInUse} concurrent sessions of ${fleet.MaxConcurrentSessions ?? '?'} allowed`;
  const rejected =
    totals.rejected > 0 ? `; ${totals.rejected} session request(s) refused for lack of capacity` : '';
  const liveText = live
    ? `${live.total} live session(s) now (${live.connected} connected, ${live.users} user(s))`
    : 'live sessions unreadable';
  const summary =
    `${SERVICE_LABELS.applications} fleet ${name} (${fleet.State ?? 'UNKNOWN'}, ${fleet.FleetType ?? ''}, ${scopeLabel(scope)}): ${liveText}; ${use}${rejected}.` +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    fleet: fleetFacts(fleet, scope),
    billing: {
      rule: billingRule(fleet),
      fullRateInstanceHours: billed.fullRateHours,
      stoppedFeeInstanceHours: billed.stoppedFeeHours,
      utilizationPercent: totals.utilizationPercent,
    },
    unit,
    dayColumns: [...DAY_COLUMNS],
    days: rows.map((r) => [r.day, r.capacityAvg, r.capacityMax, r.inUseAvg, r.inUseMax, r.rejected]),
    ...(live
      ? {
          live: {
            total: live.total,
            connected: live.connected,
            users: live.users,
            byStack: live.byStack,
            sessions: live.rows.slice(0, SESSION_ROWS),
          },
        }
      : {}),
    notes: [
      'Instance-hours are estimates from daily averages of AWS/AppStream capacity (multi-session: user-session slots ÷ MaxSessionsPerInstance). Price them with get_euc_service_prices.',
    ],
    errors,
  };
}

/** get_application_fleet_usage: how a fleet was used and billed lately, and who is on it now. */
export const getApplicationFleetUsage = defineTool({
  name: 'get_application_fleet_usage',
  title: 'WorkSpaces Applications fleet usage',
  description:
    'How busy is a WorkSpaces Applications (AppStream) fleet and what does it bill? Daily capacity and use, instance-hours by billing model, live sessions on its stacks.',
  tier: 0,
  iam: [
    'appstream:DescribeFleets',
    'appstream:ListAssociatedStacks',
    'appstream:DescribeSessions',
    'cloudwatch:GetMetricData',
  ],
  input: Input,
  output: Output,
  run,
});
