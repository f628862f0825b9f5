import type { Workspace } from '@aws-sdk/client-workspaces';
import Type, { type Static } from 'typebox';
import type { WorkspaceFacts } from '../facts.js';
import { isWorkspaceState } from './states.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** A desktop in one compact row: what an admin scans a list for. */
export const WorkspaceRowSchema = Type.Object({
  workspaceId: Type.String(),
  userName: NullableString,
  computerName: NullableString,
  ipAddress: NullableString,
  state: Type.String(),
  runningMode: NullableString,
  computeType: NullableString,
  bundleId: NullableString,
  directoryId: NullableString,
});
export type WorkspaceRow = Static<typeof WorkspaceRowSchema>;

/** The compact row of a desktop. */
export function workspaceRow(ws: Workspace): WorkspaceRow {
  return {
    workspaceId: ws.WorkspaceId ?? '',
    userName: ws.UserName ?? null,
    computerName: ws.ComputerName ?? null,
    ipAddress: ws.IpAddress ?? null,
    state: ws.State ?? 'UNKNOWN',
    runningMode: ws.WorkspaceProperties?.RunningMode ?? null,
    computeType: ws.WorkspaceProperties?.ComputeTypeName ?? null,
    bundleId: ws.BundleId ?? null,
    directoryId: ws.DirectoryId ?? null,
  };
}

/** What the diagnosis reads from a DescribeWorkspaces item. */
export function workspaceFacts(ws: Workspace): WorkspaceFacts {
  return {
    workspaceId: ws.WorkspaceId ?? '',
    state: isWorkspaceState(ws.State) ? ws.State : undefined,
    runningMode: ws.WorkspaceProperties?.RunningMode,
    protocols: ws.WorkspaceProperties?.Protocols ?? [],
    ...(ws.ErrorCode ? { errorCode: ws.ErrorCode } : {}),
    ...(ws.ErrorMessage ? { errorMessage: ws.ErrorMessage } : {}),
    modifications: (ws.ModificationStates ?? []).map((m) => ({
      resource: m.Resource ?? 'UNKNOWN',
      state: m.State ?? 'UNKNOWN',
    })),
    related: (ws.RelatedWorkspaces ?? []).map((r) => ({
      workspaceId: r.WorkspaceId ?? '',
      type: r.Type ?? 'UNKNOWN',
      region: r.Region ?? '',
    })),
  };
}

/** Graphics bundles publish GPUUsage; other compute types do not. */
export function isGraphics(computeType: string | undefined | null): boolean {
  return computeType?.startsWith('GRAPHICS') ?? false;
}
