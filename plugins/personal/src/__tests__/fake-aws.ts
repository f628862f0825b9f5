/**
 * A client hook that answers SDK requests inside the middleware stack (after the retry
 * middleware), so the host's call recorder, retries and error translation all run for real and
 * nothing reaches the network. Test-only; excluded from the build.
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

/** The client hook plus the log of requests it answered. */
export function fakeAws(handler: FakeHandler) {
  const requests: FakeRequest[] = [];
  return {
    requests,
    clientHook(client: { middlewareStack: unknown }, meta: { serviceId: string; region: string }) {
      const stack = client.middlewareStack as Stack;
      // The request is carried on the per-request middleware context: clients are shared and
      // requests run concurrently, so a variable on the client would mix them up.
      type Context = {
        commandName?: string;
        fakeRequest?: { operation: string; input: Record<string, unknown> };
      };
      stack.add(
        (next: (args: unknown) => Promise<unknown>, context: Context) =>
          async (args: { input: Record<string, unknown> }) => {
            context.fakeRequest = {
              operation: (context.commandName ?? '').replace(/Command$/, ''),
              input: args.input,
            };
            return next(args);
          },
        { step: 'initialize', name: 'fakeAwsCapture', priority: 'low' },
      );
      stack.addRelativeTo(
        (_next: unknown, context: Context) => async () => {
          const request = {
            serviceId: meta.serviceId.toLowerCase(),
            region: meta.region,
            ...(context.fakeRequest ?? { operation: '?', input: {} }),
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

/** Request counts by operation, e.g. `{ DescribeWorkspaces: 40, GetMetricData: 2 }`. */
export function countByOperation(requests: readonly FakeRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) counts[r.operation] = (counts[r.operation] ?? 0) + 1;
  return counts;
}
