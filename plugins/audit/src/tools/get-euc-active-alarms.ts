import {
  defineTool,
  ErrorEntry,
  errorEntry,
  mapBounded,
  ScopeInput,
  SERVICE_LABELS,
  selectScopes,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { alarmsInAlarm } from '../alarms/alarm-scan.js';
import { type AlarmRow, AlarmRowSchema, eucAlarms, rankAlarms } from '../alarms/alarms.js';
import { ScopeSchema } from '../answer.js';

const Input = Type.Object(
  {
    ...ScopeInput,
    includeAutoscaling: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          'List scaling alarms too (after the incidents). They are counted either way; their ALARM state is scaling at work.',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Rows in alarms[].' }),
    ),
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
    composite: Type.Integer(),
  }),
  byService: Type.Record(Type.String(), Type.Integer()),
  alarms: Type.Array(AlarmRowSchema, { description: 'Incidents first, newest transition first.' }),
  alarmsTotal: Type.Integer(),
  errors: Type.Array(ErrorEntry),
  notes: Type.Array(Type.String()),
});

/** get_euc_active_alarms: the EUC alarms firing now, scaling alarms told apart from incidents. */
export const getEucActiveAlarms = defineTool({
  name: 'get_euc_active_alarms',
  title: 'Firing EUC alarms',
  description:
    'CloudWatch alarms in ALARM that watch WorkSpaces (AWS/WorkSpaces), WorkSpaces Applications (AWS/AppStream) or Secure Browser (AWS/WorkSpacesWeb) — plain metric alarms, metric-math alarms (by the namespaces of their MetricStat queries) and composite alarms built on them — per region. Alarms whose action is an Application Auto Scaling policy (e.g. TargetTracking-fleet/<name>-AlarmLow-<id>) are recognised by that action and reported as scaling, not incidents. Use it for "is anything on fire" before diagnosing a fleet, pool or directory. Cost: DescribeAlarms with StateValue=ALARM, 100 alarms a page, per region.',
  tier: 0,
  iam: ['cloudwatch:DescribeAlarms'],
  input: Input,
  output: Output,
  async run(input, ctx): Promise<Static<typeof Output>> {
    const scopes = selectScopes(ctx.aws, input);
    const settled = await mapBounded(scopes, ctx.limits.concurrency, (scope) => alarmsInAlarm(ctx, scope));
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
      rows.push(...eucAlarms(metric, composite, outcome.item));
    }
    const byService: Record<string, number> = {};
    for (const row of rows) byService[row.service] = (byService[row.service] ?? 0) + 1;
    const autoscaling = rows.filter((r) => r.autoscaling).length;
    const counts = {
      accountAlarmsInAlarm,
      eucInAlarm: rows.length,
      incidents: rows.length - autoscaling,
      autoscaling,
      composite: rows.filter((r) => r.type === 'composite').length,
    };
    const listed = rankAlarms(input.includeAutoscaling === false ? rows.filter((r) => !r.autoscaling) : rows);
    const first = listed.find((r) => !r.autoscaling);
    const summary =
      `${counts.incidents} EUC alarm${counts.incidents === 1 ? '' : 's'} firing` +
      (counts.autoscaling > 0
        ? ` (plus ${counts.autoscaling} scaling alarm${counts.autoscaling === 1 ? '' : 's'} in ALARM, which is scaling at work)`
        : '') +
      ` of ${accountAlarmsInAlarm} alarms in ALARM across ${scopes.length} region scope${scopes.length === 1 ? '' : 's'}.` +
      (first ? ` Latest: ${first.name} (${first.service}, ${first.region}).` : '') +
      (errors.length > 0 ? ' Partial: see errors.' : '');
    return {
      summary,
      scopes: scopes.map((s) => ({ ...s })),
      counts,
      byService,
      alarms: listed.slice(0, input.limit ?? 50),
      alarmsTotal: listed.length,
      errors,
      notes: [
        'Target tracking keeps its scale-in alarm (AlarmLow) in ALARM whenever a fleet runs below target; that is expected.',
        'A composite alarm counts as EUC when one of its firing children watches an EUC namespace.',
      ],
    };
  },
});
