/**
 * CloudTrail templates of writes on WorkSpaces Applications (appstream), Secure Browser
 * (workspaces-web) and Core Managed Instances (workspaces-instances), and every EUC write.
 */
import {
  type EventTemplate,
  FLEET,
  onFleet,
  onPortal,
  EUC_EVENT_SOURCES as SRC,
  STACK,
} from './trail-templates.js';
import { WORKSPACES_WRITES } from './trail-workspaces-writes.js';

const APPS_WEB_CORE_WRITES: readonly EventTemplate[] = [
  {
    source: SRC.appstream,
    name: 'UpdateFleet',
    readOnly: false,
    weight: 6,
    actors: ['autoscaling', 'autoscaling', 'autoscaling', 'ci'],
    target: (pick) =>
      onFleet(pick, (name) => ({ name, computeCapacity: { desiredInstances: pick.int(2, 40) } })),
  },
  {
    source: SRC.appstream,
    name: 'StopFleet',
    readOnly: false,
    weight: 1,
    actors: ['admin'],
    denied: ['contractor'],
    target: (pick) => onFleet(pick, (name) => ({ name })),
  },
  {
    source: SRC.appstream,
    name: 'StartFleet',
    readOnly: false,
    weight: 1,
    actors: ['admin'],
    target: (pick) => onFleet(pick, (name) => ({ name })),
  },
  {
    source: SRC.appstream,
    name: 'CreateStreamingURL',
    readOnly: false,
    weight: 4,
    actors: ['admin', 'helpdesk'],
    target: (pick) => {
      const stackName = pick.stack();
      return {
        resources: [{ type: STACK, name: stackName }],
        request: { stackName, fleetName: pick.fleet(), userId: `user-${pick.int(100, 999)}`, validity: 60 },
        response: { streamingURL: 'HIDDEN_DUE_TO_SECURITY_REASONS', expires: 'Nov 16, 2026, 1:00:00 PM' },
      };
    },
  },
  {
    source: SRC.appstream,
    name: 'ExpireSession',
    readOnly: false,
    weight: 1,
    actors: ['helpdesk'],
    target: (pick) => ({
      resources: [],
      request: { sessionId: `${pick.newId('', 8)}-${pick.newId('', 4)}-${pick.newId('', 4)}` },
    }),
  },
  {
    source: SRC.appstream,
    name: 'AssociateFleet',
    readOnly: false,
    weight: 0.5,
    actors: ['ci'],
    target: (pick) => {
      const fleetName = pick.fleet();
      const stackName = pick.stack();
      return {
        resources: [
          { type: FLEET, name: fleetName },
          { type: STACK, name: stackName },
        ],
        request: { fleetName, stackName },
      };
    },
  },
  {
    source: SRC.appstream,
    name: 'DeleteStack',
    readOnly: false,
    weight: 0.5,
    actors: ['ci'],
    target: (pick) => {
      const name = `retired-${pick.newId('stack-', 4)}`;
      return { resources: [{ type: STACK, name }], request: { name } };
    },
  },
  {
    source: SRC.web,
    name: 'UpdatePortal',
    readOnly: false,
    weight: 1,
    actors: ['admin'],
    target: (pick) => onPortal(pick, (portalArn) => ({ portalArn, displayName: 'Partner web access' })),
  },
  {
    source: SRC.web,
    name: 'DisassociateIpAccessSettings',
    readOnly: false,
    weight: 0.5,
    actors: ['admin'],
    target: (pick) => onPortal(pick, (portalArn) => ({ portalArn })),
  },
  {
    source: SRC.web,
    name: 'UpdateUserSettings',
    readOnly: false,
    weight: 1,
    actors: ['secops'],
    target: (pick) => ({
      resources: [],
      request: {
        userSettingsArn: `arn:aws:workspaces-web:${pick.region}:${pick.account}:userSettings/${pick.newId('', 8)}`,
        copyAllowed: 'Disabled',
        downloadAllowed: 'Disabled',
      },
    }),
  },
  {
    source: SRC.instances,
    name: 'CreateWorkspaceInstance',
    readOnly: false,
    weight: 0.5,
    actors: ['ci'],
    target: (pick) => ({
      resources: [{ type: 'AWS::WorkSpacesInstances::WorkspaceInstance', name: pick.instance() }],
      request: { managedInstance: { instanceType: 'm6i.large' } },
    }),
  },
  {
    source: SRC.instances,
    name: 'DeleteWorkspaceInstance',
    readOnly: false,
    weight: 0.3,
    actors: ['ci'],
    target: (pick) => {
      const id = pick.newId('wsinst-', 17);
      return {
        resources: [{ type: 'AWS::WorkSpacesInstances::WorkspaceInstance', name: id }],
        request: { workspaceInstanceId: id },
      };
    },
  },
];

/** Writes: help-desk actions, automation, infrastructure-as-code and auto scaling. */
export const EUC_WRITES: readonly EventTemplate[] = [...WORKSPACES_WRITES, ...APPS_WEB_CORE_WRITES];
