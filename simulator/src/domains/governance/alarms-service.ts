/**
 * CloudWatch DescribeAlarms with the API reference's rules: alarms sorted by name; StateValue,
 * AlarmNamePrefix or AlarmNames (not both), ActionPrefix, ChildrenOfAlarmName /
 * ParentsOfAlarmName; AlarmTypes defaulting to metric alarms only ("If you omit this parameter,
 * only metric alarms are returned, even if composite alarms exist"); MaxRecords 1-100 (default
 * 50) shared by both lists on a page; NextToken (InvalidNextToken).
 */
import { SimulatedAwsError, validationError } from '../../errors.js';
import type { OperationHandler } from '../../handlers.js';
import { at } from '../../model.js';
import { intInRange, listOf, pageOf } from '../../paging.js';
import type { SimAlarm } from './model.js';

const STATES = new Set(['OK', 'ALARM', 'INSUFFICIENT_DATA']);
const TYPES = new Set(['MetricAlarm', 'CompositeAlarm']);
const INVALID = 'ValidationError';

/** The alarm names a composite alarm's rule refers to. */
export function ruleChildren(rule: string | undefined): string[] {
  return [...(rule ?? '').matchAll(/(?:ALARM|OK|INSUFFICIENT_DATA)\(\s*"?([^")]+?)"?\s*\)/g)].map(
    (m) => m[1] ?? '',
  );
}

function actionsOf(alarm: SimAlarm): string[] {
  const a = alarm.alarm;
  return [...(a.AlarmActions ?? []), ...(a.OKActions ?? []), ...(a.InsufficientDataActions ?? [])];
}

const describeAlarms: OperationHandler = (request, estate) => {
  const input = request.input;
  const maxRecords = intInRange(input, 'MaxRecords', 1, 100, 50, INVALID);
  const names = listOf<string>(input, 'AlarmNames', 100, { code: INVALID });
  const prefix = input.AlarmNamePrefix;
  if (names && prefix !== undefined)
    throw new SimulatedAwsError(
      'InvalidParameterCombination',
      'AlarmNames and AlarmNamePrefix cannot be used together.',
    );
  if (prefix !== undefined && (typeof prefix !== 'string' || prefix.length < 1 || prefix.length > 255))
    throw validationError('alarmNamePrefix', 'Member must have length between 1 and 255', INVALID);
  const state = input.StateValue;
  if (state !== undefined && (typeof state !== 'string' || !STATES.has(state)))
    throw validationError(
      'stateValue',
      'Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]',
      INVALID,
    );
  const types = listOf<string>(input, 'AlarmTypes', 2, { code: INVALID }) ?? ['MetricAlarm'];
  if (types.some((t) => !TYPES.has(t)))
    throw validationError(
      'alarmTypes',
      'Member must satisfy enum value set: [CompositeAlarm, MetricAlarm]',
      INVALID,
    );
  let alarms = estate.governance.alarms.filter((a) => at(a, request.account, request.region));
  const children = input.ChildrenOfAlarmName;
  if (typeof children === 'string') {
    const parent = alarms.find((a) => a.kind === 'composite' && a.alarm.AlarmName === children);
    const wanted = new Set(parent?.kind === 'composite' ? ruleChildren(parent.alarm.AlarmRule) : []);
    alarms = alarms.filter((a) => wanted.has(a.alarm.AlarmName ?? ''));
  }
  const parents = input.ParentsOfAlarmName;
  if (typeof parents === 'string')
    alarms = alarms.filter(
      (a) => a.kind === 'composite' && ruleChildren(a.alarm.AlarmRule).includes(parents),
    );
  alarms = alarms
    .filter((a) => types.includes(a.kind === 'metric' ? 'MetricAlarm' : 'CompositeAlarm'))
    .filter((a) => !names || names.includes(a.alarm.AlarmName ?? ''))
    .filter((a) => typeof prefix !== 'string' || (a.alarm.AlarmName ?? '').startsWith(prefix))
    .filter((a) => state === undefined || a.alarm.StateValue === state)
    .filter(
      (a) =>
        typeof input.ActionPrefix !== 'string' ||
        actionsOf(a).some((x) => x.startsWith(String(input.ActionPrefix))),
    )
    .sort((a, b) => (a.alarm.AlarmName ?? '').localeCompare(b.alarm.AlarmName ?? ''));
  const page = pageOf('DescribeAlarms', alarms, input.NextToken, maxRecords, 'InvalidNextToken');
  return {
    MetricAlarms: page.items.filter((a) => a.kind === 'metric').map((a) => structuredClone(a.alarm)),
    CompositeAlarms: page.items.filter((a) => a.kind === 'composite').map((a) => structuredClone(a.alarm)),
    NextToken: page.nextToken,
  };
};

export const cloudWatchAlarmOperations = { DescribeAlarms: describeAlarms };
