import type { Plugin } from '@workspaces-euc-mcp/host';
import { createTestHost } from '@workspaces-euc-mcp/host/testing';
import { afterEach } from 'vitest';
import plugin from '../index.js';
import { type Estate, NOW } from './estate.js';
import { type FakeRequest, fakeAws } from './fake-aws.js';
import { estateHandler, type Overrides } from './handler.js';

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
});

export interface PersonalHostOptions {
  readonly overrides?: Overrides;
  readonly enableWrites?: boolean;
  readonly enableDestructive?: boolean;
  readonly maxBulkTargets?: number;
  readonly hostTools?: boolean;
  readonly extraPlugins?: readonly Plugin[];
}

/** The host `createTestHost` builds. */
export type TestHost = Awaited<ReturnType<typeof createTestHost>>;

/** A host built like the CLI builds it, with this plugin, serving `estate` from the fake AWS. */
export async function personalHost(
  estate: Estate,
  options: PersonalHostOptions = {},
): Promise<{ host: TestHost; requests: FakeRequest[] }> {
  const aws = fakeAws(estateHandler(estate, options.overrides));
  const host = await createTestHost({
    plugins: [plugin, ...(options.extraPlugins ?? [])],
    enableWrites: options.enableWrites ?? false,
    enableDestructive: options.enableDestructive ?? false,
    hostTools: options.hostTools ?? false,
    limits: options.maxBulkTargets ? { maxBulkTargets: options.maxBulkTargets } : {},
    aws: { clientHook: aws.clientHook },
    now: NOW,
  });
  open.push(host.close);
  return { host, requests: aws.requests };
}

/** Invokes a tool and returns its structured result, failing the test when the call failed. */
export async function call<T = Record<string, unknown>>(
  host: TestHost,
  tool: string,
  input: Record<string, unknown>,
): Promise<T> {
  const result = await host.invoke(tool, input);
  if (!result.ok) throw new Error(`${tool} failed: ${result.text}`);
  return result.structured as T;
}

/** The operations sent, in order. */
export const operations = (requests: readonly FakeRequest[]) => requests.map((r) => r.operation);
