/**
 * The shape of a whole simulated estate, apart from the generator that builds it, so a domain's
 * service can read the estate without importing the generator that imports the domains.
 */
import type { ApplicationsEstate } from './domains/applications/model.js';
import type { BillingEstate } from './domains/billing/model.js';
import type { CoreInstancesEstate } from './domains/core-instances/model.js';
import type { GovernanceEstate } from './domains/governance/model.js';
import type { PersonalEstate } from './domains/personal/model.js';
import type { PoolsEstate } from './domains/pools/model.js';
import type { SecureBrowserEstate } from './domains/secure-browser/model.js';
import type { MetricKey, MetricSource } from './metric-source.js';
import type { EstateSettings } from './model.js';

/** A whole simulated estate. Plain data: tests may read it and change it before serving it. */
export interface Estate {
  readonly settings: EstateSettings;
  readonly personal: PersonalEstate;
  readonly pools: PoolsEstate;
  readonly applications: ApplicationsEstate;
  readonly secureBrowser: SecureBrowserEstate;
  readonly coreInstances: CoreInstancesEstate;
  readonly billing: BillingEstate;
  readonly governance: GovernanceEstate;
  /**
   * Metric answers that take precedence over the generated series, for targeted tests
   * ("this desktop's CPU is 97 %"). Return undefined to fall through to the generated data.
   */
  metricOverride?: MetricProvider;
}

/** The parts generated before a derived part runs (billing, trail, quotas see the resources). */
export type EstateResources = Pick<
  Estate,
  'settings' | 'personal' | 'pools' | 'applications' | 'secureBrowser' | 'coreInstances'
>;

/** Answers for the metrics one part of the estate publishes; undefined = not mine / no such series. */
export type MetricProvider = (key: MetricKey, estate: Estate) => MetricSource | undefined;
