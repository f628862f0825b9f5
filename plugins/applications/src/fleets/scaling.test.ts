import type { ScalingActivity } from '@aws-sdk/client-application-auto-scaling';
import { describe, expect, it } from 'vitest';
import { failedScalingSince, newestFirstCutoff, quotaReason } from './scaling.js';

const QUOTA_MESSAGE =
  'Failed to set desired capacity to 22. Reason: The requested capacity of fleet crm exceeds the stream.compute.large fleet instance quota of 10 for this account in us-east-1; request a quota increase in Service Quotas (Service: AmazonAppStream; Status Code: 400; Error Code: LimitExceededException; Request ID: 1; Proxy: null).';

function activity(fleet: string, iso: string, status: ScalingActivity['StatusCode'], message?: string) {
  return {
    ActivityId: `${fleet}-${iso}`,
    ServiceNamespace: 'appstream',
    ResourceId: `fleet/${fleet}`,
    ScalableDimension: 'appstream:fleet:DesiredCapacity',
    Description: 'd',
    Cause: 'c',
    StartTime: new Date(iso),
    StatusCode: status,
    ...(message ? { StatusMessage: message } : {}),
  } satisfies ScalingActivity;
}

describe('failed scaling', () => {
  it('quotes the sentence naming the quota, without the request metadata', () => {
    expect(quotaReason(QUOTA_MESSAGE)).toBe(
      'The requested capacity of fleet crm exceeds the stream.compute.large fleet instance quota of 10 for this account in us-east-1',
    );
    expect(quotaReason('Something else went wrong')).toBe('Something else went wrong');
  });

  it('counts only Failed/Unfulfilled activities inside the window, per fleet, quoting the latest', () => {
    const since = new Date('2026-11-09T12:00:00Z');
    const failed = failedScalingSince(
      [
        activity('crm', '2026-11-16T10:40:00Z', 'Failed', QUOTA_MESSAGE),
        activity('crm', '2026-11-13T10:00:00Z', 'Failed', 'older message'),
        activity('crm', '2026-11-09T10:40:00Z', 'Failed', 'before the window'),
        activity('crm', '2026-11-16T07:00:00Z', 'Successful', 'ok'),
        activity('lab', '2026-11-12T08:00:00Z', 'Unfulfilled', 'Capacity unavailable.'),
      ],
      since,
    );
    expect(failed).toEqual([
      {
        fleetName: 'crm',
        failures: 2,
        latest: new Date('2026-11-16T10:40:00Z'),
        reason: quotaReason(QUOTA_MESSAGE),
      },
      {
        fleetName: 'lab',
        failures: 1,
        latest: new Date('2026-11-12T08:00:00Z'),
        reason: 'Capacity unavailable.',
      },
    ]);
  });
});

describe('early stop of the activity scan', () => {
  const since = new Date('2026-11-09T12:00:00Z');
  const at = (iso: string) => activity('crm', iso, 'Successful');

  it('stops at the first page that reaches past the window while the order is newest first', () => {
    const done = newestFirstCutoff(since);
    expect(done([at('2026-11-16T07:00:00Z'), at('2026-11-13T07:00:00Z')])).toBe(false);
    expect(done([at('2026-11-10T07:00:00Z'), at('2026-11-08T07:00:00Z')])).toBe(true);
  });

  it('never stops early once an activity arrives out of order: the service may not sort', () => {
    const done = newestFirstCutoff(since);
    expect(done([at('2026-11-08T07:00:00Z'), at('2026-11-16T07:00:00Z')])).toBe(false);
    expect(done([at('2026-10-01T07:00:00Z')])).toBe(false);
  });
});
