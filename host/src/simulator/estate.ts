/**
 * The simulated EUC estate: every part, generated from one seed. Parts are generated in order
 * (resources first, then what is derived from them: billing, CloudTrail, quotas, alarms), each
 * with its own forked random stream so a change in one part does not reshuffle the others.
 */
import { type ApplicationsEstate, generateApplications } from './domains/applications/index.js';
import { type BillingEstate, generateBilling } from './domains/billing/index.js';
import { type CoreInstancesEstate, generateCoreInstances } from './domains/core-instances/index.js';
import { type GovernanceEstate, generateGovernance } from './domains/governance/index.js';
import { generatePersonal, type PersonalEstate } from './domains/personal/index.js';
import { generatePools, type PoolsEstate } from './domains/pools/index.js';
import { generateSecureBrowser, type SecureBrowserEstate } from './domains/secure-browser/index.js';
import type { MetricProvider } from './metric-source.js';
import {
  type EstateOptions,
  type EstateSettings,
  type GenerationContext,
  type Location,
  resolveEstateOptions,
} from './model.js';
import { Rng } from './rng.js';

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

/** Generates a consistent estate. The same options always give the same estate. */
export function generateEstate(options: EstateOptions = {}): Estate {
  const settings = resolveEstateOptions(options);
  const root = new Rng(settings.seed);
  const locations: Location[] = settings.accounts.flatMap((account) =>
    settings.regions.map((region) => ({ account, region })),
  );
  const ctx = (part: string): GenerationContext => ({ settings, rng: root.fork(part), locations });
  const personal = generatePersonal(ctx('personal'));
  const pools = generatePools(ctx('pools'), personal);
  const applications = generateApplications(ctx('applications'));
  const secureBrowser = generateSecureBrowser(ctx('secure-browser'));
  const coreInstances = generateCoreInstances(ctx('core-instances'));
  const resources: EstateResources = {
    settings,
    personal,
    pools,
    applications,
    secureBrowser,
    coreInstances,
  };
  // The derived parts (most of the generation time at 10,000 desktops) are built on first read, so
  // a test that never asks Cost Explorer or CloudTrail does not pay for them. Their random streams
  // fork from the root's seed state, so when they are built does not change them; they reflect the
  // resources as they are at that first read (a test edits the estate before serving it).
  const estate = { ...resources } as Estate;
  lazyPart(estate, 'billing', () => generateBilling(ctx('billing'), resources));
  lazyPart(estate, 'governance', () => generateGovernance(ctx('governance'), resources));
  return estate;
}

function lazyPart<K extends 'billing' | 'governance'>(estate: Estate, key: K, build: () => Estate[K]): void {
  let value: Estate[K] | undefined;
  Object.defineProperty(estate, key, {
    enumerable: true,
    get: () => {
      value ??= build();
      return value;
    },
  });
}
