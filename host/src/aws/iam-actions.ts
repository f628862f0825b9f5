/**
 * Maps an SDK call to the IAM action that authorises it. Almost always `prefix:Operation`; the
 * prefix differs from the SDK's serviceId (and from the signing name: CloudWatch signs as
 * `monitoring`), so it is a table. Source: the AWS Service Authorization Reference.
 */
const IAM_PREFIX_BY_SERVICE_ID: Readonly<Record<string, string>> = {
  workspaces: 'workspaces',
  appstream: 'appstream',
  'workspaces web': 'workspaces-web',
  'workspaces instances': 'workspaces-instances',
  cloudwatch: 'cloudwatch',
  'cost explorer': 'ce',
  cloudtrail: 'cloudtrail',
  'service quotas': 'servicequotas',
  'directory service': 'ds',
  pricing: 'pricing',
  sts: 'sts',
  'application auto scaling': 'application-autoscaling',
  ec2: 'ec2',
  'resource groups tagging api': 'tag',
  iam: 'iam',
  kms: 'kms',
};

/**
 * Operations whose IAM action is not the operation name. Source: Service Authorization Reference
 * ("Actions defined by ..."); e.g. Cost Explorer's GetCostAndUsageWithResources is its own action,
 * so the table is short on purpose.
 */
const IAM_ACTION_EXCEPTIONS: Readonly<Record<string, string>> = {};

/** The IAM prefix for an SDK serviceId (`client.config.serviceId`), e.g. `Cost Explorer` → `ce`. */
export function iamPrefixForServiceId(serviceId: string): string {
  const key = serviceId.trim().toLowerCase();
  return IAM_PREFIX_BY_SERVICE_ID[key] ?? key.replace(/\s+/g, '-');
}

/** `DescribeWorkspacesCommand` → `DescribeWorkspaces`. */
export function operationFromCommandName(commandName: string): string {
  return commandName.endsWith('Command') ? commandName.slice(0, -'Command'.length) : commandName;
}

/** The IAM action for one SDK call. */
export function iamActionFor(serviceId: string, commandName: string): string {
  const action = `${iamPrefixForServiceId(serviceId)}:${operationFromCommandName(commandName)}`;
  return IAM_ACTION_EXCEPTIONS[action] ?? action;
}

/** `service:Action`, the service lower-case with dashes, the action PascalCase. No wildcards. */
export const IAM_ACTION_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*:[A-Z][A-Za-z0-9]*$/;
