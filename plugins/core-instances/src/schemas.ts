/** Schemas the tools of this plugin share. */
import type { ProvisionStateEnum } from '@aws-sdk/client-workspaces-instances';
import Type from 'typebox';

/** The API's instance id pattern (WorkSpaces Instances API reference). */
export const WorkspaceInstanceId = Type.String({ pattern: '^wsinst-[0-9a-zA-Z]{8,63}$' });

const STATES = [
  'ALLOCATED',
  'ALLOCATING',
  'DEALLOCATING',
  'DEALLOCATED',
  'ERROR_ALLOCATING',
  'ERROR_DEALLOCATING',
] as const satisfies readonly ProvisionStateEnum[];

/** A ProvisionState. */
export const ProvisionState = Type.Enum(STATES);

/** Counts by a key (state, region...). */
export const Counts = Type.Record(Type.String(), Type.Integer());

/** Tags as key → value. */
export const Tags = Type.Record(Type.String(), Type.String());
