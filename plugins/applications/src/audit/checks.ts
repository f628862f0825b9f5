import { type CheckDescriptor, defineChecks } from '@workspaces-euc-mcp/host';

/** The security and health checks this plugin contributes, with stable ids. */
export const APPLICATIONS_CHECKS = [
  {
    id: 'applications.fleet-error',
    title: 'Fleet reports an error',
    severity: 'critical',
    why: 'A fleet error (FleetErrors) means AppStream cannot launch or join streaming instances: users get fewer sessions, or none.',
    fix: 'Follow the cause → fix in the finding detail (from AWS troubleshooting codes; hints marked inferred are ours), then restart or re-create the fleet as it says.',
  },
  {
    id: 'applications.capacity-exhausted',
    title: 'Fleet capacity exhausted',
    severity: 'critical',
    why: 'Every running slot is in use and none is available: the next user gets "no streaming resources available".',
    fix: 'Raise the desired capacity or the scaling policy maximum; if scaling is capped, check the instance-type quota in Service Quotas.',
  },
  {
    id: 'applications.below-desired',
    title: 'Fleet running below its desired capacity',
    severity: 'warning',
    why: 'AppStream could not launch all the instances asked for (subnet IPs, quota, role or image problems), so capacity is short.',
    fix: 'Read the fleet errors and the failed scaling activities for the cause; free subnet IPs or raise the quota.',
  },
  {
    id: 'applications.default-internet-access',
    title: 'Fleet uses default internet access',
    severity: 'warning',
    why: 'Instances get public IP addresses in a public subnet; AWS recommends this only for non-production or small fleets, and egress is not filtered.',
    fix: 'Move the fleet to private subnets with a NAT gateway and turn default internet access off.',
  },
  {
    id: 'applications.insufficient-capacity-errors',
    title: 'Session requests refused for lack of capacity',
    severity: 'critical',
    why: 'InsufficientCapacityError counts session requests AppStream refused because no instance was free: users were turned away.',
    fix: 'Raise desired or maximum capacity (or MaxConcurrentSessions for Elastic fleets) and check the instance-type quota.',
  },
  {
    id: 'applications.failed-scaling',
    title: 'Fleet scaling activities failed recently',
    severity: 'warning',
    why: 'Target tracking asked for more capacity and Application Auto Scaling could not set it, usually because a per-instance-type quota (summed over every fleet of that type) is full.',
    fix: 'Request an increase of the quota named in the finding in Service Quotas, or lower the policy maximum to what the quota allows.',
  },
  {
    id: 'applications.stack-exfiltration',
    title: 'Stack lets users move data to their device',
    severity: 'warning',
    why: 'Copy to the local clipboard, file download and local printing each let data leave the streaming session; severity grows with the number open (one: info, two: warning, all three: critical).',
    fix: 'Disable CLIPBOARD_COPY_TO_LOCAL_DEVICE, FILE_DOWNLOAD and PRINTING_TO_LOCAL_DEVICE in the stack user settings unless users need them.',
  },
  {
    id: 'applications.stack-error',
    title: 'Stack reports an error',
    severity: 'warning',
    why: 'A stack error (StackErrors) usually means a storage connector (home folders, OneDrive, Google Drive) cannot be used, so users lose their files.',
    fix: 'STORAGE_CONNECTOR_ERROR: check the connector (home-folder bucket, OneDrive/Google Drive domain and admin consent) and update the stack; INTERNAL_SERVICE_ERROR: contact AWS Support.',
  },
  {
    id: 'applications.entitlement-broken',
    title: 'Stack entitlement to a missing or disabled user',
    severity: 'warning',
    why: 'A user-pool entitlement to a user who is no longer in the pool cannot work (AppStream reports USER_NAME_NOT_FOUND when such an entitlement is created); one to a disabled user is clutter.',
    fix: 'Remove the entitlement (BatchDisassociateUserStack) or recreate and enable the user.',
  },
  {
    id: 'applications.image-old',
    title: 'Image older than a year',
    severity: 'warning',
    why: 'An image built more than a year ago misses a year of Windows and application patches (info when no fleet streams it).',
    fix: 'Launch an image builder from a current base image, apply updates, create a new image and point the fleets at it.',
  },
  {
    id: 'applications.image-old-agent',
    title: 'Image runs an old AppStream agent',
    severity: 'warning',
    why: 'An image pinned to an older agent misses agent fixes and features (info when no fleet streams it); image updates fail more often on old agents.',
    fix: 'Create a new image with the latest agent (Managed AppStream image updates, or an image builder with the latest agent).',
  },
  {
    id: 'applications.usage-report-errors',
    title: 'Usage reports are failing',
    severity: 'warning',
    why: 'The usage-report subscription reports errors, so the daily session and application reports (per-user billing evidence) are not being written.',
    fix: 'Fix the cause in the error (usually the S3 bucket policy for appstream.amazonaws.com or a deleted bucket).',
  },
  {
    id: 'applications.usage-reports-off',
    title: 'Usage reports not enabled',
    severity: 'info',
    why: 'Without usage reports there is no per-session record (who streamed, from where, for how long) for audits and chargeback.',
    fix: 'Enable usage reports for the region (CreateUsageReportSubscription); AppStream writes daily CSVs to S3.',
  },
] as const satisfies readonly CheckDescriptor[];

/** A check id of this plugin. */
export type CheckId = (typeof APPLICATIONS_CHECKS)[number]['id'];

/** `finding(...)` and `checksOf(...)`, typed by this plugin's check ids. */
export const { finding, checksOf } = defineChecks(APPLICATIONS_CHECKS);
