import { describe, expect, it } from 'vitest';
import { generateEstate as generateWholeEstate } from '../../estate.js';
import { DAY_MS, type EstateOptions, resolveEstateOptions } from '../../model.js';
import { Rng } from '../../rng.js';
import { capacityAt, capacityStatus, demandAt } from './capacity.js';
import { generateApplications } from './generate.js';
import { liveSessionCount } from './generate-sessions.js';
import type { AppFleetScenario, SimAppFleet } from './model.js';

const NOW = new Date('2026-11-16T12:00:00.000Z');

/** This part of the estate alone, generated exactly as generateEstate does (same forked stream). */
function generateEstate(options: EstateOptions) {
  const settings = resolveEstateOptions(options);
  const locations = settings.accounts.flatMap((account) =>
    settings.regions.map((region) => ({ account, region })),
  );
  return {
    applications: generateApplications({
      settings,
      rng: new Rng(settings.seed).fork('applications'),
      locations,
    }),
  };
}

function scenario(fleets: readonly SimAppFleet[], name: AppFleetScenario): SimAppFleet {
  const fleet = fleets.find((f) => f.scenario === name);
  if (!fleet) throw new Error(`no ${name} fleet`);
  return fleet;
}

describe('generated WorkSpaces Applications estate', () => {
  it('is the same for the same seed and differs for another seed', () => {
    const a = JSON.stringify(generateEstate({ seed: 7, desktops: 400 }).applications);
    const b = JSON.stringify(generateEstate({ seed: 7, desktops: 400 }).applications);
    const c = JSON.stringify(generateEstate({ seed: 8, desktops: 400 }).applications);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('is what generateEstate builds (these tests generate this part alone)', () => {
    const whole = generateWholeEstate({ seed: 9, desktops: 40, fleets: 6 });
    expect(JSON.stringify(generateEstate({ seed: 9, desktops: 40, fleets: 6 }).applications)).toBe(
      JSON.stringify(whole.applications),
    );
  });

  it('has settings.fleets fleets spread over every location, names unique per location', () => {
    const estate = generateEstate({ seed: 3, fleets: 13, accounts: ['111122223333', '222233334444'] });
    const { fleets } = estate.applications;
    expect(fleets).toHaveLength(13);
    const locations = new Set(fleets.map((f) => `${f.account}|${f.region}`));
    expect(locations.size).toBe(4);
    const keys = fleets.map((f) => `${f.account}|${f.region}|${f.fleet.Name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('copes with tiny estates: 0 to 3 fleets, the most telling problems first', () => {
    for (const count of [0, 1, 2, 3]) {
      const { fleets, images } = generateEstate({ seed: 4, fleets: count }).applications;
      expect(fleets.map((f) => f.scenario).sort()).toEqual(
        ['exhausted', 'below-desired', 'idle'].slice(0, count).sort(),
      );
      expect(images.some((i) => i.image.Visibility === 'PUBLIC')).toBe(true);
    }
  });

  it('shows every problem even in the default estate of 5 fleets', () => {
    const { fleets } = generateEstate({ seed: 42 }).applications;
    expect(fleets).toHaveLength(5);
    const types = new Set(fleets.map((f) => f.fleet.FleetType));
    expect(types).toEqual(new Set(['ALWAYS_ON', 'ON_DEMAND', 'ELASTIC']));
    expect(fleets.some((f) => (f.fleet.MaxSessionsPerInstance ?? 1) > 1)).toBe(true);
    expect(fleets.some((f) => f.fleet.State === 'STOPPED')).toBe(true);

    const exhausted = scenario(fleets, 'exhausted').fleet.ComputeCapacityStatus;
    expect(exhausted?.Available).toBe(0);
    expect(exhausted?.InUse ?? 0).toBeGreaterThanOrEqual(exhausted?.Running ?? 1);
    expect(exhausted?.Running ?? 0).toBeGreaterThan(0);

    const below = scenario(fleets, 'below-desired').fleet;
    expect(below.ComputeCapacityStatus?.Running ?? 0).toBeLessThan(below.ComputeCapacityStatus?.Desired ?? 0);
    expect(below.FleetErrors?.map((e) => e.ErrorCode)).toContain('SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES');

    const idle = scenario(fleets, 'idle');
    expect(idle.fleet.FleetType).toBe('ALWAYS_ON');
    expect(idle.fleet.ComputeCapacityStatus).toMatchObject({ Running: 4, InUse: 0 });
    expect(idle.fleet.EnableDefaultInternetAccess).toBe(true);
    // Nobody for weeks, yet the fleet has streamed before.
    const weeksAgo = NOW.getTime() - 21 * DAY_MS;
    for (let t = weeksAgo; t < NOW.getTime(); t += 3_600_000) expect(demandAt(idle, t)).toBe(0);
    expect(capacityAt(idle, NOW.getTime() - 60 * DAY_MS)).toBeDefined();
  });

  it('gives larger estates separate multi-session, on-demand, starting and role-missing fleets', () => {
    const { fleets } = generateEstate({ seed: 5, fleets: 12 }).applications;
    const multi = scenario(fleets, 'multi-session').fleet.ComputeCapacityStatus;
    expect(multi?.ActualUserSessions).toBe(
      (multi?.ActiveUserSessions ?? 0) + (multi?.AvailableUserSessions ?? 0),
    );
    expect(scenario(fleets, 'on-demand').fleet).toMatchObject({ FleetType: 'ON_DEMAND', State: 'RUNNING' });
    expect(scenario(fleets, 'starting').fleet).toMatchObject({ State: 'STARTING' });
    expect(scenario(fleets, 'role-missing').fleet.FleetErrors?.[0]?.ErrorCode).toBe(
      'IAM_SERVICE_ROLE_IS_MISSING',
    );
    const elastic = scenario(fleets, 'elastic').fleet;
    expect(elastic.ImageName).toBeUndefined();
    expect(elastic.MaxConcurrentSessions).toBeGreaterThan(0);
  });

  it('has exactly as many live sessions as capacity in use, for every fleet', () => {
    const { fleets, sessions } = generateEstate({ seed: 11, desktops: 2_000 }).applications;
    for (const fleet of fleets) {
      const live = sessions.filter(
        (s) =>
          s.region === fleet.region &&
          s.account === fleet.account &&
          s.session.FleetName === fleet.fleet.Name &&
          s.session.State !== 'EXPIRED',
      );
      expect(live.length, fleet.fleet.Name).toBe(liveSessionCount(fleet));
      for (const { session } of live)
        expect(session.MaxExpirationTime?.getTime() ?? 0).toBeGreaterThan(NOW.getTime());
    }
  });

  it('describes each running fleet with the capacity its metrics have at now', () => {
    const { fleets } = generateEstate({ seed: 11, desktops: 2_000 }).applications;
    for (const fleet of fleets.filter((f) => f.fleet.State === 'RUNNING'))
      expect(fleet.fleet.ComputeCapacityStatus).toEqual(
        capacityStatus(fleet, capacityAt(fleet, NOW.getTime())),
      );
  });

  it('keeps an instance quota per type that the exhausted fleet has used up', () => {
    const { fleets, instanceQuotas } = generateEstate({ seed: 42 }).applications;
    const exhausted = scenario(fleets, 'exhausted');
    const quota = instanceQuotas.find(
      (q) => q.region === exhausted.region && q.instanceType === exhausted.fleet.InstanceType,
    );
    expect(quota?.limit).toBe(exhausted.fleet.ComputeCapacityStatus?.Running);
  });

  it('subscribes the first region to usage reports with an ACCESS_DENIED error, not the second', () => {
    const { usageReports } = generateEstate({ seed: 42 }).applications;
    expect(usageReports.map((r) => r.region)).toEqual(['us-east-1']);
    expect(usageReports[0]?.subscription.SubscriptionErrors?.[0]?.ErrorCode).toBe('ACCESS_DENIED');
  });

  it('has private images pinned to old agents, over a year old, PENDING and FAILED, and public base images', () => {
    const { images } = generateEstate({ seed: 42 }).applications;
    const first = images.filter((i) => i.region === 'us-east-1').map((i) => i.image);
    expect(first.some((i) => i.Visibility === 'PUBLIC')).toBe(true);
    expect(first.some((i) => i.Visibility === 'SHARED')).toBe(true);
    expect(first.some((i) => i.State === 'PENDING')).toBe(true);
    expect(first.find((i) => i.State === 'FAILED')?.StateChangeReason?.Code).toBe(
      'IMAGE_BUILDER_NOT_AVAILABLE',
    );
    const yearAgo = NOW.getTime() - 365 * DAY_MS;
    expect(
      first.some(
        (i) =>
          i.Visibility === 'PRIVATE' &&
          (i.CreatedTime?.getTime() ?? 0) < yearAgo &&
          i.AppstreamAgentVersion !== 'LATEST',
      ),
    ).toBe(true);
  });

  it('has builders running for days, stopped, failed and updating their agent', () => {
    const { imageBuilders, appBlockBuilders } = generateEstate({ seed: 42 }).applications;
    const states = new Set(imageBuilders.map((b) => b.builder.State));
    for (const state of ['RUNNING', 'STOPPED', 'FAILED', 'UPDATING_AGENT']) expect(states).toContain(state);
    const longest = Math.max(
      ...imageBuilders
        .filter((b) => b.builder.State === 'RUNNING')
        .map((b) => NOW.getTime() - b.stateSince.getTime()),
    );
    expect(longest).toBeGreaterThan(7 * DAY_MS);
    expect(new Set(appBlockBuilders.map((b) => b.builder.State))).toEqual(new Set(['RUNNING', 'STOPPED']));
  });

  it('has a stack with everything enabled and exactly one with a storage connector error', () => {
    const { stacks } = generateEstate({ seed: 42, fleets: 9 }).applications;
    const open = stacks.filter((s) => s.stack.UserSettings?.every((u) => u.Permission === 'ENABLED'));
    expect(open.length).toBeGreaterThan(0);
    const broken = stacks.filter((s) =>
      s.stack.StackErrors?.some((e) => e.ErrorCode === 'STORAGE_CONNECTOR_ERROR'),
    );
    expect(broken).toHaveLength(1);
  });
});
