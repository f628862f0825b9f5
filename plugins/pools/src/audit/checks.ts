import { type CheckDescriptor, defineChecks } from '@workspaces-euc-mcp/host';
import { POOLS_END_OF_SUPPORT } from '../end-of-support.js';

const ERROR_WHY =
  'While a pool reports this error it cannot launch the sessions it was asked for; users beyond the running capacity are turned away.';

/** The checks, documented once; findings reference them by id. */
export const POOLS_CHECKS = [
  {
    id: 'pools.end-of-support',
    title: `WorkSpaces Pools reaches end of support on ${POOLS_END_OF_SUPPORT}`,
    severity: 'info',
    why: 'AWS ends support for WorkSpaces Pools on 2027-12-31; after that the Pools console and pool resources can no longer be accessed.',
    fix: "Plan the migration of these pools' users before 2027-12-31 (AWS's end-of-support page has the official guidance; WorkSpaces Applications multi-session fleets are the likely home, our inference).",
  },
  {
    id: 'pools.error-domain-join-secret',
    title: 'Pool cannot use its domain-join secret (Secrets Manager)',
    severity: 'warning',
    why: `${ERROR_WHY} Pools join Active Directory with a service account whose credentials live in a Secrets Manager secret; no instance joins while the secret is unusable.`,
    fix: "Repair the secret named in the directory's ActiveDirectoryConfig (permission, KMS key, state, keys or credentials, as the code says), then stop and start the pool.",
  },
  {
    id: 'pools.error-domain-join',
    title: 'Pool instances fail to join Active Directory',
    severity: 'warning',
    why: ERROR_WHY,
    fix: 'Fix the service account rights, credentials, OU or domain reachability the code names, then stop and start the pool.',
  },
  {
    id: 'pools.error-iam',
    title: 'Pool is missing an IAM role or permission',
    severity: 'warning',
    why: ERROR_WHY,
    fix: 'Repair workspaces_DefaultRole (AmazonWorkSpacesServiceAccess) or the missing role or Region setting the code names.',
  },
  {
    id: 'pools.error-network',
    title: 'Pool is blocked by its network (subnets, IPs, ENIs, gateway)',
    severity: 'warning',
    why: ERROR_WHY,
    fix: "Fix the directory's subnets, security groups, free IP addresses, ENI quota or internet gateway as the code names.",
  },
  {
    id: 'pools.error-configuration',
    title: 'Pool points at a bundle, image, directory or OU that is gone',
    severity: 'warning',
    why: ERROR_WHY,
    fix: 'Point the pool (UpdateWorkspacesPool) or its directory at resources that exist.',
  },
  {
    id: 'pools.error-service',
    title: 'Pool reports a service-side or lifecycle error',
    severity: 'warning',
    why: ERROR_WHY,
    fix: 'Stop and start the pool; if the error persists, contact AWS Support with the pool id.',
  },
  {
    id: 'pools.capacity-exhausted',
    title: 'Pool has no free session',
    severity: 'warning',
    why: 'Every running session is in use (Available 0): the next user who asks for a session is turned away.',
    fix: 'Raise the desired user sessions (UpdateWorkspacesPool Capacity) or shorten the disconnect and idle timeouts so sessions are released sooner.',
  },
  {
    id: 'pools.below-desired',
    title: 'Pool runs fewer sessions than desired',
    severity: 'warning',
    why: 'Actual capacity is below what was asked for, so fewer users can connect than planned.',
    fix: "Fix the pool's reported errors (subnet IPs, ENI quota, domain join); if it reports none, a scale-up may still be in progress.",
  },
  {
    id: 'pools.rejected-sessions',
    title: 'Pool turned session requests away (InsufficientCapacityError)',
    severity: 'warning',
    why: 'Users asked for a session and got none because the pool had no capacity left.',
    fix: 'Raise the desired user sessions for the busy hours, fix any error holding capacity below desired, and alarm on InsufficientCapacityError.',
  },
  {
    id: 'pools.directory-without-ip-group',
    title: 'Pool directory without an IP access group',
    severity: 'warning',
    why: "The pool's users can start sessions from any IP address once they authenticate.",
    fix: "Create an IP access group with your corporate ranges and associate it with the pool's directory.",
  },
  {
    id: 'pools.ip-group-open-to-internet',
    title: 'Pool directory IP access group admits every address',
    severity: 'warning',
    why: 'A /0 rule (e.g. 0.0.0.0/0) makes the IP access group no restriction at all.',
    fix: 'Replace the /0 rule with your corporate egress ranges.',
  },
  {
    id: 'pools.no-idle-disconnect',
    title: 'Pool never disconnects idle sessions',
    severity: 'info',
    why: 'With IdleDisconnectTimeoutInSeconds 0 an unattended session stays connected until the maximum session duration: the desktop stays open on that device and its capacity stays taken.',
    fix: 'Set an idle disconnect timeout (for example 900 seconds) with UpdateWorkspacesPool TimeoutSettings.',
  },
] as const satisfies readonly CheckDescriptor[];

/** A check id of this plugin. */
export type PoolsCheckId = (typeof POOLS_CHECKS)[number]['id'];

/** `finding(...)`, typed by this plugin's check ids. */
export const { finding } = defineChecks(POOLS_CHECKS);
