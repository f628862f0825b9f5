import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
  pageOf,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  selectScopes,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { alarmsInAlarm } from '../alarms/alarm-scan.js';
import {
  type AlarmRow,
  AlarmRowSchema,
  eucAlarms,
  rankAlarms,
  scalingBlockedByCapacity,
} from '../alarms/alarms.js';
import { intInput, ScopeSchema, scopesPhrase } from '../answer.js';

/** Alarms a default answer lists (~550 bytes each, sent twice over MCP); the counts cover every one. */
const DEFAULT_ROWS = 10;

const Input = Type.Object(
  {
    ...ScopeInput,
    includeAutoscaling: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer()),
    cursor: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  scopes: Type.Array(ScopeSchema),
  counts: Type.Object({
    accountAlarmsInAlarm: Type.Integer({ description: 'Every alarm in ALARM in the scopes, EUC or not.' }),
    eucInAlarm: Type.Integer(),
    incidents: Type.Integer({ description: 'EUC alarms in ALARM that do not drive scaling.' }),
    autoscaling: Type.Integer({ description: 'EUC alarms in ALARM whose action is a scaling policy.' }),
    scalingBlocked: Type.Optional(
      Type.Integer({
        description: 'Of those, on a fleet whose InsufficientCapacityError alarm fires: scaling is failing.',
      }),
    ),
    composite: Type.Integer(),
  }),
  byService: Type.Record(Type.String(), Type.Integer()),
  alarms: Type.Array(AlarmRowSchema, { description: 'Incidents first, newest transition first.' }),
  alarmsTotal: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

/** get_euc_active_alarms: the EUC alarms firing now, scaling alarms told apart from incidents. */
export const getEucActiveAlarms = defineTool({
  name: 'get_euc_active_alarms',
  title: 'Firing EUC alarms',
  description:
    'Is anything on fire? CloudWatch alarms in ALARM on WorkSpaces, Applications or Secure Browser metrics (metric, math, composite). Scaling-policy alarms are counted, listed only with includeAutoscaling, unless the fleet’s InsufficientCapacityError fires.',
  tier: 0,
  iam: ['cloudwatch:DescribeAlarms'],
  input: Input,
  output: Output,
  async run(input, ctx): Promise<Static<typeof Output>> {
    const scopes = selectScopes(ctx.aws, input);
    const limit = intInput('limit', input.limit, DEFAULT_ROWS, 1, 200);
    let done = 0;
    const settled = await mapBounded(scopes, ctx.limits.concurrency, async (scope) => {
      const alarms = await alarmsInAlarm(ctx, scope);
      ctx.progress(++done, scopes.length, `alarms ${scopeLabel(scope)}`);
      return alarms;
    });
    const multiAccount = new Set(scopes.map((s) => s.account)).size > 1;
    const rows: AlarmRow[] = [];
    const errors: ErrorEntry[] = [];
    let accountAlarmsInAlarm = 0;
    for (const outcome of settled) {
      if (!outcome.ok) {
        errors.push(errorEntry(SERVICE_LABELS.cloudwatch, outcome.item, outcome.error));
        continue;
      }
      const { metric, composite } = outcome.value;
      accountAlarmsInAlarm += metric.length + composite.length;
      // The account is said once per answer unless the answer spans several.
      const where = multiAccount ? outcome.item : { region: outcome.item.region };
      rows.push(...eucAlarms(metric, composite, where));
    }
    const byService: Record<string, number> = {};
    for (const row of rows) byService[row.service] = (byService[row.service] ?? 0) + 1;
    const autoscaling = rows.filter((r) => r.autoscaling).length;
    // Scaling alarms on a fleet that cannot get capacity are not scaling at work: listed, named.
    const blockedByFleet = scalingBlockedByCapacity(rows);
    const blocked = new Set([...blockedByFleet.values()].flat());
    const counts = {
      accountAlarmsInAlarm,
      eucInAlarm: rows.length,
      incidents: rows.length - autoscaling,
      autoscaling,
      ...(blocked.size > 0 ? { scalingBlocked: blocked.size } : {}),
      composite: rows.filter((r) => r.type === 'composite').length,
    };
    const listed = rankAlarms(
      input.includeAutoscaling === true ? rows : rows.filter((r) => !r.autoscaling || blocked.has(r)),
    );
    const blockedFleets = [...blockedByFleet.keys()];
    const atWork = counts.autoscaling - blocked.size;
    const { page, offset, nextCursor } = pageOf(listed, { ...input, limit }, ctx.limits);
    const first = listed.find((r) => !r.autoscaling);
    const summary =
      `${counts.incidents} EUC alarm${counts.incidents === 1 ? '' : 's'} firing` +
      (atWork > 0
        ? ` (plus ${atWork} scaling alarm${atWork === 1 ? '' : 's'} in ALARM, which is scaling at work)`
        : '') +
      (blocked.size > 0
        ? ` Scaling is failing, not at work, on ${blockedFleets.slice(0, 3).join(', ')}${blockedFleets.length > 3 ? ` and ${blockedFleets.length - 3} more` : ''}: ${blocked.size} scaling alarm${blocked.size === 1 ? '' : 's'} fire there while InsufficientCapacityError does (listed).`
        : '') +
      ` of ${accountAlarmsInAlarm} alarms in ALARM across ${scopesPhrase(scopes.length)}.` +
      (first ? ` Latest: ${first.name} (${first.service}, ${scopeLabel(first)}).` : '') +
      (page.length > 0 && listed.length > page.length
        ? ` Listing ${offset + 1}–${offset + page.length} of ${listed.length}${nextCursor ? '; pass nextCursor for more' : ''}.`
        : '') +
      (errors.length > 0 ? ` Partial: ${errors.length} error(s), see errors.` : '');
    return {
      summary,
      scopes: scopes.map((s) => ({ ...s })),
      counts,
      byService,
      alarms: page,
      alarmsTotal: listed.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      errors: errors.slice(0, 100),
      notes: [
        blocked.size > 0
          ? 'Target tracking keeps its scale-in alarm (AlarmLow) in ALARM whenever a fleet runs below target; that is expected, except on a fleet whose InsufficientCapacityError alarm fires: it cannot get the instances scaling asks for (instance quota, subnet addresses or the Region’s capacity).'
          : 'Target tracking keeps its scale-in alarm (AlarmLow) in ALARM whenever a fleet runs below target; that is expected.',
        'A composite alarm counts as EUC when one of its firing children watches an EUC namespace.',
      ],
    };
  },
});
