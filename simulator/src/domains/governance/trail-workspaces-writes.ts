/**
 * CloudTrail templates of WorkSpaces writes (Personal, Pools and Core desktops share the
 * `workspaces` API): help-desk actions, automation, infrastructure as code. Event names and the
 * camelCase request parameters follow the WorkSpaces API reference as CloudTrail records them.
 */
import {
  desktopResource,
  type EventTemplate,
  onDesktop,
  EUC_EVENT_SOURCES as SRC,
  workspaceArn,
  workspaceIdOf,
} from './trail-templates.js';

export const WORKSPACES_WRITES: readonly EventTemplate[] = [
  {
    source: SRC.workspaces,
    name: 'RebootWorkspaces',
    readOnly: false,
    weight: 6,
    actors: ['helpdesk', 'admin'],
    target: (pick) =>
      onDesktop(
        pick,
        ['AVAILABLE', 'UNHEALTHY', 'IMPAIRED', 'REBOOTING'],
        (id) => ({
          rebootWorkspaceRequests: [{ workspaceId: id }],
        }),
        { failedRequests: [] },
      ),
  },
  {
    source: SRC.workspaces,
    name: 'StartWorkspaces',
    readOnly: false,
    weight: 4,
    actors: ['helpdesk', 'optimizer'],
    target: (pick) =>
      onDesktop(
        pick,
        ['AVAILABLE', 'STARTING'],
        (id) => ({ startWorkspaceRequests: [{ workspaceId: id }] }),
        {
          failedRequests: [],
        },
      ),
  },
  {
    source: SRC.workspaces,
    name: 'StopWorkspaces',
    readOnly: false,
    weight: 4,
    actors: ['optimizer', 'admin'],
    target: (pick) =>
      onDesktop(pick, ['STOPPED', 'STOPPING'], (id) => ({ stopWorkspaceRequests: [{ workspaceId: id }] }), {
        failedRequests: [],
      }),
  },
  {
    source: SRC.workspaces,
    name: 'ModifyWorkspaceProperties',
    readOnly: false,
    weight: 5,
    actors: ['optimizer', 'admin'],
    target: (pick) => {
      const desktop = pick.desktop();
      const id = workspaceIdOf(desktop, pick);
      const runningMode = desktop?.workspace.WorkspaceProperties?.RunningMode ?? 'AUTO_STOP';
      return {
        resources: [desktopResource(id)],
        request: { workspaceId: id, workspaceProperties: { runningMode } },
        response: null,
        arn: workspaceArn(pick, id),
      };
    },
  },
  {
    source: SRC.workspaces,
    name: 'ModifyWorkspaceState',
    readOnly: false,
    weight: 1,
    actors: ['admin'],
    target: (pick) =>
      onDesktop(pick, ['ADMIN_MAINTENANCE'], (id) => ({
        workspaceId: id,
        workspaceState: 'ADMIN_MAINTENANCE',
      })),
  },
  {
    source: SRC.workspaces,
    name: 'RebuildWorkspaces',
    readOnly: false,
    weight: 1,
    actors: ['helpdesk'],
    target: (pick) =>
      onDesktop(
        pick,
        ['REBUILDING', 'AVAILABLE'],
        (id) => ({ rebuildWorkspaceRequests: [{ workspaceId: id }] }),
        {
          failedRequests: [],
        },
      ),
  },
  {
    source: SRC.workspaces,
    name: 'RestoreWorkspace',
    readOnly: false,
    weight: 1,
    actors: ['helpdesk'],
    target: (pick) => onDesktop(pick, ['RESTORING', 'AVAILABLE'], (id) => ({ workspaceId: id })),
  },
  {
    source: SRC.workspaces,
    name: 'TerminateWorkspaces',
    readOnly: false,
    weight: 2,
    actors: ['optimizer', 'admin'],
    denied: ['helpdesk', 'contractor'],
    // Terminated desktops leave the estate, so most terminations name ids that no longer exist.
    target: (pick) => {
      const gone = pick.desktop(['TERMINATING', 'TERMINATED']);
      const id = gone && pick.int(0, 3) === 0 ? workspaceIdOf(gone, pick) : pick.newId('ws-', 9);
      return {
        resources: [desktopResource(id)],
        request: { terminateWorkspaceRequests: [{ workspaceId: id }] },
        response: { failedRequests: [] },
        arn: workspaceArn(pick, id),
      };
    },
  },
  {
    source: SRC.workspaces,
    name: 'CreateWorkspaces',
    readOnly: false,
    weight: 2,
    actors: ['ci', 'admin'],
    target: (pick) => {
      const desktop = pick.desktop();
      const id = workspaceIdOf(desktop, pick);
      const created = desktop?.createdAt.getTime();
      return {
        resources: [desktopResource(id)],
        request: {
          workspaces: [
            {
              directoryId: desktop?.workspace.DirectoryId ?? pick.directoryId(),
              userName: desktop?.workspace.UserName ?? 'new.user',
              bundleId: desktop?.workspace.BundleId ?? pick.newId('wsb-', 9),
            },
          ],
        },
        response: { failedRequests: [], pendingRequests: [{ workspaceId: id, state: 'PENDING' }] },
        // A create is dated when the desktop was created, when that is within the history.
        ...(created !== undefined && pick.nowMs - created < 89 * 86_400_000 ? { atMs: created } : {}),
      };
    },
  },
  {
    source: SRC.workspaces,
    name: 'AuthorizeIpRules',
    readOnly: false,
    weight: 1,
    actors: ['secops'],
    target: (pick) => ({
      resources: [{ type: 'AWS::WorkSpaces::IpGroup', name: pick.ipGroupId() }],
      request: {
        groupId: pick.ipGroupId(),
        userRules: [{ ipRule: '203.0.113.64/27', ruleDesc: 'Branch office' }],
      },
    }),
  },
  {
    source: SRC.workspaces,
    name: 'RevokeIpRules',
    readOnly: false,
    weight: 1,
    actors: ['secops'],
    target: (pick) => ({
      resources: [{ type: 'AWS::WorkSpaces::IpGroup', name: pick.ipGroupId() }],
      request: { groupId: pick.ipGroupId(), userRules: ['192.0.2.0/24'] },
    }),
  },
  {
    source: SRC.workspaces,
    name: 'CreateTags',
    readOnly: false,
    weight: 1,
    actors: ['ci'],
    target: (pick) =>
      onDesktop(pick, undefined, (id) => ({
        resourceId: id,
        tags: [{ key: 'CostCenter', value: 'CC-120' }],
      })),
  },
  {
    source: SRC.workspaces,
    name: 'ModifyWorkspaceCreationProperties',
    readOnly: false,
    weight: 0.5,
    actors: ['admin'],
    target: (pick) => {
      const directoryId = pick.directoryId();
      return {
        resources: [{ type: 'AWS::WorkSpaces::Directory', name: directoryId }],
        request: { resourceId: directoryId, workspaceCreationProperties: { enableMaintenanceMode: true } },
      };
    },
  },
];
