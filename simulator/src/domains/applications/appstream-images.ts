/**
 * Image, image-builder and app-block-builder reads of the `appstream` API. Limits from the API
 * reference: DescribeImages MaxResults 0-25 and Names or Arns, never both
 * (InvalidParameterCombinationException); DescribeImagePermissions MaxResults 0-500 and at most
 * 5 SharedAwsAccountIds; DescribeAppBlockBuilders "The maximum value is 25". DescribeImageBuilders
 * documents no range: the simulator holds it to 1-25 like its siblings (an assumption).
 */
import type { VisibilityType } from '@aws-sdk/client-appstream';
import { notFound, SimulatedAwsError } from '../../errors.js';
import type { OperationHandler } from '../../handlers.js';
import { intInRange, listOf, pageOf, requiredString } from '../../paging.js';
import { BAD_TOKEN, byNames, here, INVALID_COMBINATION, pageSize } from './lookup.js';

const VISIBILITIES: readonly VisibilityType[] = ['PUBLIC', 'PRIVATE', 'SHARED'];

const describeImages: OperationHandler = (request, estate) => {
  const input = request.input;
  const names = listOf<string>(input, 'Names', 1000);
  const arns = listOf<string>(input, 'Arns', 1000);
  if (names && arns)
    throw new SimulatedAwsError(INVALID_COMBINATION, 'Names and Arns cannot be specified together.');
  const limit = pageSize(input, 'MaxResults', 0, 25, 25);
  const type = input.Type;
  if (type !== undefined && !VISIBILITIES.some((v) => v === type))
    throw new SimulatedAwsError(
      'ValidationException',
      `1 validation error detected: Value '${String(type)}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [PUBLIC, PRIVATE, SHARED]`,
    );
  let images = here(estate.applications.images, request);
  if (names) images = byNames(images, (i) => i.image.Name, names, 'image');
  if (arns) images = byNames(images, (i) => i.image.Arn, arns, 'image');
  if (type) images = images.filter((i) => i.image.Visibility === type);
  const page = pageOf('DescribeImages', images, input.NextToken, limit, BAD_TOKEN);
  return { Images: page.items.map((i) => structuredClone(i.image)), NextToken: page.nextToken };
};

const describeImagePermissions: OperationHandler = (request, estate) => {
  const name = requiredString(request.input, 'Name');
  const limit = pageSize(request.input, 'MaxResults', 0, 500, 25);
  const accounts = listOf<string>(request.input, 'SharedAwsAccountIds', 5);
  const image = here(estate.applications.images, request).find(
    (i) => i.image.Name === name && i.image.Visibility === 'PRIVATE',
  );
  if (!image) throw notFound(`The image ${name}`);
  const shares = image.sharedWith.filter((s) => !accounts || accounts.includes(s.account));
  const page = pageOf('DescribeImagePermissions', shares, request.input.NextToken, limit, BAD_TOKEN);
  return {
    Name: name,
    SharedImagePermissionsList: page.items.map((s) => ({
      sharedAccountId: s.account,
      imagePermissions: { allowFleet: s.allowFleet, allowImageBuilder: s.allowImageBuilder },
    })),
    NextToken: page.nextToken,
  };
};

const describeImageBuilders: OperationHandler = (request, estate) => {
  const names = listOf<string>(request.input, 'Names', 1000);
  const limit = intInRange(request.input, 'MaxResults', 1, 25, 25);
  const builders = byNames(
    here(estate.applications.imageBuilders, request),
    (b) => b.builder.Name,
    names,
    'image builder',
  );
  const page = pageOf('DescribeImageBuilders', builders, request.input.NextToken, limit, BAD_TOKEN);
  return { ImageBuilders: page.items.map((b) => structuredClone(b.builder)), NextToken: page.nextToken };
};

const describeAppBlockBuilders: OperationHandler = (request, estate) => {
  const names = listOf<string>(request.input, 'Names', 1000);
  const limit = intInRange(request.input, 'MaxResults', 1, 25, 25);
  const builders = byNames(
    here(estate.applications.appBlockBuilders, request),
    (b) => b.builder.Name,
    names,
    'app block builder',
  );
  const page = pageOf('DescribeAppBlockBuilders', builders, request.input.NextToken, limit, BAD_TOKEN);
  return { AppBlockBuilders: page.items.map((b) => structuredClone(b.builder)), NextToken: page.nextToken };
};

/** The image and builder reads of the `appstream` service. */
export const appstreamImageOperations = {
  DescribeImages: describeImages,
  DescribeImagePermissions: describeImagePermissions,
  DescribeImageBuilders: describeImageBuilders,
  DescribeAppBlockBuilders: describeAppBlockBuilders,
} satisfies Record<string, OperationHandler>;
