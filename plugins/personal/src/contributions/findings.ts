import {
  type CheckDescriptor,
  defineChecks,
  type Finding,
  type FindingsContributor,
  SERVICE_LABELS,
} from '@workspaces-euc-mcp/host';
import { listAllWorkspaces, listDirectories, listIpGroups } from '../aws/workspaces.js';
import { ipGroupFacts } from '../directories/directories.js';

/** The security checks this plugin contributes, with stable ids. */
export const PERSONAL_CHECKS = [
  {
    id: 'personal.unencrypted-root-volume',
    title: 'WorkSpace root volume not encrypted',
    severity: 'warning',
    why: 'The C: drive holds cached credentials, profiles and application data at rest without KMS encryption.',
    fix: "Volume encryption is chosen at launch (a rebuild does not encrypt): launch a new WorkSpace with encrypted volumes for the user and migrate the user's data, then retire the old one.",
  },
  {
    id: 'personal.unencrypted-user-volume',
    title: 'WorkSpace user volume not encrypted',
    severity: 'warning',
    why: "The D: drive holds the user's documents and profile at rest without KMS encryption.",
    fix: "Volume encryption is chosen at launch (a rebuild does not encrypt): launch a new WorkSpace with encrypted volumes for the user and migrate the user's data, then retire the old one.",
  },
  {
    id: 'personal.directory-without-ip-group',
    title: 'Directory without an IP access group',
    severity: 'warning',
    why: 'Users can reach their desktops from any IP address once they authenticate.',
    fix: 'Create an IP access group with your corporate ranges and associate it with the directory.',
  },
  {
    id: 'personal.ip-group-open-to-internet',
    title: 'IP access group admits every address',
    severity: 'warning',
    why: 'A /0 rule (e.g. 0.0.0.0/0) makes the IP access group no restriction at all.',
    fix: 'Replace the /0 rule with your corporate egress ranges.',
  },
  {
    id: 'personal.users-local-administrators',
    title: 'Users are local administrators',
    severity: 'warning',
    why: 'With UserEnabledAsLocalAdministrator, users can install software and turn off security controls on new desktops.',
    fix: "Turn it off in the directory's WorkSpace creation properties unless users need it.",
  },
  {
    id: 'personal.directory-not-registered',
    title: 'Directory registration failed (ERROR)',
    severity: 'critical',
    why: 'Only a REGISTERED directory allows launches and logons; a registration in ERROR leaves its users without desktops.',
    fix: 'Fix the registration error, deregister the directory and register it again.',
  },
] as const satisfies readonly CheckDescriptor[];

const { finding } = defineChecks(PERSONAL_CHECKS);

/** Security findings on desktops, directories and IP access groups. */
export const personalFindings: FindingsContributor = {
  id: 'personal.security',
  service: SERVICE_LABELS.personal,
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspaceDirectories',
    'workspaces:DescribeIpGroups',
  ],
  checks: PERSONAL_CHECKS,
  async collect(ctx, scope) {
    const [workspaces, directories, groups] = await Promise.all([
      listAllWorkspaces(ctx, scope),
      listDirectories(ctx, scope),
      listIpGroups(ctx, scope),
    ]);
    const findings: Finding[] = [];
    for (const ws of workspaces) {
      const id = ws.WorkspaceId ?? '';
      if (ws.State === 'TERMINATING' || ws.State === 'TERMINATED') continue;
      if (!ws.RootVolumeEncryptionEnabled)
        findings.push(finding('personal.unencrypted-root-volume', id, 'WorkSpace', ws.UserName));
      if (!ws.UserVolumeEncryptionEnabled)
        findings.push(finding('personal.unencrypted-user-volume', id, 'WorkSpace', ws.UserName));
    }
    const groupFacts = new Map(groups.map((g) => [g.groupId ?? '', ipGroupFacts(g)]));
    for (const dir of directories) {
      const id = dir.DirectoryId ?? '';
      if (dir.State === 'ERROR')
        findings.push(
          finding(
            'personal.directory-not-registered',
            id,
            'Directory',
            `State ERROR${dir.ErrorMessage ? `: ${dir.ErrorMessage}` : ''}`,
          ),
        );
      // A directory being (or already) deregistered serves nobody: its posture is moot.
      if (dir.State !== 'REGISTERED' && dir.State !== 'REGISTERING') continue;
      // Pools directories are audited by the Pools plugin, per pool; reporting them here too
      // would count one gap twice when both plugins are loaded.
      if (dir.WorkspaceType === 'POOLS') continue;
      const ipGroupIds = dir.ipGroupIds ?? [];
      if (ipGroupIds.length === 0)
        findings.push(finding('personal.directory-without-ip-group', id, 'Directory'));
      for (const groupId of ipGroupIds) {
        const open = groupFacts.get(groupId)?.openRules ?? [];
        if (open.length > 0)
          findings.push(
            finding(
              'personal.ip-group-open-to-internet',
              id,
              'Directory',
              `IP group ${groupId}: ${open.join(', ')}`,
            ),
          );
      }
      if (dir.WorkspaceCreationProperties?.UserEnabledAsLocalAdministrator)
        findings.push(finding('personal.users-local-administrators', id, 'Directory'));
    }
    return findings;
  },
};
