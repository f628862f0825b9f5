import type { Tag, WorkspacesPool, WorkspacesPoolSession } from '@aws-sdk/client-workspaces';
import type { Location } from '../../model.js';

/**
 * What a pool is for in the estate, which drives its demand series and its live capacity:
 * `healthy` (enough capacity), `exhausted` (working-hours demand beyond its capacity, so users
 * are turned away), `below-desired` (an error keeps Actual under Desired), `idle` (running, no
 * session for weeks), `stopped`, and the transitional states a describe can catch.
 */
export type PoolRole =
  | 'healthy'
  | 'exhausted'
  | 'below-desired'
  | 'exhausted-below-desired'
  | 'idle'
  | 'stopped'
  | 'starting'
  | 'updating'
  | 'creating'
  | 'stopping';

/**
 * The generation-time facts the CloudWatch series are computed from. Kept apart from the
 * mutable API record: a write at "now" changes what describes say, never the past datapoints.
 */
export interface PoolDemandProfile {
  /** Concurrent users a busy working day brings at its peak. */
  readonly peakDemand: number;
  /** Desired user sessions while the series was recorded. */
  readonly desired: number;
  /**
   * Most instances the pool could launch while an error held it back (free subnet IPs, ENI
   * quota, a failing domain join); absent when nothing limits it.
   */
  readonly ceiling?: number;
  /** Hours from UTC of the users' working day. */
  readonly utcOffsetHours: number;
  /** Staffed every day (a contact centre), not only Monday to Friday. */
  readonly sevenDay: boolean;
  /** The pool ran during [runningFrom, runningUntil); no datapoints outside it. */
  readonly runningFrom: number;
  readonly runningUntil?: number;
  /** No user asked for a session after this time (idle pools). */
  readonly demandEndsAt?: number;
}

/** A WorkSpaces pool, its live sessions and the model behind its metrics. */
export interface SimPool extends Location {
  readonly pool: WorkspacesPool;
  readonly role: PoolRole;
  readonly profile: PoolDemandProfile;
  /** Instances the pool can launch now (Actual never exceeds it); absent when nothing limits it. */
  ceiling?: number;
  sessions: WorkspacesPoolSession[];
  tags: Tag[];
}

/** WorkSpaces Pools. */
export interface PoolsEstate {
  pools: SimPool[];
}
