/**
 * CloudTrail LookupEvents with the rules of the API reference: at most one lookup attribute (of
 * eight keys), MaxResults 1-50 (default 50), events newest first, a time range that must be in
 * order and within the 90 days Event history keeps, and a NextToken that is only valid for the
 * same request parameters. Management events only: an `insight` EventCategory finds nothing.
 */
import { createHash } from 'node:crypto';
import { SimulatedAwsError } from '../../errors.js';
import type { OperationHandler } from '../../handlers.js';
import { at, DAY_MS } from '../../model.js';
import { intInRange, pageOf } from '../../paging.js';
import type { SimTrailEvent } from './model.js';
import { TRAIL_RETENTION_DAYS } from './trail-generate.js';

const ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;
type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];

interface LookupAttribute {
  readonly key: AttributeKey;
  readonly value: string;
}

function lookupAttribute(input: Record<string, unknown>): LookupAttribute | undefined {
  const list = input.LookupAttributes;
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list))
    throw new SimulatedAwsError('InvalidLookupAttributesException', 'LookupAttributes must be a list.');
  if (list.length === 0) return undefined;
  if (list.length > 1)
    throw new SimulatedAwsError(
      'InvalidLookupAttributesException',
      'You cannot specify more than one lookup attribute in a LookupEvents request.',
    );
  const [entry] = list as { AttributeKey?: unknown; AttributeValue?: unknown }[];
  const key = ATTRIBUTE_KEYS.find((k) => k === entry?.AttributeKey);
  if (!key)
    throw new SimulatedAwsError(
      'InvalidLookupAttributesException',
      `The attribute key ${String(entry?.AttributeKey)} is not valid; valid keys are ${ATTRIBUTE_KEYS.join(', ')}.`,
    );
  const value = entry?.AttributeValue;
  if (typeof value !== 'string' || value.length < 1 || value.length > 2000)
    throw new SimulatedAwsError(
      'InvalidLookupAttributesException',
      'The attribute value must be between 1 and 2000 characters.',
    );
  return { key, value };
}

function matches(event: SimTrailEvent, attribute: LookupAttribute | undefined): boolean {
  if (!attribute) return true;
  const e = event.event;
  const { value } = attribute;
  switch (attribute.key) {
    case 'EventId':
      return e.EventId === value;
    case 'EventName':
      return e.EventName === value;
    case 'ReadOnly':
      return e.ReadOnly === value;
    case 'Username':
      return e.Username === value;
    case 'EventSource':
      return e.EventSource === value;
    case 'AccessKeyId':
      return e.AccessKeyId === value;
    case 'ResourceType':
      return (e.Resources ?? []).some((r) => r.ResourceType === value);
    case 'ResourceName':
      return (e.Resources ?? []).some((r) => r.ResourceName === value);
  }
}

function timeOf(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number' || typeof value === 'string'
        ? new Date(value)
        : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new SimulatedAwsError('InvalidTimeRangeException', `${field} is not a valid timestamp.`);
  return date.getTime();
}

const lookupEvents: OperationHandler = (request, estate) => {
  const input = request.input;
  const attribute = lookupAttribute(input);
  const maxResults = intInRange(input, 'MaxResults', 1, 50, 50, 'InvalidMaxResultsException');
  const now = estate.settings.now.getTime();
  const oldest = now - TRAIL_RETENTION_DAYS * DAY_MS;
  const start = timeOf(input.StartTime, 'StartTime');
  const end = timeOf(input.EndTime, 'EndTime');
  if (start !== undefined && end !== undefined && start > end)
    throw new SimulatedAwsError('InvalidTimeRangeException', 'The start time must be before the end time.');
  // Event history keeps 90 days; a range reaching further back is outside the possible values.
  if ((start !== undefined && start < oldest) || (end !== undefined && end < oldest))
    throw new SimulatedAwsError(
      'InvalidTimeRangeException',
      `Event history covers the last ${TRAIL_RETENTION_DAYS} days; the time range starts before ${new Date(oldest).toISOString()}.`,
    );
  const category = input.EventCategory;
  if (category !== undefined && category !== 'insight')
    throw new SimulatedAwsError(
      'InvalidEventCategoryException',
      `Event category ${String(category)} is not valid.`,
    );
  // A token only continues the request that issued it (InvalidNextTokenException otherwise).
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([attribute, start, end, category]))
    .digest('hex')
    .slice(0, 12);
  const events =
    category === 'insight'
      ? []
      : estate.governance.trail.filter(
          (e) =>
            at(e, request.account, request.region) &&
            (start === undefined || e.timeMs >= start) &&
            (end === undefined || e.timeMs <= end) &&
            matches(e, attribute),
        );
  const page = pageOf(
    `LookupEvents-${fingerprint}`,
    events,
    input.NextToken,
    maxResults,
    'InvalidNextTokenException',
  );
  return { Events: page.items.map((e) => structuredClone(e.event)), NextToken: page.nextToken };
};

export const cloudTrailOperations = { LookupEvents: lookupEvents };
