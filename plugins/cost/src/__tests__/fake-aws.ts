/**
 * A client hook that answers SDK requests inside the retry loop without any network, so the
 * host's call recorder (and so the IAM proof), retries and error translation all run for real.
 * Adapted from host/src/__fixtures__/fake-aws.ts (plugins may not import host internals).
 */

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
  });
}

/** The hook for `createTestHost({ aws: { clientHook } })` and the requests it saw. */
export function fakeAws(handler: FakeHandler): {
  clientHook: (client: unknown, meta: { serviceId: string; region: string }) => void;
  requests: FakeRequest[];
} {
  const requests: FakeRequest[] = [];
  return {
    requests,
    clientHook(client, meta) {
      const stack = (client as { middlewareStack: Stack }).middlewareStack;
      // The command name and input come from this request's own context and arguments, so
      // concurrent requests on one client are never answered with each other's input.
      stack.addRelativeTo(
        (_next: unknown, context: { commandName?: string }) =>
          async (args: { input?: Record<string, unknown> }) => {
            const request: FakeRequest = {
              serviceId: meta.serviceId,
              region: meta.region,
              operation: (context.commandName ?? '?').replace(/Command$/, ''),
              input: args.input ?? {},
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
