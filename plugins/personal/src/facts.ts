import type { RunningMode, WorkspaceState } from '@aws-sdk/client-workspaces';

/**
 * What the AWS shells (`aws/`) read, reduced to what the judgement (`diagnosis/`, `directories/`,
 * `writes/`) reads. Plain data, so the shells and the judgement both import it and neither the
 * other.
 */

/** The desktop as DescribeWorkspaces returned it, reduced to what the diagnosis reads. */
export interface WorkspaceFacts {
  readonly workspaceId: string;
  readonly state: WorkspaceState | undefined;
  readonly runningMode: RunningMode | undefined;
  readonly protocols: readonly string[];
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly modifications: readonly { readonly resource: string; readonly state: string }[];
  readonly related: readonly {
    readonly workspaceId: string;
    readonly type: string;
    readonly region: string;
  }[];
}

/** DescribeWorkspaceSnapshots: the newest restore and rebuild points. */
export interface SnapshotFacts {
  readonly lastRestore: Date | undefined;
  readonly lastRebuild: Date | undefined;
}

/** What Directory Service said about an AD-backed directory. */
export type DsStatus =
  | { readonly kind: 'stage'; readonly stage: string; readonly reason?: string }
  /** Directory Service does not know the id: the directory was deleted. */
  | { readonly kind: 'missing' }
  /** WorkSpaces-managed (`wsd-`) directories have no Directory Service record. */
  | { readonly kind: 'not-applicable' }
  /** The lookup failed (see the tool's errors). */
  | { readonly kind: 'unknown' };
