import type { ClientMeta } from '../aws/context.js';
import type { SdkClient } from '../plugin-api/types.js';

/** A request the fake AWS received. */
export interface FakeRequest {
  readonly serviceId: string;
  readonly operation: string;
  readonly input: Record<string, unknown>;
  readonly region: string;
}

/** Answers one request: return an output object, or throw an AWS-shaped error. */
export type FakeHandler = (request: FakeRequest) => Record<string, unknown>;

interface Stack {
  add(mw: unknown, options: { step: string; name: string; priority?: string }): void;
  addRelativeTo(
    mw: unknown,
    options: { relation: 'after' | 'before'; toMiddleware: string; name: string },
  ): void;
}

/** An AWS SDK-shaped error, as the real clients throw them. */
export function awsError(code: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), {
    name: code,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
    ...(httpStatusCode === 429 || code.includes('Throttl') ? { $retryable: { throttling: true } } : {}),
  });
}

/**
 * A client hook that answers every request inside the SDK's retry loop without any network,
 * so the host's recorder, retries and error translation all run for real.
 */
export function fakeAws(handler: FakeHandler): {
  clientHook: (client: SdkClient, meta: ClientMeta) => void;
  requests: FakeRequest[];
} {
  const requests: FakeRequest[] = [];
  return {
    requests,
    clientHook(client, meta) {
      const stack = client.middlewareStack as unknown as Stack;
      let pending: { operation: string; input: Record<string, unknown> } | undefined;
      stack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
          async (args: { input: Record<string, unknown> }) => {
            pending = { operation: (context.commandName ?? '').replace(/Command$/, ''), input: args.input };
            return next(args);
          },
        { step: 'initialize', name: 'fakeAwsCapture', priority: 'low' },
      );
      stack.addRelativeTo(
        () => async () => {
          const request = {
            serviceId: meta.serviceId,
            region: meta.region,
            ...(pending ?? { operation: '?', input: {} }),
          };
          requests.push(request);
          const output = handler(request);
          return {
            output: { $metadata: { httpStatusCode: 200 }, ...output },
            response: { statusCode: 200, headers: {} },
          };
        },
        { relation: 'after', toMiddleware: 'retryMiddleware', name: 'fakeAwsAnswer' },
      );
    },
  };
}
