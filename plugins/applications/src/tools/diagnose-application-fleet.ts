import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  readMetrics,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { listFleetScalingActivities } from '../aws/appstream.js';
import { FleetInput, type LocatedFleet, locateFleet } from '../aws/locate-fleet.js';
import { capacityView } from '../fleets/capacity.js';
import {
  diagnoseFleet,
  FleetFinding,
  type ScalingSummary,
  statusOf,
  summarizeScaling,
} from '../fleets/diagnosis.js';
import { FleetFacts, fleetFacts } from '../fleets/facts.js';

const HOUR_MS = 3_600_000;

const Input = Type.Object(
  {
    fleet: FleetInput,
    lookbackHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 168, default: 24 })),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

const Count = Type.Optional(Type.Integer());

const Output = Type.Object({
  summary: Type.String(),
  status: Type.Union([Type.Literal('healthy'), Type.Literal('degraded'), Type.Literal('unhealthy')]),
  fleet: FleetFacts,
  capacity: Type.Optional(
    Type.Object(
      {
        unit: Type.String(),
        desiredInstances: Count,
        runningInstances: Count,
        inUseInstances: Count,
        availableInstances: Count,
        drainingInstances: Count,
        desiredSessions: Count,
        actualUserSessions: Count,
        activeUserSessions: Count,
        availableUserSessions: Count,
      },
      { description: 'ComputeCapacityStatus; absent for Elastic fleets (no provisioned capacity).' },
    ),
  ),
  findings: Type.Array(FleetFinding),
  scaling: Type.Optional(
    Type.Object({
      activities: Type.Integer({ description: 'All pages of the six weeks AWS keeps.' }),
      failedInWindow: Type.Integer(),
      failedSixWeeks: Type.Integer(),
      latestFailure: Type.Optional(Type.Object({ at: Type.String(), reason: Type.String() })),
    }),
  ),
  insufficientCapacityErrors: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Sum over the window; null when unread.',
  }),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

/** The object without its undefined fields (optional output fields are absent, never undefined). */
function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function capacityOf(where: LocatedFleet): Output['capacity'] {
  const view = capacityView(where.fleet);
  if (!view) return undefined;
  const s = where.fleet.ComputeCapacityStatus;
  return defined({
    unit: view.unit,
    desiredInstances: s?.Desired,
    runningInstances: s?.Running,
    inUseInstances: s?.InUse,
    availableInstances: s?.Available,
    drainingInstances: s?.Draining,
    ...(view.model === 'multi'
      ? {
          desiredSessions: s?.DesiredUserSessions,
          actualUserSessions: s?.ActualUserSessions,
          activeUserSessions: s?.ActiveUserSessions,
          availableUserSessions: s?.AvailableUserSessions,
        }
      : {}),
  });
}

async function insufficientCapacity(
  ctx: ToolContext,
  where: LocatedFleet,
  hours: number,
  errors: ErrorEntry[],
): Promise<number | null> {
  const now = ctx.now();
  const window = { start: new Date(now.getTime() - hours * HOUR_MS), end: now, periodSeconds: 3600 };
  try {
    const read = await readMetrics(
      ctx,
      where.scope,
      new Map([
        [
          'ice',
          {
            namespace: 'AWS/AppStream',
            metricName: 'InsufficientCapacityError',
            dimensions: { Fleet: where.name },
            stat: 'Sum',
            periodSeconds: 3600,
          },
        ],
      ]),
      window,
    );
    const series = read.get('ice');
    if (series && !('values' in series)) {
      errors.push(errorEntry(SERVICE_LABELS.cloudwatch, where.scope, series, 'InsufficientCapacityError: '));
      return null;
    }
    return (series?.values ?? []).reduce((sum, v) => sum + v, 0);
  } catch (error) {
    errors.push(errorEntry(SERVICE_LABELS.cloudwatch, where.scope, error));
    return null;
  }
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const where = await locateFleet(ctx, input.fleet, input);
  const hours = input.lookbackHours ?? 24;
  const since = new Date(ctx.now().getTime() - hours * HOUR_MS);
  const errors: ErrorEntry[] = [];
  const [activities, insufficient] = await Promise.all([
    listFleetScalingActivities(ctx, where.scope, where.name).catch((error: unknown) => {
      errors.push(errorEntry(SERVICE_LABELS.applicationAutoScaling, where.scope, error));
      return undefined;
    }),
    insufficientCapacity(ctx, where, hours, errors),
  ]);
  const scaling: ScalingSummary | undefined = activities ? summarizeScaling(activities, since) : undefined;
  const findings = diagnoseFleet({ fleet: where.fleet, scaling, insufficient, lookbackHours: hours });
  const status = statusOf(findings);
  const capacity = capacityOf(where);
  const top = findings.filter((f) => f.severity !== 'info').map((f) => f.title);
  const summary =
    `${SERVICE_LABELS.applications} fleet ${where.name} (${where.fleet.State ?? 'UNKNOWN'}, ${where.fleet.FleetType ?? ''}, ${scopeLabel(where.scope)}) is ${status}` +
    (top.length > 0
      ? `: ${top.slice(0, 3).join('; ')}${top.length > 3 ? `; and ${top.length - 3} more` : ''}.`
      : '.') +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    status,
    fleet: fleetFacts(where.fleet, where.scope),
    ...(capacity ? { capacity } : {}),
    findings,
    ...(scaling ? { scaling } : {}),
    insufficientCapacityErrors: insufficient,
    errors,
  };
}

/** diagnose_application_fleet: why a WorkSpaces Applications fleet is unhealthy, with fixes. */
export const diagnoseApplicationFleet = defineTool({
  name: 'diagnose_application_fleet',
  title: 'Diagnose a WorkSpaces Applications fleet',
  description:
    'Why is a WorkSpaces Applications (AppStream) fleet failing? State, fleet errors with cause and fix, capacity (sessions if multi-session), failed scaling, refused sessions.',
  tier: 0,
  iam: [
    'appstream:DescribeFleets',
    'application-autoscaling:DescribeScalingActivities',
    'cloudwatch:GetMetricData',
  ],
  input: Input,
  output: Output,
  run,
});
