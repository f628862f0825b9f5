/**
 * CloudTrail templates of EUC reads: inventories, monitoring pollers and consoles calling
 * Describe/List/Get on the four EUC event sources.
 */
import { type EventTemplate, NONE, onPortal, EUC_EVENT_SOURCES as SRC } from './trail-templates.js';

/** Reads: inventories, monitoring pollers and consoles calling Describe/List/Get. */
export const EUC_READS: readonly EventTemplate[] = [
  {
    source: SRC.workspaces,
    name: 'DescribeWorkspaces',
    readOnly: true,
    weight: 6,
    actors: ['monitoring', 'admin', 'helpdesk', 'ci'],
    denied: ['contractor'],
    target: (pick) => ({
      resources: [],
      request: { limit: 25 },
      arn: `arn:aws:workspaces:${pick.region}:${pick.account}:workspace/*`,
    }),
  },
  {
    source: SRC.workspaces,
    name: 'DescribeWorkspaceDirectories',
    readOnly: true,
    weight: 2,
    actors: ['monitoring', 'admin'],
    target: () => ({ resources: [], request: { limit: 25 } }),
  },
  {
    source: SRC.workspaces,
    name: 'DescribeWorkspacesConnectionStatus',
    readOnly: true,
    weight: 2,
    actors: ['monitoring', 'optimizer', 'helpdesk'],
    target: NONE,
  },
  {
    source: SRC.workspaces,
    name: 'DescribeWorkspaceBundles',
    readOnly: true,
    weight: 1,
    actors: ['admin', 'ci'],
    target: NONE,
  },
  {
    source: SRC.workspaces,
    name: 'DescribeWorkspaceImages',
    readOnly: true,
    weight: 1,
    actors: ['admin', 'ci'],
    target: NONE,
  },
  {
    source: SRC.appstream,
    name: 'DescribeFleets',
    readOnly: true,
    weight: 2,
    actors: ['monitoring', 'admin'],
    target: NONE,
  },
  {
    source: SRC.appstream,
    name: 'DescribeStacks',
    readOnly: true,
    weight: 1,
    actors: ['monitoring', 'admin'],
    target: NONE,
  },
  {
    source: SRC.appstream,
    name: 'DescribeSessions',
    readOnly: true,
    weight: 1,
    actors: ['helpdesk'],
    target: (pick) => ({ resources: [], request: { stackName: pick.stack(), fleetName: pick.fleet() } }),
  },
  {
    source: SRC.web,
    name: 'ListPortals',
    readOnly: true,
    weight: 1,
    actors: ['monitoring', 'admin'],
    target: NONE,
  },
  {
    source: SRC.web,
    name: 'GetPortal',
    readOnly: true,
    weight: 1,
    actors: ['admin', 'secops'],
    target: (pick) => onPortal(pick, (portalArn) => ({ portalArn })),
  },
  {
    source: SRC.instances,
    name: 'ListWorkspaceInstances',
    readOnly: true,
    weight: 1,
    actors: ['monitoring'],
    target: NONE,
  },
];
