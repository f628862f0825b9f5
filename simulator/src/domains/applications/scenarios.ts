/**
 * Which fleets an estate of N fleets has. The first fleets each show one problem an admin tool
 * must find; when there are few fleets some problems share one (the below-desired fleet is also
 * the multi-session one, the stopped fleet is also the on-demand one), so even the default
 * estate of 5 fleets shows them all.
 */
import type { FleetErrorCode, FleetType, StreamView } from '@aws-sdk/client-appstream';
import type { Rng } from '../../rng.js';
import { STEADY_INSTANCE_TYPES } from './catalogue.js';
import type { AppFleetCapacityPlan, AppFleetScenario, AppFleetSessionModel } from './model.js';

/** The scenarios of an estate with `count` fleets, in generation order. */
export function planScenarios(count: number): AppFleetScenario[] {
  const core: AppFleetScenario[] =
    count >= 7
      ? ['exhausted', 'below-desired', 'idle', 'elastic', 'multi-session', 'stopped', 'on-demand']
      : count === 6
        ? ['exhausted', 'below-desired', 'idle', 'elastic', 'stopped', 'on-demand']
        : count === 5
          ? ['exhausted', 'below-desired', 'idle', 'elastic', 'stopped']
          : ['exhausted', 'below-desired', 'idle', 'stopped'];
  const extras: AppFleetScenario[] = ['role-missing', 'starting'];
  const plan: AppFleetScenario[] = [...core, ...extras].slice(0, Math.max(0, count));
  while (plan.length < count) plan.push('steady');
  return plan;
}

/** Everything that differs between fleets, before names, networks and images are attached. */
export interface AppFleetSpec {
  readonly scenario: AppFleetScenario;
  readonly fleetType: FleetType;
  readonly instanceType: string;
  readonly sessionModel: AppFleetSessionModel;
  readonly maxSessionsPerInstance?: number;
  readonly maxConcurrentSessions?: number;
  readonly peakUsers: number;
  readonly plan: AppFleetCapacityPlan;
  readonly state: 'RUNNING' | 'STOPPED' | 'STARTING';
  readonly errors: readonly FleetErrorCode[];
  readonly defaultInternetAccess: boolean;
  readonly domainJoined: boolean;
  readonly streamView: StreamView;
  /** Serve users whose working day is in progress at the estate's now, so the problem shows now. */
  readonly alignedToNow: boolean;
  readonly createdDaysAgo: number;
  /** The scaling-out demand only arrived recently (days ago); before, this share of the peak. */
  readonly growth?: { readonly daysAgo: number; readonly factor: number };
  readonly usageEndedDaysAgo?: number;
  readonly stoppedDaysAgo?: number;
  readonly everyday?: boolean;
}

/** Multi-session desired capacity is a whole number of instances' worth of user sessions. */
function sessionsFor(users: number, perInstance: number): number {
  return Math.max(perInstance, Math.ceil(users / perInstance) * perInstance);
}

const base = {
  sessionModel: 'single' as AppFleetSessionModel,
  state: 'RUNNING' as const,
  errors: [] as FleetErrorCode[],
  defaultInternetAccess: false,
  domainJoined: true,
  streamView: 'APP' as StreamView,
  alignedToNow: true,
};

/** The spec of one scenario fleet; `steady` fleets draw theirs from `rng`. */
export function fleetSpec(scenario: AppFleetScenario, mergedMulti: boolean, rng: Rng): AppFleetSpec {
  switch (scenario) {
    case 'exhausted':
      // Target tracking wants 22 instances at peak; the account's stream.compute.large quota
      // holds the fleet at 10, so every morning's scale-out fails with LimitExceededException.
      return {
        ...base,
        scenario,
        fleetType: 'ALWAYS_ON',
        instanceType: 'stream.compute.large',
        peakUsers: 16,
        plan: { offHoursDesired: 3, workHoursDesired: 10, autoscaled: true, refusedDesired: 22 },
        createdDaysAgo: 220,
        growth: { daysAgo: 10, factor: 0.55 },
      };
    case 'below-desired':
      return mergedMulti
        ? {
            ...base,
            scenario,
            fleetType: 'ALWAYS_ON',
            instanceType: 'stream.memory.xlarge',
            sessionModel: 'multi',
            maxSessionsPerInstance: 8,
            peakUsers: 35,
            plan: { offHoursDesired: 80, workHoursDesired: 80, autoscaled: false, launchCap: 7 },
            errors: ['SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES'],
            streamView: 'DESKTOP',
            createdDaysAgo: 160,
          }
        : {
            ...base,
            scenario,
            fleetType: 'ALWAYS_ON',
            instanceType: 'stream.memory.large',
            peakUsers: 9,
            plan: { offHoursDesired: 20, workHoursDesired: 20, autoscaled: false, launchCap: 14 },
            errors: ['SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES'],
            createdDaysAgo: 160,
          };
    case 'idle':
      // Nobody has streamed for five weeks, four GPU instances still run around the clock, and
      // the image was deleted: nobody noticed because no instance needed replacing.
      return {
        ...base,
        scenario,
        fleetType: 'ALWAYS_ON',
        instanceType: 'stream.graphics.g4dn.xlarge',
        peakUsers: 6,
        plan: { offHoursDesired: 4, workHoursDesired: 4, autoscaled: false },
        errors: ['IMAGE_NOT_FOUND'],
        defaultInternetAccess: true,
        domainJoined: false,
        streamView: 'DESKTOP',
        alignedToNow: false,
        createdDaysAgo: 430,
        usageEndedDaysAgo: 36,
      };
    case 'elastic':
      return {
        ...base,
        scenario,
        fleetType: 'ELASTIC',
        instanceType: 'stream.standard.medium',
        sessionModel: 'elastic',
        maxConcurrentSessions: 40,
        peakUsers: 22,
        plan: { offHoursDesired: 0, workHoursDesired: 0, autoscaled: false },
        domainJoined: false,
        createdDaysAgo: 95,
      };
    case 'multi-session':
      return {
        ...base,
        scenario,
        fleetType: 'ALWAYS_ON',
        instanceType: 'stream.memory.xlarge',
        sessionModel: 'multi',
        maxSessionsPerInstance: 10,
        peakUsers: 42,
        plan: { offHoursDesired: 20, workHoursDesired: 60, autoscaled: true },
        streamView: 'DESKTOP',
        createdDaysAgo: 300,
      };
    case 'stopped':
      return {
        ...base,
        scenario,
        fleetType: 'ON_DEMAND',
        instanceType: 'stream.standard.large',
        peakUsers: 8,
        plan: { offHoursDesired: 6, workHoursDesired: 6, autoscaled: false },
        state: 'STOPPED',
        errors: ['DOMAIN_JOIN_ERROR_ACCESS_DENIED'],
        alignedToNow: false,
        createdDaysAgo: 250,
        stoppedDaysAgo: 9,
      };
    case 'on-demand':
      return {
        ...base,
        scenario,
        fleetType: 'ON_DEMAND',
        instanceType: 'stream.standard.medium',
        peakUsers: 9,
        plan: { offHoursDesired: 15, workHoursDesired: 15, autoscaled: false },
        createdDaysAgo: 120,
      };
    case 'starting':
      return {
        ...base,
        scenario,
        fleetType: 'ALWAYS_ON',
        instanceType: 'stream.standard.small',
        peakUsers: 0,
        plan: { offHoursDesired: 5, workHoursDesired: 5, autoscaled: false, launchCap: 0 },
        state: 'STARTING',
        alignedToNow: false,
        createdDaysAgo: 0,
      };
    case 'role-missing':
      return {
        ...base,
        scenario,
        fleetType: 'ALWAYS_ON',
        instanceType: 'stream.standard.large',
        peakUsers: 12,
        plan: { offHoursDesired: 4, workHoursDesired: 16, autoscaled: true, launchCap: 6 },
        errors: ['IAM_SERVICE_ROLE_IS_MISSING'],
        alignedToNow: false,
        createdDaysAgo: 540,
      };
    case 'steady':
      return steadySpec(rng);
  }
}

function steadySpec(rng: Rng): AppFleetSpec {
  const model = rng.weighted<'ao' | 'od' | 'multi' | 'elastic'>([
    ['ao', 50],
    ['od', 25],
    ['multi', 10],
    ['elastic', 15],
  ]);
  const peakUsers = rng.int(3, 50);
  const common = {
    ...base,
    scenario: 'steady' as const,
    peakUsers,
    defaultInternetAccess: rng.chance(0.25),
    domainJoined: rng.chance(0.6),
    streamView: (rng.chance(0.2) ? 'DESKTOP' : 'APP') as StreamView,
    alignedToNow: false,
    createdDaysAgo: rng.int(30, 700),
    everyday: rng.chance(0.1),
  };
  if (model === 'elastic')
    return {
      ...common,
      fleetType: 'ELASTIC',
      instanceType: rng.pick(['stream.standard.small', 'stream.standard.medium', 'stream.standard.large']),
      sessionModel: 'elastic',
      maxConcurrentSessions: Math.ceil((peakUsers * 1.5) / 5) * 5,
      plan: { offHoursDesired: 0, workHoursDesired: 0, autoscaled: false },
      domainJoined: false,
    };
  if (model === 'multi') {
    const perInstance = rng.pick([5, 8, 10]);
    const work = sessionsFor(peakUsers / 0.8, perInstance);
    return {
      ...common,
      fleetType: 'ALWAYS_ON',
      instanceType: rng.pick(['stream.memory.xlarge', 'stream.standard.large']),
      sessionModel: 'multi',
      maxSessionsPerInstance: perInstance,
      plan: {
        offHoursDesired: sessionsFor(work * 0.25, perInstance),
        workHoursDesired: work,
        autoscaled: true,
      },
    };
  }
  const autoscaled = model === 'ao' && rng.chance(0.5);
  const work = autoscaled ? Math.ceil(peakUsers / 0.8) + 1 : Math.ceil(peakUsers * 1.15) + 1;
  return {
    ...common,
    fleetType: model === 'ao' ? 'ALWAYS_ON' : 'ON_DEMAND',
    instanceType: rng.weighted(STEADY_INSTANCE_TYPES),
    plan: {
      offHoursDesired: autoscaled ? Math.max(1, Math.ceil(work * 0.25)) : work,
      workHoursDesired: work,
      autoscaled,
    },
  };
}
