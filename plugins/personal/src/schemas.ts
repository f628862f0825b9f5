import { summarizeError } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';

/** AWS region names (`eu-west-1`, `us-gov-west-1`). */
export const REGION_PATTERN = '^[a-z]{2}(-[a-z]+)+-\\d$';
/** WorkSpace ids: `ws-` and 8–63 lower-case letters or digits. */
export const WORKSPACE_ID_PATTERN = '^ws-[0-9a-z]{8,63}$';
/** Directory Service (`d-` + hex) or WorkSpaces-managed (`wsd-`) directory ids. */
export const DIRECTORY_ID_PATTERN = '^(d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})$';

export const RegionInput = Type.Optional(
  Type.String({
    pattern: REGION_PATTERN,
    description: "AWS region, e.g. eu-west-1. Default: the server's region.",
  }),
);
export const WorkspaceIdSchema = Type.String({
  pattern: WORKSPACE_ID_PATTERN,
  description: 'A WorkSpace id, e.g. ws-a1b2c3d4e.',
});
export const DirectoryIdSchema = Type.String({
  pattern: DIRECTORY_ID_PATTERN,
  description: 'A directory id: d-… (Directory Service) or wsd-… (WorkSpaces-managed).',
});

/** Service labels for `errors[]`, the current product names. */
export const SERVICE = {
  personal: 'WorkSpaces Personal',
  cloudwatch: 'CloudWatch',
  directoryService: 'Directory Service',
  ec2: 'EC2',
} as const;

/** A partial failure: one lookup that failed while the rest of the answer stands. */
export const ErrorEntrySchema = Type.Object({
  service: Type.String(),
  region: Type.String(),
  code: Type.String(),
  message: Type.String(),
  iamAction: Type.Optional(Type.String({ description: 'The IAM action of the failed request.' })),
});
export type ErrorEntry = Static<typeof ErrorEntrySchema>;

/** Turns a caught error into an `errors[]` entry; AccessDenied names the IAM action. */
export function errorEntry(service: string, region: string, error: unknown): ErrorEntry {
  const summary = summarizeError(error);
  return {
    service,
    region,
    code: summary.code,
    message: summary.message,
    ...(summary.iamAction ? { iamAction: summary.iamAction } : {}),
  };
}

export const Counts = Type.Record(Type.String(), Type.Integer());

/** Adds one to `counts[key]`. */
export function tally(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
