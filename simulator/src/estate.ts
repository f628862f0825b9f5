/**
 * The simulated EUC estate: every part, generated from one seed. Parts are generated in order
 * (resources first, then what is derived from them: billing, CloudTrail, quotas, alarms), each
 * with its own forked random stream so a change in one part does not reshuffle the others.
 */
import { generateApplications } from './domains/applications/index.js';
import { generateBilling } from './domains/billing/index.js';
import { generateCoreInstances } from './domains/core-instances/index.js';
import { generateGovernance } from './domains/governance/index.js';
import { generatePersonal } from './domains/personal/index.js';
import { generatePools } from './domains/pools/index.js';
import { generateSecureBrowser } from './domains/secure-browser/index.js';
import type { Estate, EstateResources } from './estate-model.js';
import { type EstateOptions, type GenerationContext, type Location, resolveEstateOptions } from './model.js';

export type { Estate, EstateResources } from './estate-model.js';

import { Rng } from './rng.js';

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
