import type { WorkspaceImage } from '@aws-sdk/client-workspaces';

/** An image as the audit reports it. */
export interface ImageFacts {
  readonly imageId: string;
  readonly name: string | null;
  readonly state: string;
  /** `self` for images this account owns, else the owner's account id. */
  readonly owner: string;
  readonly operatingSystem: string | null;
  readonly created: string | null;
  readonly ageDays: number | null;
  /** Accounts it is shared with; null when not looked up (not owned, or over the lookup cap). */
  readonly sharedWithAccounts: string[] | null;
  readonly updateAvailable: boolean;
  readonly error: string | null;
}

export interface ImageFinding {
  readonly imageId: string;
  readonly severity: 'info' | 'warning';
  readonly issue: string;
}

const DAY_MS = 86_400_000;

/** Reduces DescribeWorkspaceImages output. */
export function imageFacts(
  image: WorkspaceImage,
  owned: boolean,
  now: Date,
  sharedWith: string[] | null,
): ImageFacts {
  const created = image.Created;
  const errorText = [image.ErrorCode, image.ErrorMessage].filter(Boolean).join(': ');
  return {
    imageId: image.ImageId ?? '',
    name: image.Name ?? null,
    state: image.State ?? 'UNKNOWN',
    owner: owned ? 'self' : (image.OwnerAccountId ?? 'unknown'),
    operatingSystem: image.OperatingSystem?.Type ?? null,
    created: created?.toISOString() ?? null,
    ageDays: created ? Math.floor((now.getTime() - created.getTime()) / DAY_MS) : null,
    sharedWithAccounts: sharedWith,
    updateAvailable: image.Updates?.UpdateAvailable ?? false,
    error: errorText || null,
  };
}

/**
 * The audit's rules: a failed image is a warning; pending images, images older than
 * `staleDays` (they miss months of OS patches, so new desktops start behind), images shared out
 * to other accounts, images with an agent/driver update, and images shared with this account are
 * info.
 */
export function imageFindings(image: ImageFacts, staleDays: number): ImageFinding[] {
  const findings: ImageFinding[] = [];
  const add = (severity: ImageFinding['severity'], issue: string) =>
    findings.push({ imageId: image.imageId, severity, issue });
  if (image.state === 'ERROR')
    add(
      'warning',
      `Image is in ERROR${image.error ? ` (${image.error})` : ''}; it cannot be used for bundles.`,
    );
  if (image.state === 'PENDING') add('info', 'Image is still being created.');
  if (image.ageDays !== null && image.ageDays > staleDays)
    add(
      'info',
      `Image is ${image.ageDays} days old (over ${staleDays}); patch a WorkSpace launched from it and create a new image from that WorkSpace, so new desktops start current.`,
    );
  if (image.sharedWithAccounts && image.sharedWithAccounts.length > 0)
    add(
      'info',
      `Shared with ${image.sharedWithAccounts.length} account(s): ${image.sharedWithAccounts.join(', ')}.`,
    );
  if (image.updateAvailable)
    add('info', 'A WorkSpaces software update is available for this image; create an updated image.');
  if (image.owner !== 'self') add('info', `Shared with this account by ${image.owner}.`);
  return findings;
}
