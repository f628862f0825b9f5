import type { WorkspaceDirectory, WorkspacesIpGroup } from '@aws-sdk/client-workspaces';
import type { WeightedFinding } from '../diagnosis/weighted-findings.js';
import type { DsStatus } from '../facts.js';
import { capacityFindings, type DirectoryCapacity } from './subnets.js';

/** An IP access group, reduced to what the checks read. */
export interface IpGroupFacts {
  readonly groupId: string;
  readonly name?: string;
  readonly ruleCount: number;
  /** Rules admitting every address (`/0`). */
  readonly openRules: readonly string[];
}

/** A directory as the checks see it. */
export interface DirectoryFacts {
  readonly directoryId: string;
  readonly registration: string | undefined;
  readonly errorMessage?: string;
  readonly ds: DsStatus;
  readonly ipGroupIds: readonly string[];
  /** The groups' rules; undefined when they were not read (the diagnosis does not read them). */
  readonly ipGroups?: readonly IpGroupFacts[];
  readonly userLocalAdmin?: boolean;
  readonly maintenanceEnabled?: boolean;
  /** WorkspaceAccessProperties.DeviceTypeWeb is ALLOW. */
  readonly webAccess?: boolean;
  /** Free IPs in the directory's subnets; undefined when they were not read. */
  readonly capacity?: DirectoryCapacity;
}

/** WorkSpaces-managed directories (Entra ID / IAM Identity Center / customer-managed) have `wsd-` ids. */
export function isWorkSpacesManaged(directoryId: string): boolean {
  return directoryId.startsWith('wsd-');
}

/** The CIDRs that admit every address: an IP access rule like this is no restriction at all. */
export function isOpenToInternet(cidr: string): boolean {
  const trimmed = cidr.trim();
  // Without a prefix length the rule is a single host; with /0 it is every address, whatever
  // the address part says (AWS normalises 0.0.0.0/0, but 10.0.0.0/0 admits the same world).
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return false;
  return Number(trimmed.slice(slash + 1)) === 0;
}

/** Reduces DescribeIpGroups output. */
export function ipGroupFacts(group: WorkspacesIpGroup): IpGroupFacts {
  const rules = group.userRules ?? [];
  return {
    groupId: group.groupId ?? '',
    ...(group.groupName ? { name: group.groupName } : {}),
    ruleCount: rules.length,
    openRules: rules.flatMap((r) => (r.ipRule && isOpenToInternet(r.ipRule) ? [r.ipRule] : [])),
  };
}

/** Reduces DescribeWorkspaceDirectories output plus what Directory Service, IP groups and EC2 said. */
export function directoryFacts(
  directory: WorkspaceDirectory,
  ds: DsStatus,
  ipGroups: ReadonlyMap<string, IpGroupFacts> | undefined,
  capacity?: DirectoryCapacity,
): DirectoryFacts {
  const ids = directory.ipGroupIds ?? [];
  const props = directory.WorkspaceCreationProperties;
  return {
    directoryId: directory.DirectoryId ?? '',
    registration: directory.State,
    ...(directory.ErrorMessage ? { errorMessage: directory.ErrorMessage } : {}),
    ds,
    ipGroupIds: ids,
    ...(ipGroups ? { ipGroups: ids.flatMap((id) => ipGroups.get(id) ?? []) } : {}),
    ...(props?.UserEnabledAsLocalAdministrator !== undefined
      ? { userLocalAdmin: props.UserEnabledAsLocalAdministrator }
      : {}),
    ...(props?.EnableMaintenanceMode !== undefined
      ? { maintenanceEnabled: props.EnableMaintenanceMode }
      : {}),
    ...(directory.WorkspaceAccessProperties?.DeviceTypeWeb
      ? { webAccess: directory.WorkspaceAccessProperties.DeviceTypeWeb === 'ALLOW' }
      : {}),
    ...(capacity ? { capacity } : {}),
  };
}

// Directory Service stages that still serve logons while AWS works on them.
const SERVING_STAGES = new Set(['Active', 'Updating']);

/**
 * Where the findings are read: `desktop` for one desktop's diagnosis (anything but REGISTERED
 * blocks its user), `directory` for the directory health check (a deliberate deregistration is
 * not an outage, and security posture matters).
 */
export type DirectoryContext = 'desktop' | 'directory';

const REPLICA_HINT =
  'A registration in ERROR is common when an AWS Managed Microsoft AD replicated to other regions is registered in a replica region.';

/** The registration finding for each WorkspaceDirectoryState other than REGISTERED. */
function registrationFinding(facts: DirectoryFacts, context: DirectoryContext): WeightedFinding | undefined {
  const id = facts.directoryId;
  const says = facts.errorMessage ? ` AWS says: ${facts.errorMessage}` : '';
  const blocking = context === 'desktop';
  switch (facts.registration) {
    case 'REGISTERED':
      return facts.errorMessage
        ? {
            id: 'directory.error',
            severity: 'warning',
            title: `Directory ${id} reports an error`,
            detail: facts.errorMessage,
            weight: 85,
          }
        : undefined;
    case 'ERROR':
      return {
        id: 'directory.not-registered',
        severity: 'critical',
        title: `Directory ${id} registration is in ERROR`,
        detail: `Registration failed, so no desktop can be launched in it and its users cannot sign in.${says} ${REPLICA_HINT}`,
        nextStep: 'Fix the cause above, deregister the directory and register it again.',
        weight: 100,
      };
    case 'REGISTERING':
      return {
        id: 'directory.not-registered',
        severity: blocking ? 'critical' : 'warning',
        title: `Directory ${id} is still REGISTERING`,
        detail: `Desktops cannot be launched or signed in to until registration completes.${says}`,
        nextStep:
          'Wait a few minutes and check again; if it stays REGISTERING, check that the workspaces_DefaultRole IAM role exists and that the directory is reachable from its subnets.',
        weight: blocking ? 100 : 60,
      };
    case 'DEREGISTERING':
    case 'DEREGISTERED':
      return {
        id: 'directory.not-registered',
        severity: blocking ? 'critical' : 'warning',
        title: `Directory ${id} is ${facts.registration}`,
        detail: `It is ${facts.registration === 'DEREGISTERING' ? 'being removed' : 'removed'} from WorkSpaces: no desktop can be launched in it and its users cannot sign in.${says}`,
        nextStep: 'If that was not intended, register the directory with WorkSpaces again.',
        weight: blocking ? 100 : 55,
      };
    default:
      return {
        id: 'directory.not-registered',
        severity: 'critical',
        title: `Directory ${id} is in an unknown registration state`,
        detail: `Only a REGISTERED directory allows launches and logons; AWS returned ${facts.registration ?? 'no state'}.${says}`,
        weight: 100,
      };
  }
}

function dsFindings(facts: DirectoryFacts): WeightedFinding[] {
  const id = facts.directoryId;
  switch (facts.ds.kind) {
    case 'missing':
      return [
        {
          id: 'directory.deleted',
          severity: 'critical',
          title: `Directory ${id} no longer exists in Directory Service`,
          detail:
            'The WorkSpaces registration points at a deleted directory; clients show "Device can\'t connect to the registration service".',
          nextStep: 'Recreate or reconnect the directory, register it, and migrate the desktops.',
          weight: 100,
        },
      ];
    case 'stage':
      return SERVING_STAGES.has(facts.ds.stage)
        ? []
        : [
            {
              id: 'directory.ds-stage',
              severity: 'critical',
              title: `Directory ${id} is ${facts.ds.stage} in Directory Service`,
              detail: `${facts.ds.reason ?? 'No reason given.'} For an AD Connector: DNS needs TCP+UDP 53, LDAP 389 and Kerberos 88 to the DCs from every directory subnet, and _ldap._tcp / _kerberos._tcp SRV records must resolve.`,
              nextStep:
                'Fix connectivity from the directory subnets to the domain controllers, then check the stage again.',
              weight: 98,
            },
          ];
    case 'not-applicable':
    case 'unknown':
      return [];
  }
}

function securityFindings(facts: DirectoryFacts): WeightedFinding[] {
  const id = facts.directoryId;
  const findings: WeightedFinding[] = [];
  if (facts.ipGroupIds.length === 0)
    findings.push({
      id: 'directory.no-ip-group',
      severity: 'warning',
      title: `Directory ${id} has no IP access group`,
      detail: 'Users can connect from any IP address once they authenticate.',
      nextStep: 'Create an IP access group with your corporate ranges and associate it with the directory.',
      weight: 40,
    });
  for (const group of facts.ipGroups ?? [])
    if (group.openRules.length > 0)
      findings.push({
        id: 'directory.open-ip-rule',
        severity: 'warning',
        title: `IP group ${group.groupId} admits every address`,
        detail: `Rule(s) ${group.openRules.join(', ')} make the group no restriction at all.`,
        nextStep: 'Replace the /0 rule with your corporate egress ranges.',
        weight: 40,
      });
  if (facts.userLocalAdmin)
    findings.push({
      id: 'directory.local-admin',
      severity: 'warning',
      title: `Users are local administrators on new desktops in ${id}`,
      detail:
        'UserEnabledAsLocalAdministrator is on: users can install software and change security settings.',
      nextStep: 'Turn it off in the directory’s WorkSpace creation properties unless users need it.',
      weight: 30,
    });
  if (facts.webAccess)
    findings.push({
      id: 'directory.web-access',
      severity: 'info',
      title: `Web Access is allowed for ${id}`,
      detail:
        'Users can stream their desktop from any browser, including unmanaged devices; make sure that is intended.',
      weight: 12,
    });
  if (facts.maintenanceEnabled === false)
    findings.push({
      id: 'directory.maintenance-off',
      severity: 'info',
      title: `Maintenance mode is off for ${id}`,
      detail: 'AutoStop desktops are not started monthly for updates; they must be patched another way.',
      weight: 10,
    });
  return findings;
}

/**
 * Findings about a directory. Registration and Directory Service health block every launch and
 * logon, so they rank above anything about the desktop itself; running out of subnet addresses
 * blocks launches and rebuilds. In the `directory` context the posture checks (IP groups, local
 * admin, web access, maintenance) are added for directories that are registered or registering.
 * `capacityWeight` ranks the free-IP findings (higher when the desktop's own error points there).
 */
export function directoryFindings(
  facts: DirectoryFacts,
  options: { context?: DirectoryContext; capacityWeight?: number } = {},
): WeightedFinding[] {
  const context = options.context ?? 'desktop';
  const registration = registrationFinding(facts, context);
  const usable = facts.registration === 'REGISTERED' || facts.registration === 'REGISTERING';
  return [
    ...(registration ? [registration] : []),
    ...dsFindings(facts),
    ...(facts.capacity && usable
      ? capacityFindings(facts.directoryId, facts.capacity, options.capacityWeight)
      : []),
    ...(context === 'directory' && usable ? securityFindings(facts) : []),
  ];
}

/** How a Directory Service status reads in a result. */
export function dsStageLabel(ds: DsStatus): string {
  switch (ds.kind) {
    case 'stage':
      return ds.stage;
    case 'missing':
      return 'not found';
    case 'not-applicable':
      return 'not applicable (WorkSpaces-managed)';
    case 'unknown':
      return 'unknown';
  }
}
