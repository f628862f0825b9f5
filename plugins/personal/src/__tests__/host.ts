import type { Plugin } from '@workspaces-euc-mcp/host';
import type { SimRequest } from '@workspaces-euc-mcp/simulator';
import {
  createTestHost,
  type Estate,
  type EstateOptions,
  type FaultRule,
  type Simulator,
  type TestHost,
} from '@workspaces-euc-mcp/testing';
import { afterEach } from 'vitest';
import plugin from '../index.js';

export { invokeOk as call, type TestHost } from '@workspaces-euc-mcp/testing';

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
});

/** A request the simulated estate answered, with its input (for request-shape assertions). */
export interface SentRequest {
  /** `workspaces:StopWorkspaces`. */
  readonly action: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly region: string;
  /** The error code when the request failed. */
  readonly error?: string;
}

export interface PersonalHostOptions {
  readonly enableWrites?: boolean;
  readonly enableDestructive?: boolean;
  readonly maxBulkTargets?: number;
  /** Requests in flight per tool; 1 makes the order of batches deterministic. */
  readonly concurrency?: number;
  readonly hostTools?: boolean;
  readonly extraPlugins?: readonly Plugin[];
  readonly faults?: readonly FaultRule[];
  /** Sees each request after the estate answered it (e.g. to change the estate between plan and apply). */
  readonly afterRequest?: (request: SimRequest, estate: Estate) => void;
}

/**
 * A host built like the CLI builds it, with this plugin, serving `estate` from the shared simulated
 * estate (the estate's now is the host's clock).
 */
export async function personalHost(
  estate: Estate | EstateOptions,
  options: PersonalHostOptions = {},
): Promise<{ host: TestHost; simulator: Simulator; requests: SentRequest[] }> {
  const requests: SentRequest[] = [];
  let served: Estate | undefined;
  const host = await createTestHost({
    plugins: [plugin, ...(options.extraPlugins ?? [])],
    enableWrites: options.enableWrites ?? false,
    enableDestructive: options.enableDestructive ?? false,
    hostTools: options.hostTools ?? false,
    limits: {
      ...(options.maxBulkTargets ? { maxBulkTargets: options.maxBulkTargets } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    },
    estate,
    simulator: {
      ...(options.faults ? { faults: options.faults } : {}),
      observe: (request, answer) => {
        requests.push({
          action: `${request.service}:${request.operation}`,
          input: request.input,
          region: request.region,
          ...(answer.error ? { error: answer.error.name } : {}),
        });
        if (served) options.afterRequest?.(request, served);
      },
    },
  });
  open.push(host.close);
  served = host.simulator.estate;
  return { host, simulator: host.simulator, requests };
}

/** The actions sent, in order (`workspaces:DescribeWorkspaces`, ...). */
export const actions = (requests: readonly SentRequest[]) => requests.map((r) => r.action);

/** The requests of one action. */
export const sent = (requests: readonly SentRequest[], action: string) =>
  requests.filter((r) => r.action === action);
