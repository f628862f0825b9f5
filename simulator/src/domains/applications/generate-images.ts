/**
 * Images of one (account, region): the AWS base images, the private images fleets stream (some
 * pinned to old agents, one over a year old, one still PENDING, one FAILED) and an image shared
 * from a partner account.
 */
import type { Application, Image, PlatformType } from '@aws-sdk/client-appstream';
import { DAY_MS, type Location } from '../../model.js';
import type { Rng } from '../../rng.js';
import { APPLICATION_SETS, BASE_IMAGES, datedName, PINNED_AGENT_VERSIONS } from './catalogue.js';
import type { FleetImageRequest } from './generate-fleets.js';
import { isoDay } from './generate-fleets.js';
import type { SimAppImage } from './model.js';

const MINUTE_MS = 60_000;
/** The account private images are shared from (documentation-style id). */
export const PARTNER_ACCOUNT = '444455556666';

interface BaseImage {
  readonly image: Image;
  readonly released: Date;
}

function baseImages(location: Location, now: Date): BaseImage[] {
  return BASE_IMAGES.map((spec) => {
    const released = new Date(now.getTime() - spec.releasedDaysAgo * DAY_MS);
    const name = datedName(spec.prefix, released);
    return {
      released,
      image: {
        Name: name,
        Arn: `arn:aws:appstream:${location.region}::image/${name}`,
        DisplayName: name.replace(/-/g, ' '),
        State: 'AVAILABLE',
        Visibility: 'PUBLIC',
        ImageBuilderSupported: true,
        Platform: spec.platform,
        Description: `AWS base image (${spec.platform}), released ${isoDay(released)}`,
        Applications: [],
        CreatedTime: released,
        PublicBaseImageReleasedDate: released,
        AppstreamAgentVersion: datedName('', released).slice(1),
        SupportedInstanceFamilies: [...spec.families],
        ImageType: 'NATIVE',
      },
    };
  });
}

/** The newest base image of a platform and family released before `at`. */
function baseFor(
  bases: readonly BaseImage[],
  platform: PlatformType,
  family: string,
  at: Date,
): BaseImage | undefined {
  const fits = bases.filter(
    (b) =>
      b.image.Platform === platform &&
      (b.image.SupportedInstanceFamilies ?? []).includes(family) &&
      b.released.getTime() <= at.getTime(),
  );
  fits.sort((a, b) => b.released.getTime() - a.released.getTime());
  return fits[0] ?? bases.find((b) => b.image.Platform === platform);
}

function applications(rng: Rng, platform: PlatformType): Application[] {
  const count = rng.int(2, 4);
  const start = rng.int(0, APPLICATION_SETS.length - 1);
  return Array.from({ length: count }, (_, i) => {
    const [name, display, path] = APPLICATION_SETS[(start + i) % APPLICATION_SETS.length] ?? [
      'App',
      'App',
      'app.exe',
    ];
    return {
      Name: name,
      DisplayName: display,
      LaunchPath: platform === 'AMAZON_LINUX2' ? `/usr/bin/${name.toLowerCase()}` : path,
      Enabled: true,
      Platforms: [platform],
      Metadata: {},
    };
  });
}

function privateImage(
  location: Location,
  request: Pick<FleetImageRequest, 'name' | 'arn' | 'platform' | 'family' | 'createdAt'>,
  bases: readonly BaseImage[],
  rng: Rng,
  overrides: Partial<Image> = {},
): SimAppImage {
  const base = baseFor(bases, request.platform, request.family, request.createdAt);
  const agent = rng.chance(0.6) ? 'LATEST' : rng.pick(PINNED_AGENT_VERSIONS);
  const image: Image = {
    Name: request.name,
    Arn: request.arn,
    BaseImageArn: base?.image.Arn,
    DisplayName: request.name,
    State: 'AVAILABLE',
    Visibility: 'PRIVATE',
    ImageBuilderSupported: true,
    ImageBuilderName: `${request.name.replace(/-\d{4}-\d{2}-\d{2}$/, '')}-builder`,
    Platform: request.platform,
    Description: `Built ${isoDay(request.createdAt)}`,
    Applications: applications(rng, request.platform),
    CreatedTime: request.createdAt,
    PublicBaseImageReleasedDate: base?.released,
    AppstreamAgentVersion: agent,
    LatestAppstreamAgentVersion: agent === 'LATEST' ? 'TRUE' : 'FALSE',
    SupportedInstanceFamilies: [request.family],
    DynamicAppProvidersEnabled: 'DISABLED',
    ImageSharedWithOthers: 'FALSE',
    ImageErrors: [],
    ImageType: 'NATIVE',
    ...overrides,
  };
  return { ...location, image, sharedWith: [], tags: { Owner: 'euc-team@example.com' } };
}

/** Every image of a location: public bases, the fleets' private images and the extra cases. */
export function buildImages(
  location: Location,
  locationIndex: number,
  requests: readonly FleetImageRequest[],
  rng: Rng,
  now: Date,
): SimAppImage[] {
  const nowMs = now.getTime();
  const bases = baseImages(location, now);
  const images: SimAppImage[] = bases.map((b) => ({ ...location, image: b.image, sharedWith: [], tags: {} }));
  const seen = new Set(images.map((i) => i.image.Name));
  for (const request of requests) {
    if (request.deleted || request.isPublic || seen.has(request.name)) continue;
    seen.add(request.name);
    images.push(privateImage(location, request, bases, rng));
  }
  const arn = (name: string) => `arn:aws:appstream:${location.region}:${location.account}:image/${name}`;
  const extra = (name: string, ageMs: number, overrides: Partial<Image>) => {
    const createdAt = new Date(nowMs - ageMs);
    const full = `${name}-${isoDay(createdAt)}`;
    images.push(
      privateImage(
        location,
        { name: full, arn: arn(full), platform: 'WINDOWS_SERVER_2019', family: 'General Purpose', createdAt },
        bases,
        rng,
        overrides,
      ),
    );
  };
  // A golden image from over a year ago, on an old base and an old pinned agent, shared out.
  extra('golden-win2019', 425 * DAY_MS, {
    AppstreamAgentVersion: PINNED_AGENT_VERSIONS[0],
    LatestAppstreamAgentVersion: 'FALSE',
    ImageSharedWithOthers: 'TRUE',
  });
  const golden = images[images.length - 1];
  if (golden)
    images[images.length - 1] = {
      ...golden,
      sharedWith: [{ account: PARTNER_ACCOUNT, allowFleet: true, allowImageBuilder: false }],
    };
  if (locationIndex === 0 || rng.chance(0.5))
    extra('cad-tools', 2 * DAY_MS, {
      State: 'FAILED',
      StateChangeReason: {
        Code: 'IMAGE_BUILDER_NOT_AVAILABLE',
        Message: 'The image builder cad-tools-builder stopped responding while the image was being created.',
      },
      ImageErrors: [
        {
          ErrorCode: 'INTERNAL_SERVICE_ERROR',
          ErrorMessage: 'Image creation failed. Launch an image builder from the base image and try again.',
          ErrorTimestamp: new Date(nowMs - 2 * DAY_MS + 40 * MINUTE_MS),
        },
      ],
    });
  if (locationIndex === 0)
    extra('finance-reporting-next', 25 * MINUTE_MS, { State: 'PENDING', AppstreamAgentVersion: 'LATEST' });
  if (locationIndex === 0) {
    const created = new Date(nowMs - 60 * DAY_MS);
    const name = `partner-erp-client-${isoDay(created)}`;
    images.push({
      ...location,
      image: {
        ...privateImage(
          location,
          {
            name,
            arn: `arn:aws:appstream:${location.region}:${PARTNER_ACCOUNT}:image/${name}`,
            platform: 'WINDOWS_SERVER_2022',
            family: 'General Purpose',
            createdAt: created,
          },
          bases,
          rng,
        ).image,
        Visibility: 'SHARED',
        ImageBuilderName: undefined,
        ImagePermissions: { allowFleet: true, allowImageBuilder: false },
      },
      sharedWith: [],
      tags: {},
    });
  }
  return images;
}
