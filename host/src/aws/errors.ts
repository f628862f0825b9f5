import type { RecordedCall } from './recorder.js';

/** What kind of failure an AWS error is, which decides what the user is told to do. */
export type AwsErrorKind =
  | 'access-denied'
  | 'expired-credentials'
  | 'missing-credentials'
  | 'throttled'
  | 'not-found'
  | 'invalid-request'
  | 'unavailable'
  | 'other';

/** The essentials of an AWS SDK error, independent of which client threw it. */
export interface ClassifiedAwsError {
  readonly kind: AwsErrorKind;
  readonly code: string;
  readonly message: string;
}

const ACCESS_DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'AuthorizationError',
  'OptInRequired',
]);
const EXPIRED_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'TokenRefreshRequired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
]);
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'SlowDown',
]);
const NOT_FOUND_CODES = new Set([
  'ResourceNotFoundException',
  'ResourceNotFoundFault',
  'NotFoundException',
  'EntityDoesNotExistException',
  'EntityNotFoundException',
  'NoSuchEntity',
  'DirectoryNotFound',
  'EntityDoesNotExist',
]);
const INVALID_CODES = new Set([
  'ValidationException',
  'ValidationError',
  'InvalidParameterValuesException',
  'InvalidParameterValueException',
  'InvalidParameterException',
  'InvalidParameterCombinationException',
  'InvalidResourceStateException',
  'InvalidNextTokenException',
  'InvalidAccountStatusException',
  'OperationNotSupportedException',
  'ResourceLimitExceededException',
  'ConflictException',
]);
// Messages the credential providers raise when an SSO or web-identity session has lapsed; the SDK
// does not give these a stable error name across versions, so the text is matched (lower-cased).
const EXPIRED_MESSAGE_MARKERS = [
  'token has expired',
  'token is expired',
  'expired and refresh failed',
  'error when retrieving token from sso',
  'ssotokenload',
  'unauthorizedssotoken',
  'the sso session associated with this profile has expired',
  'sso session',
  'tokenretrievalerror',
  'security token included in the request is expired',
];
const MISSING_CREDENTIALS_MARKERS = [
  'could not load credentials from any providers',
  'unable to find credentials',
  'credential is missing',
  'no credentials',
];

function stringField(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = (value as Record<string, unknown>)[field];
  return typeof candidate === 'string' ? candidate : undefined;
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
}

/** Classifies any thrown value from an SDK call. */
export function classifyAwsError(error: unknown): ClassifiedAwsError {
  const code = stringField(error, 'Code') ?? stringField(error, 'name') ?? 'Error';
  const message = stringField(error, 'message') ?? String(error);
  const lowered = `${code} ${message}`.toLowerCase();
  const status = httpStatusOf(error);
  const fault = stringField(error, '$fault');

  let kind: AwsErrorKind = 'other';
  if (ACCESS_DENIED_CODES.has(code)) kind = 'access-denied';
  else if (EXPIRED_CODES.has(code) || EXPIRED_MESSAGE_MARKERS.some((marker) => lowered.includes(marker)))
    kind = 'expired-credentials';
  else if (
    code === 'CredentialsProviderError' ||
    MISSING_CREDENTIALS_MARKERS.some((marker) => lowered.includes(marker))
  )
    kind = 'missing-credentials';
  else if (THROTTLING_CODES.has(code) || status === 429) kind = 'throttled';
  else if (NOT_FOUND_CODES.has(code) || status === 404) kind = 'not-found';
  else if (INVALID_CODES.has(code)) kind = 'invalid-request';
  else if (fault === 'server' || (status !== undefined && status >= 500)) kind = 'unavailable';
  else if (status === 403) kind = 'access-denied';
  return { kind, code, message };
}

/**
 * An expected failure a tool reports to the user; the host turns it into an MCP tool error whose
 * text is `message`. Use it for conditions like "no desktop matches that user name".
 */
export class ToolError extends Error {
  override readonly name = 'ToolError';
  constructor(
    /** A stable machine-readable code, e.g. `NotFound`, `AccessDenied`, `InvalidInput`. */
    readonly code: string,
    message: string,
    /** The IAM action that was denied, when the failure is a denial (e.g. a metric series' failure). */
    readonly iamAction?: string,
  ) {
    super(message);
  }
}

const callOfError = new WeakMap<object, RecordedCall>();

/** Remembers which AWS call an error came from, so its translation can name the IAM action. */
export function rememberFailedCall(error: unknown, call: RecordedCall): void {
  if (typeof error === 'object' && error !== null && !callOfError.has(error)) callOfError.set(error, call);
}

/** The AWS call an error came from, if it came from one. */
export function failedCallOf(error: unknown): RecordedCall | undefined {
  return typeof error === 'object' && error !== null ? callOfError.get(error) : undefined;
}

/** What the user needs to act on an AWS failure. */
export interface TranslatedError {
  readonly kind: AwsErrorKind | 'tool';
  readonly code: string;
  readonly message: string;
  readonly iamAction?: string;
  readonly region?: string;
}

/** How translation learns what only the host knows: the policies and the login state. */
export interface TranslationHints {
  /** The generated policy file that grants the action, e.g. `iam/tier0-diagnostics.json`. */
  tierPolicyFor(iamAction: string): string | undefined;
  /** What to tell the user about re-authenticating (SSO login launched, or the command to run). */
  reauthenticate(error: ClassifiedAwsError): string;
}

/** Turns any error from a tool into a message the user (or the model) can act on. */
export function translateError(error: unknown, hints: TranslationHints): TranslatedError {
  if (error instanceof ToolError) return { kind: 'tool', code: error.code, message: error.message };
  const classified = classifyAwsError(error);
  const call = failedCallOf(error);
  const where = call ? ` in ${call.region}${call.account ? ` (account ${call.account})` : ''}` : '';
  const base = {
    kind: classified.kind,
    code: classified.code,
    iamAction: call?.iamAction,
    region: call?.region,
  };
  switch (classified.kind) {
    case 'access-denied': {
      const action = call?.iamAction;
      const policy = action ? hints.tierPolicyFor(action) : undefined;
      const what = action ? `the IAM action ${action}` : 'an IAM permission this tool needs';
      const attach = policy
        ? `Attach ${policy} (generated by \`workspaces-euc-mcp iam-policy\`; it grants ${action}) to the identity the server runs as`
        : 'Grant it to the identity the server runs as (see `workspaces-euc-mcp iam-policy`)';
      return {
        ...base,
        message: `AWS denied ${what}${where}. ${attach}, or check SCPs and permission boundaries. AWS said: ${classified.message}`,
      };
    }
    case 'expired-credentials':
    case 'missing-credentials':
      return {
        ...base,
        message: `${classified.kind === 'expired-credentials' ? 'The AWS credentials have expired' : 'No AWS credentials were found'}${where}. ${hints.reauthenticate(classified)} AWS said: ${classified.message}`,
      };
    case 'throttled':
      return {
        ...base,
        message: `AWS kept throttling ${call?.iamAction ?? 'the request'}${where} after adaptive retries. Try again in a minute, narrow the request (fewer regions or resources), or ask for a higher API rate quota. AWS said: ${classified.message}`,
      };
    case 'not-found':
      return { ...base, message: `Not found${where}: ${classified.message}` };
    case 'invalid-request':
      return {
        ...base,
        message: `AWS rejected ${call?.iamAction ?? 'the request'}${where} as invalid (${classified.code}): ${classified.message}`,
      };
    case 'unavailable':
      return {
        ...base,
        message: `AWS had a service error on ${call?.iamAction ?? 'the request'}${where} (${classified.code}); retry shortly. AWS said: ${classified.message}`,
      };
    case 'other':
      return { ...base, message: `${classified.code}${where}: ${classified.message}` };
  }
}

/** A failure as data in a result: `{ code, message, iamAction? }`, for partial-failure lists. */
export interface ErrorSummary {
  readonly code: string;
  readonly message: string;
  readonly iamAction?: string;
}

/** Summarises any error for an `errors[]` entry; AccessDenied names the action that was denied. */
export function summarizeError(error: unknown): ErrorSummary {
  if (error instanceof ToolError)
    return {
      code: error.code,
      message: error.message,
      ...(error.iamAction ? { iamAction: error.iamAction } : {}),
    };
  const classified = classifyAwsError(error);
  const call = failedCallOf(error);
  const message =
    classified.kind === 'access-denied' && call
      ? `Access denied for ${call.iamAction}: ${classified.message}`
      : classified.message;
  return { code: classified.code, message, ...(call ? { iamAction: call.iamAction } : {}) };
}
