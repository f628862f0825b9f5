/**
 * AWS-shaped errors, as the SDK v3 clients throw them after deserialising an error response:
 * `name` is the error code, `$fault` client/server, `$metadata.httpStatusCode`, and `$retryable`
 * where the SDK's retry strategy would retry (throttling, 5xx).
 */

/** The error a real SDK client would throw for this AWS error code. */
export class SimulatedAwsError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { httpStatusCode: number; requestId: string; attempts?: number };
  readonly $retryable?: { throttling: boolean };
  readonly Code: string;

  constructor(code: string, message: string, httpStatusCode = 400) {
    super(message);
    this.name = code;
    this.Code = code;
    this.$fault = httpStatusCode >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode, requestId: 'simulated' };
    const throttling =
      httpStatusCode === 429 || /throttl|toomanyrequests|ratelimit|limitexceeded$/i.test(code);
    if (throttling || httpStatusCode >= 500) this.$retryable = { throttling };
  }
}

/** `ValidationException` (or the service's own code) with AWS's constraint wording. */
export function validationError(
  field: string,
  constraint: string,
  code = 'ValidationException',
): SimulatedAwsError {
  return new SimulatedAwsError(
    code,
    `1 validation error detected: Value at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

export function notFound(what: string, code = 'ResourceNotFoundException'): SimulatedAwsError {
  return new SimulatedAwsError(code, `${what} does not exist.`);
}

export function accessDenied(action: string): SimulatedAwsError {
  return new SimulatedAwsError(
    'AccessDeniedException',
    `User: arn:aws:sts::000000000000:assumed-role/simulated/session is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
  );
}

export function throttled(operation: string, code = 'ThrottlingException'): SimulatedAwsError {
  return new SimulatedAwsError(code, `Rate exceeded for ${operation}`, 400);
}
