/**
 * The vocabulary of the simulated WorkSpaces Applications estate: instance types, AWS base
 * images, names, and the texts AWS puts in errors. Values are from the SDK's enums (3.1112.0)
 * and the AppStream 2.0 administration guide; messages we could not see verbatim are marked.
 */
import type { FleetErrorCode, PlatformType } from '@aws-sdk/client-appstream';
import { hash32 } from '../../rng.js';

/** Image instance families (Image.SupportedInstanceFamilies) by instance type prefix. */
export function instanceFamily(instanceType: string): string {
  if (instanceType.startsWith('stream.graphics.g4dn')) return 'Graphics G4';
  if (instanceType.startsWith('stream.graphics.g5')) return 'Graphics G5';
  if (instanceType.startsWith('stream.compute')) return 'Compute Optimized';
  if (instanceType.startsWith('stream.memory')) return 'Memory Optimized';
  return 'General Purpose';
}

/** Instance types steady fleets draw from, weighted towards the common general-purpose sizes. */
export const STEADY_INSTANCE_TYPES: readonly (readonly [string, number])[] = [
  ['stream.standard.medium', 5],
  ['stream.standard.large', 4],
  ['stream.standard.small', 2],
  ['stream.compute.large', 2],
  ['stream.memory.large', 2],
  ['stream.memory.xlarge', 1],
  ['stream.graphics.g4dn.xlarge', 1],
  ['stream.compute.xlarge', 1],
];

/**
 * Fleet instance quotas AWS sets by default for a new account (AppStream service quotas page,
 * "Standard/Compute/Memory/Graphics fleet instances"); the estate raises them where fleets need
 * more, as an admin would have.
 */
export function defaultInstanceQuota(instanceType: string): number {
  if (instanceType.startsWith('stream.graphics')) return 0;
  if (instanceType.startsWith('stream.compute')) return 5;
  if (instanceType.startsWith('stream.memory')) return 5;
  return 50;
}

/** The AWS base images published in every region (Visibility PUBLIC, no owner account). */
export interface BaseImageSpec {
  readonly prefix: string;
  readonly platform: PlatformType;
  readonly families: readonly string[];
  /** Days before the estate's now that AWS released it. */
  readonly releasedDaysAgo: number;
}

export const BASE_IMAGES: readonly BaseImageSpec[] = [
  {
    prefix: 'AppStream-WinServer2022',
    platform: 'WINDOWS_SERVER_2022',
    families: ['General Purpose', 'Compute Optimized', 'Memory Optimized'],
    releasedDaysAgo: 41,
  },
  {
    prefix: 'AppStream-WinServer2019',
    platform: 'WINDOWS_SERVER_2019',
    families: ['General Purpose', 'Compute Optimized', 'Memory Optimized'],
    releasedDaysAgo: 41,
  },
  {
    prefix: 'AppStream-Graphics-G4dn-WinServer2022',
    platform: 'WINDOWS_SERVER_2022',
    families: ['Graphics G4'],
    releasedDaysAgo: 41,
  },
  {
    prefix: 'AppStream-AmazonLinux2',
    platform: 'AMAZON_LINUX2',
    families: ['General Purpose', 'Compute Optimized', 'Memory Optimized'],
    releasedDaysAgo: 77,
  },
  {
    // Superseded but still listed: private images built on it carry its old release date.
    prefix: 'AppStream-WinServer2019',
    platform: 'WINDOWS_SERVER_2019',
    families: ['General Purpose', 'Compute Optimized', 'Memory Optimized'],
    releasedDaysAgo: 430,
  },
];

/** `AppStream-WinServer2022-10-06-2026`: AWS names base images by release date (MM-DD-YYYY). */
export function datedName(prefix: string, date: Date): string {
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${prefix}-${mm}-${dd}-${date.getUTCFullYear()}`;
}

/**
 * AppStream agent versions are release dates (MM-DD-YYYY); "LATEST" makes instances take the
 * newest agent at launch. Pinned old agents are what `audit_application_images` flags.
 */
export const PINNED_AGENT_VERSIONS = ['06-19-2023', '10-26-2023', '03-11-2024', '09-02-2025'] as const;

/** Fleet base names by purpose; steady fleets cycle through the pool with a numeric suffix. */
export const SCENARIO_FLEET_NAMES: Readonly<Record<string, string>> = {
  exhausted: 'callcenter-crm',
  'below-desired': 'finance-reporting',
  idle: 'engineering-cad-legacy',
  elastic: 'contractors-elastic',
  'multi-session': 'helpdesk-shared',
  stopped: 'training-lab',
  'on-demand': 'analytics-ondemand',
  starting: 'claims-pilot',
  'role-missing': 'warehouse-scanning',
};

export const STEADY_FLEET_NAMES = [
  'sales-apps',
  'hr-portal',
  'design-review',
  'dev-tools',
  'legal-docs',
  'marketing-suite',
  'ops-console',
  'research-lab',
  'pharmacy-apps',
  'student-labs',
  'gis-mapping',
  'erp-client',
] as const;

/** What each fleet streams (Image.Applications). */
export const APPLICATION_SETS: readonly (readonly [string, string, string])[] = [
  ['Excel', 'Microsoft Excel', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE'],
  ['Word', 'Microsoft Word', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE'],
  ['Chrome', 'Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
  ['SAPGUI', 'SAP GUI', 'C:\\Program Files (x86)\\SAP\\FrontEnd\\SAPgui\\saplogon.exe'],
  ['AutoCAD', 'AutoCAD 2025', 'C:\\Program Files\\Autodesk\\AutoCAD 2025\\acad.exe'],
  ['Tableau', 'Tableau Desktop', 'C:\\Program Files\\Tableau\\Tableau 2025.2\\bin\\tableau.exe'],
  ['Notepad++', 'Notepad++', 'C:\\Program Files\\Notepad++\\notepad++.exe'],
  ['QGIS', 'QGIS', 'C:\\Program Files\\QGIS 3.40\\bin\\qgis-bin.exe'],
];

export const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Pedro',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wen',
  'Yusuf',
] as const;
export const LAST_NAMES = [
  'Adams',
  'Becker',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Horvat',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Nguyen',
  'Okafor',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Weber',
] as const;

/**
 * FleetErrors texts. AWS documents the codes, not the messages: these are written from the
 * codes and the "Troubleshooting Notification Codes" page, naming the resource involved.
 */
export function fleetErrorMessage(code: FleetErrorCode, detail: string): string {
  switch (code) {
    case 'SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES':
      return `The subnet ${detail} does not have enough free IP addresses to launch the requested streaming instances.`;
    case 'IMAGE_NOT_FOUND':
      return `The image ${detail} was not found. It may have been deleted or is no longer shared with this account.`;
    case 'IAM_SERVICE_ROLE_IS_MISSING':
      return 'The AmazonAppStreamServiceAccess service role is missing. Recreate the role so the service can manage network interfaces in your VPC.';
    case 'DOMAIN_JOIN_ERROR_ACCESS_DENIED':
      return `Access is denied. The service account of the directory config cannot create computer objects in ${detail}.`;
    default:
      return `${code}: ${detail}`;
  }
}

/** A stable UUID-shaped id from the parts (scaling activities, sessions, request ids). */
export function uuidFrom(...parts: readonly (string | number)[]): string {
  const hex = [0, 1, 2, 3]
    .map((i) =>
      hash32(...parts, i)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Business-hours offset from UTC of the users a regional fleet usually serves: the one every
 * simulated domain uses (regions.ts), under the name this domain's generators import.
 */
export { businessHoursUtcOffset as regionUtcOffset } from '../../regions.js';
