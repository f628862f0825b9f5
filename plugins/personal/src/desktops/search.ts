import type { WorkspaceRow } from './rows.js';

/** What find_workspaces can filter on; every text filter is a partial, case-insensitive match. */
export interface WorkspaceFilters {
  readonly query?: string;
  readonly userName?: string;
  readonly computerName?: string;
  readonly ipAddress?: string;
  readonly bundleId?: string;
  readonly directoryId?: string;
  readonly state?: string;
  readonly runningMode?: string;
  readonly computeType?: string;
  /** Match userName and computerName exactly (still case-insensitive). */
  readonly exact?: boolean;
}

function contains(value: string | null, wanted: string | undefined, exact = false): boolean {
  if (wanted === undefined) return true;
  if (value === null) return false;
  const a = value.toLowerCase();
  const b = wanted.toLowerCase();
  return exact ? a === b : a.includes(b);
}

/** True when the row satisfies every filter given (an absent filter matches everything). */
export function matchesFilters(row: WorkspaceRow, filters: WorkspaceFilters): boolean {
  const { query } = filters;
  const anyField =
    query === undefined ||
    [row.workspaceId, row.userName, row.computerName, row.ipAddress, row.bundleId, row.directoryId].some(
      (v) => contains(v, query),
    );
  return (
    anyField &&
    contains(row.userName, filters.userName, filters.exact) &&
    contains(row.computerName, filters.computerName, filters.exact) &&
    contains(row.ipAddress, filters.ipAddress) &&
    contains(row.bundleId, filters.bundleId) &&
    contains(row.directoryId, filters.directoryId) &&
    contains(row.state, filters.state) &&
    contains(row.runningMode, filters.runningMode) &&
    contains(row.computeType, filters.computeType)
  );
}
