/**
 * What a part of the estate serves: operation handlers keyed by IAM prefix (the service names the
 * recorder and the IAM policies use) and operation name.
 */
import type { Estate } from './estate-model.js';

/** One request the simulator received, already routed. */
export interface SimRequest {
  /** IAM prefix of the service: `workspaces`, `cloudwatch`, `ds`, `ce`, ... */
  readonly service: string;
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly account: string;
  readonly region: string;
}

/** Answers one operation: the output object, or throws a SimulatedAwsError. Writes mutate the estate. */
export type OperationHandler = (request: SimRequest, estate: Estate) => Record<string, unknown>;

/** service (IAM prefix) → operation → handler. */
export type ServiceHandlers = Readonly<Record<string, Readonly<Record<string, OperationHandler>>>>;
