/**
 * Cost Explorer vocabulary for EUC spend. SERVICE names are matched by keyword, not an exact
 * list: an exact list once hid "Amazon WorkSpaces Applications" spend in the reference project
 * (v0.1.3), and names change with renames (AppStream 2.0 → WorkSpaces Applications, WorkSpaces
 * Web → Secure Browser). Cost Explorer bills Personal, Pools and Core as one "Amazon
 * WorkSpaces" line; USAGE_TYPE splits it, by a documented heuristic.
 */

/** True for a Cost Explorer SERVICE that is EUC spend (WorkSpaces family or AppStream). */
export function isEucService(service: string): boolean {
  const name = service.toLowerCase();
  // WorkSpaces Thin Client is hardware, not desktop spend.
  return (name.includes('workspaces') || name.includes('appstream')) && !name.includes('thin client');
}

/** The product a SERVICE line belongs to. */
export type EucProduct =
  | 'WorkSpaces (Personal/Pools/Core)'
  | 'WorkSpaces Applications'
  | 'WorkSpaces Secure Browser';

/** Which EUC product a SERVICE line bills; undefined when it is not EUC spend. */
export function eucProductOf(service: string): EucProduct | undefined {
  if (!isEucService(service)) return undefined;
  const name = service.toLowerCase();
  if (name.includes('appstream') || name.includes('applications')) return 'WorkSpaces Applications';
  if (name.includes('web') || name.includes('secure browser')) return 'WorkSpaces Secure Browser';
  return 'WorkSpaces (Personal/Pools/Core)';
}

/** The split of the WorkSpaces line. */
export type WorkSpacesCategory = 'WorkSpaces Personal' | 'WorkSpaces Pools' | 'WorkSpaces Core';

/**
 * Classifies a WorkSpaces USAGE_TYPE, first rule wins: "Pools" → Pools (e.g.
 * APS1-AW-HW-Pools-Stopped-Usage); "ManagedInstances" or a "Core" token → Core (e.g.
 * APS1-WH-ManagedInstances-Usage); anything else → Personal (e.g. APS1-AW-HWB5-0). A heuristic
 * on AWS naming: say so wherever it is shown.
 */
export function workspacesCategoryOf(usageType: string): WorkSpacesCategory {
  const lower = usageType.toLowerCase();
  if (lower.includes('pools')) return 'WorkSpaces Pools';
  if (lower.includes('managedinstances') || /(^|[-_:.])core($|[-_:.])/.test(lower)) return 'WorkSpaces Core';
  return 'WorkSpaces Personal';
}

/** The category a (service, usage type) driver is reported under. */
export function driverCategory(service: string, usageType: string): string {
  const product = eucProductOf(service);
  if (product === 'WorkSpaces (Personal/Pools/Core)') return workspacesCategoryOf(usageType);
  return product ?? service;
}

/** The note every split carries. */
export const SPLIT_NOTE =
  'The Personal / Pools / Core split reads USAGE_TYPE names (Pools and ManagedInstances/Core markers; everything else counts as Personal), a heuristic on AWS naming. On DAILY series, AlwaysOn monthly fees post on the 1st, so the first day of each month spikes.';
