/**
 * The `application-autoscaling` reads for AppStream fleets. Limits from the SDK's doc comments
 * (3.1112.0): ServiceNamespace is required; a ScalableDimension needs a ResourceId; MaxResults
 * 1-50 (default 50) for DescribeScalableTargets and DescribeScalingActivities, 1-10 (default 10)
 * for DescribeScalingPolicies; a bad NextToken is InvalidNextTokenException. Only the `appstream`
 * namespace has data here: every other namespace answers with empty lists.
 */
import type { ServiceNamespace } from '@aws-sdk/client-application-auto-scaling';
import { SimulatedAwsError, validationError } from '../../errors.js';
import type { OperationHandler } from '../../handlers.js';
import { intInRange, listOf, pageOf, requiredString } from '../../paging.js';
import { here } from './lookup.js';

const NAMESPACES: readonly ServiceNamespace[] = [
  'appstream',
  'cassandra',
  'comprehend',
  'custom-resource',
  'dynamodb',
  'ec2',
  'ecs',
  'elasticache',
  'elasticmapreduce',
  'kafka',
  'lambda',
  'neptune',
  'rds',
  'sagemaker',
  'workspaces',
];

interface Filters {
  readonly appstream: boolean;
  readonly resourceIds: readonly string[] | undefined;
  readonly dimension: string | undefined;
}

function filters(input: Record<string, unknown>, resourceField: 'ResourceId' | 'ResourceIds'): Filters {
  const namespace = requiredString(input, 'ServiceNamespace');
  if (!NAMESPACES.some((n) => n === namespace))
    throw validationError(
      'serviceNamespace',
      `Member must satisfy enum value set: [${NAMESPACES.join(', ')}]`,
    );
  const resourceIds =
    resourceField === 'ResourceIds'
      ? listOf<string>(input, 'ResourceIds', 50)
      : typeof input.ResourceId === 'string'
        ? [input.ResourceId]
        : undefined;
  const dimension = typeof input.ScalableDimension === 'string' ? input.ScalableDimension : undefined;
  if (dimension && !resourceIds)
    throw new SimulatedAwsError(
      'ValidationException',
      'If you specify a scalable dimension, you must also specify a resource ID.',
    );
  return { appstream: namespace === 'appstream', resourceIds, dimension };
}

function matches(f: Filters, resourceId: string | undefined, dimension: string | undefined): boolean {
  return (
    f.appstream &&
    (!f.resourceIds || f.resourceIds.includes(resourceId ?? '')) &&
    (!f.dimension || f.dimension === dimension)
  );
}

const describeScalableTargets: OperationHandler = (request, estate) => {
  const f = filters(request.input, 'ResourceIds');
  const limit = intInRange(request.input, 'MaxResults', 1, 50, 50);
  const targets = here(estate.applications.scalableTargets, request)
    .map((t) => t.target)
    .filter((t) => matches(f, t.ResourceId, t.ScalableDimension));
  const page = pageOf('DescribeScalableTargets', targets, request.input.NextToken, limit);
  return { ScalableTargets: page.items.map((t) => structuredClone(t)), NextToken: page.nextToken };
};

const describeScalingPolicies: OperationHandler = (request, estate) => {
  const f = filters(request.input, 'ResourceId');
  const names = listOf<string>(request.input, 'PolicyNames', 50);
  const limit = intInRange(request.input, 'MaxResults', 1, 10, 10);
  const policies = here(estate.applications.scalingPolicies, request)
    .map((p) => p.policy)
    .filter(
      (p) => matches(f, p.ResourceId, p.ScalableDimension) && (!names || names.includes(p.PolicyName ?? '')),
    );
  const page = pageOf('DescribeScalingPolicies', policies, request.input.NextToken, limit);
  return { ScalingPolicies: page.items.map((p) => structuredClone(p)), NextToken: page.nextToken };
};

const describeScalingActivities: OperationHandler = (request, estate) => {
  const f = filters(request.input, 'ResourceId');
  const limit = intInRange(request.input, 'MaxResults', 1, 50, 50);
  // Newest first; the estate keeps only the six weeks AWS retains. Not-scaled activities are
  // not modelled, so IncludeNotScaledActivities adds nothing.
  const activities = here(estate.applications.scalingActivities, request)
    .map((a) => a.activity)
    .filter((a) => matches(f, a.ResourceId, a.ScalableDimension));
  const page = pageOf('DescribeScalingActivities', activities, request.input.NextToken, limit);
  return { ScalingActivities: page.items.map((a) => structuredClone(a)), NextToken: page.nextToken };
};

/** The `application-autoscaling` operations the fleets answer. */
export const autoscalingOperations = {
  DescribeScalableTargets: describeScalableTargets,
  DescribeScalingPolicies: describeScalingPolicies,
  DescribeScalingActivities: describeScalingActivities,
} satisfies Record<string, OperationHandler>;
