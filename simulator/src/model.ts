/**
 * The shape every part of the simulated estate shares: where a resource lives, the estate's
 * settings and what a generator is given. The parts themselves are in `domains/<part>/model.ts`.
 */
import type { Rng } from './rng.js';

/** The account and region a resource lives in. */
export interface Location {
  readonly account: string;
  readonly region: string;
}

/** What `generateEstate` is asked for. Every field has a default. */
export interface EstateOptions {
  /** Same seed, same estate, byte for byte. Default 42. */
  readonly seed?: number;
  /** WorkSpaces Personal desktops across all accounts and regions. Default 200. */
  readonly desktops?: number;
  /** 12-digit account ids. Default one account. */
  readonly accounts?: readonly string[];
  /** Regions. Default us-east-1 and eu-west-1. */
  readonly regions?: readonly string[];
  /** The estate's "now": data is generated up to it. Default 2026-11-16T12:00:00Z (a Monday). */
  readonly now?: Date | string;
  /** Counts of the other resources; by default they scale with `desktops`. */
  readonly pools?: number;
  readonly fleets?: number;
  readonly portals?: number;
  readonly managedInstances?: number;
}

/** The options with their defaults applied. */
export interface EstateSettings {
  readonly seed: number;
  readonly desktops: number;
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  readonly now: Date;
  readonly pools: number;
  readonly fleets: number;
  readonly portals: number;
  readonly managedInstances: number;
}

/** What each part's generator receives. */
export interface GenerationContext {
  readonly settings: EstateSettings;
  /** This part's own generator (forked per part, so parts do not shift each other). */
  readonly rng: Rng;
  /** Every (account, region), in a stable order. */
  readonly locations: readonly Location[];
}

export const DEFAULT_NOW = new Date('2026-11-16T12:00:00.000Z');
export const DEFAULT_ACCOUNTS = ['111122223333'] as const;
export const DEFAULT_REGIONS = ['us-east-1', 'eu-west-1'] as const;

/** Applies the defaults; the other resources scale with the desktop count. */
export function resolveEstateOptions(options: EstateOptions = {}): EstateSettings {
  const desktops = options.desktops ?? 200;
  const scaled = (per: number, min: number) => Math.max(min, Math.round(desktops / per));
  return {
    seed: options.seed ?? 42,
    desktops,
    accounts: options.accounts && options.accounts.length > 0 ? [...options.accounts] : [...DEFAULT_ACCOUNTS],
    regions: options.regions && options.regions.length > 0 ? [...options.regions] : [...DEFAULT_REGIONS],
    now: options.now ? new Date(options.now) : new Date(DEFAULT_NOW),
    pools: options.pools ?? scaled(100, 2),
    fleets: options.fleets ?? scaled(40, 4),
    portals: options.portals ?? scaled(100, 2),
    managedInstances: options.managedInstances ?? scaled(50, 2),
  };
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** True when the resource is in (account, region). */
export function at(location: Location, account: string, region: string): boolean {
  return location.account === account && location.region === region;
}
