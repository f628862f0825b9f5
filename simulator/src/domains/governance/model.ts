import type { Event } from '@aws-sdk/client-cloudtrail';
import type { CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { ServiceQuota } from '@aws-sdk/client-service-quotas';
import type { Location } from '../../model.js';

/**
 * One CloudTrail management event, as LookupEvents returns it (the `CloudTrailEvent` field is
 * the JSON record string), with the facts the lookup filters on kept beside it.
 */
export interface SimTrailEvent extends Location {
  readonly event: Event;
  readonly timeMs: number;
  readonly readOnly: boolean;
}

/** One quota of one service in one (account, region). */
export interface SimQuota extends Location {
  /** The applied quota (ListServiceQuotas / GetServiceQuota shape, `Value` = applied value). */
  quota: ServiceQuota;
  /** The AWS default value (ListAWSDefaultServiceQuotas). */
  readonly defaultValue: number;
  /**
   * False for quotas Service Quotas knows only by their default: ListServiceQuotas leaves them
   * out ("If the applied quota value is not available for a quota, the quota is not retrieved",
   * ListServiceQuotas API reference), ListAWSDefaultServiceQuotas lists them.
   */
  readonly applied: boolean;
}

/** A CloudWatch alarm: a metric alarm (single metric or metric math) or a composite alarm. */
export type SimAlarm =
  | (Location & { readonly kind: 'metric'; alarm: MetricAlarm })
  | (Location & { readonly kind: 'composite'; alarm: CompositeAlarm });

/** CloudTrail event history, Service Quotas and CloudWatch alarms, derived from the resources. */
export interface GovernanceEstate {
  /** Newest first within each location (the order LookupEvents returns). */
  readonly trail: SimTrailEvent[];
  readonly quotas: SimQuota[];
  readonly alarms: SimAlarm[];
}
