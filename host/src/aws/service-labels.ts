/**
 * The names answers use for the services behind a result, most of all in `errors[].service`:
 * the current product names (WorkSpaces Applications, not AppStream 2.0; WorkSpaces Secure Browser,
 * not WorkSpaces Web), one spelling each, so an assistant never sees two names for one service.
 */
export const SERVICE_LABELS = {
  personal: 'WorkSpaces Personal',
  pools: 'WorkSpaces Pools',
  applications: 'WorkSpaces Applications',
  secureBrowser: 'WorkSpaces Secure Browser',
  coreInstances: 'WorkSpaces Core Managed Instances',
  cloudwatch: 'Amazon CloudWatch',
  costExplorer: 'AWS Cost Explorer',
  priceList: 'AWS Price List',
  directoryService: 'AWS Directory Service',
  ec2: 'Amazon EC2',
  cloudtrail: 'AWS CloudTrail',
  serviceQuotas: 'Service Quotas',
  sts: 'AWS STS',
  applicationAutoScaling: 'Application Auto Scaling',
} as const;

/** One of {@link SERVICE_LABELS}. */
export type ServiceLabel = (typeof SERVICE_LABELS)[keyof typeof SERVICE_LABELS];
