import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { instanceTags } from '../aws.js';
import { CORE_CHECKS, failureFinding } from '../checks.js';
import { describeEc2Instances, describeVolumes, type Ec2Facts, withVolumeDetails } from '../ec2.js';
import { locateInstances, notFoundError } from '../locate.js';
import { ec2Disagreement, phaseOf } from '../provisioning.js';
import { Tags, WorkspaceInstanceId } from '../schemas.js';
import { survivingVolumes } from '../volumes.js';

const Input = Type.Object(
  { workspaceInstanceId: WorkspaceInstanceId, ...ScopeInput },
  { additionalProperties: false },
);

const Volume = Type.Object({
  volumeId: Type.String(),
  device: Type.String(),
  deleteOnTermination: Type.Boolean({ description: 'False: the volume outlives the instance.' }),
  sizeGiB: Type.Optional(Type.Integer()),
  volumeType: Type.Optional(Type.String()),
  encrypted: Type.Optional(Type.Boolean()),
});

const Output = Type.Object({
  summary: Type.String(),
  workspaceInstanceId: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  state: Type.String({ description: 'ProvisionState.' }),
  phase: Type.String(),
  billingMode: Type.Optional(Type.String()),
  ec2: Type.Optional(
    Type.Object({
      instanceId: Type.String(),
      instanceType: Type.Optional(Type.String()),
      state: Type.Optional(Type.String({ description: "EC2's state; absent when EC2 does not know it." })),
      launchTime: Type.Optional(Type.String()),
      availabilityZone: Type.Optional(Type.String()),
      privateIpAddress: Type.Optional(Type.String()),
      platform: Type.Optional(Type.String()),
    }),
  ),
  volumes: Type.Array(Volume),
  tags: Tags,
  findings: Type.Array(
    Type.Object({
      checkId: Type.String(),
      severity: Type.String(),
      title: Type.String(),
      detail: Type.String(),
      fix: Type.String(),
    }),
  ),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

/** The EC2 facts with volume details; EC2 failures become errors and leave the facts out. */
async function ec2FactsOf(
  ctx: ToolContext,
  scope: Scope,
  instanceId: string,
  errors: ErrorEntry[],
): Promise<{ facts?: Ec2Facts; known: boolean }> {
  let facts: Ec2Facts | undefined;
  try {
    facts = (await describeEc2Instances(ctx, scope, [instanceId])).get(instanceId);
  } catch (error) {
    errors.push(errorEntry('Amazon EC2', scope, error, 'EC2 instance not read: '));
    return { known: true };
  }
  if (!facts) return { known: false };
  if (facts.volumes.length === 0) return { facts, known: true };
  try {
    const volumes = await describeVolumes(
      ctx,
      scope,
      facts.volumes.map((v) => v.volumeId),
    );
    return { facts: withVolumeDetails(facts, volumes), known: true };
  } catch (error) {
    errors.push(errorEntry('Amazon EC2', scope, error, 'Volume sizes not read: '));
    return { facts, known: true };
  }
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const id = input.workspaceInstanceId;
  const search = await locateInstances(ctx, input, [id]);
  const located = search.found.get(id);
  if (!located) throw notFoundError('workspaceInstanceId', id, search);
  const { scope, instance } = located;
  const errors: ErrorEntry[] = [];
  const ec2InstanceId = instance.EC2ManagedInstance?.InstanceId;
  const [tags, ec2] = await Promise.all([
    instanceTags(ctx, scope, id).catch((error: unknown) => {
      errors.push(errorEntry(SERVICE_LABELS.coreInstances, scope, error, 'Tags not read: '));
      return {};
    }),
    ec2InstanceId
      ? ec2FactsOf(ctx, scope, ec2InstanceId, errors)
      : Promise.resolve({ facts: undefined, known: true }),
  ]);
  const findings = failureFinding(instance).map((f) => {
    const check = CORE_CHECKS.find((c) => c.id === f.checkId);
    return {
      checkId: f.checkId,
      severity: f.severity ?? check?.severity ?? 'warning',
      title: check?.title ?? f.checkId,
      detail: f.detail ?? '',
      fix: check?.fix ?? '',
    };
  });
  const state = instance.ProvisionState;
  const facts = ec2.facts;
  const kept = survivingVolumes(facts?.volumes ?? []);
  const disagreement = ec2.known ? ec2Disagreement(state, ec2InstanceId, facts?.state) : undefined;
  const notes = [
    ...(disagreement ? [disagreement] : []),
    ...(kept.length > 0
      ? [
          `${kept.map((v) => v.volumeId).join(', ')} would outlive a deletion (DeleteOnTermination=false) and stay billed as EBS.`,
        ]
      : []),
  ];
  const where = scopeLabel(scope);
  const summary =
    `${id} in ${where} is ${state ?? 'UNKNOWN'} (${phaseOf(state)})` +
    (facts?.instanceType ? `, ${facts.instanceType}` : '') +
    (ec2InstanceId ? ` on ${ec2InstanceId}` : ', no EC2 instance') +
    (facts ? `, ${facts.volumes.length} volume(s)` : '') +
    '.' +
    (findings.length > 0 ? ` Finding: ${findings.map((f) => f.title).join('; ')} (see findings).` : '') +
    (disagreement ? ` ${disagreement}` : '') +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    workspaceInstanceId: id,
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
    state: state ?? 'UNKNOWN',
    phase: phaseOf(state),
    ...(instance.BillingConfiguration?.BillingMode
      ? { billingMode: instance.BillingConfiguration.BillingMode }
      : {}),
    ...(ec2InstanceId
      ? {
          ec2: {
            instanceId: ec2InstanceId,
            ...(facts?.instanceType ? { instanceType: facts.instanceType } : {}),
            ...(facts?.state ? { state: facts.state } : {}),
            ...(facts?.launchTime ? { launchTime: facts.launchTime } : {}),
            ...(facts?.availabilityZone ? { availabilityZone: facts.availabilityZone } : {}),
            ...(facts?.privateIpAddress ? { privateIpAddress: facts.privateIpAddress } : {}),
            ...(facts?.platform ? { platform: facts.platform } : {}),
          },
        }
      : {}),
    volumes: facts?.volumes ?? [],
    tags,
    findings,
    notes,
    errors,
  };
}

/** get_core_managed_instance: one managed instance in full, with its EC2 instance, volumes and findings. */
export const getCoreManagedInstance = defineTool({
  name: 'get_core_managed_instance',
  title: 'Core managed instance details',
  description:
    'One Core managed instance in full, found in any configured account/region: state, billing mode, EC2 instance, volumes (kept after a delete?), tags, and findings for a failed launch or release with the EC2 error and its fix.',
  tier: 0,
  iam: [
    'workspaces-instances:GetWorkspaceInstance',
    'workspaces-instances:ListTagsForResource',
    'ec2:DescribeInstances',
    'ec2:DescribeVolumes',
  ],
  input: Input,
  output: Output,
  run,
});
