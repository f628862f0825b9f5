import type { Image } from '@aws-sdk/client-appstream';

const DAY_MS = 86_400_000;
/** An image built more than a year ago misses a year of OS and application patches. */
export const OLD_IMAGE_DAYS = 365;

/** Why an image needs rebuilding; empty when it is current. */
export interface ImageStaleness {
  /** Days since the image was created, when it is older than {@link OLD_IMAGE_DAYS}. */
  readonly ageDays?: number;
  /** The pinned agent version, when the image does not run the latest agent. */
  readonly oldAgent?: string;
}

/**
 * Staleness of an AVAILABLE image. "Old agent" is AWS's own flag: LatestAppstreamAgentVersion
 * FALSE means the image is pinned to an agent older than the current one (images created with
 * the LATEST agent are updated automatically). Images still building or FAILED are not judged.
 */
export function imageStaleness(image: Image, now: Date): ImageStaleness {
  if (image.State !== 'AVAILABLE') return {};
  const created = image.CreatedTime?.getTime();
  const ageDays = created === undefined ? undefined : Math.floor((now.getTime() - created) / DAY_MS);
  return {
    ...(ageDays !== undefined && ageDays > OLD_IMAGE_DAYS ? { ageDays } : {}),
    ...(image.LatestAppstreamAgentVersion === 'FALSE'
      ? { oldAgent: image.AppstreamAgentVersion ?? 'unknown version' }
      : {}),
  };
}
