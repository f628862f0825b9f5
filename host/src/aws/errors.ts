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

/**
 * Commercial regions every account has enabled. Every region AWS launched since March 2019 is
 * opt-in (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html), so this
 * list is closed: a region not in it is opt-in.
 */
const ENABLED_BY_DEFAULT = new Set([
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
]);
/** What AWS answers, per service, to a request signed for an opt-in region the account has not enabled. */
const REGION_NOT_ENABLED_CODES = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'AuthFailure',
  'OptInRequired',
]);

/** Why a region cannot answer at all, as opposed to a failure of the request. */
interface RegionProblem {
  readonly code: 'ServiceNotInRegion' | 'RegionNotEnabled';
  readonly message: string;
}

/**
 * A failure that says the service is not there in that region: its endpoint host does not resolve
 * (the service is not offered there), or an opt-in commercial region rejected the credentials (the
 * account has not enabled it). Both are answers about the region, not faults to retry or a reason
 * to sign in again, so the message says which region and what to do.
 */
function regionProblemOf(error: unknown, code: string, message: string): RegionProblem | undefined {
  const call = failedCallOf(error);
  const host = stringField(error, 'hostname');
  const region = call?.region ?? (host ? /\.([a-z]{2}(?:-[a-z]+)+-\d)\./.exec(host)?.[1] : undefined);
  if (!region) return undefined;
  const service = call?.iamAction.split(':')[0] ?? host?.split('.')[0] ?? 'the service';
  if (stringField(error, 'code') === 'ENOTFOUND')
    return {
      code: 'ServiceNotInRegion',
      message: `${service} is not offered in ${region} or the region is not enabled: its endpoint${host ? ` ${host}` : ''} does not resolve (if every region fails so, check the network).`,
    };
  const commercial = /^[a-z]{2}-[a-z]+-\d$/.test(region) && !/^(cn|us-gov|us-iso|eusc)-/.test(region);
  if (REGION_NOT_ENABLED_CODES.has(code) && commercial && !ENABLED_BY_DEFAULT.has(region))
    return {
      code: 'RegionNotEnabled',
      message: `${region} is an opt-in region that did not accept the credentials: it is probably not enabled for this account (AWS console: Account > AWS Regions), or ${service} is not offered there. AWS said: ${message}`,
    };
  return undefined;
}

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
  const regionProblem = regionProblemOf(error, code, message);
  if (regionProblem) return { kind: 'unavailable', ...regionProblem };

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
    Object.defineProperty(this, TOOL_ERROR_BRAND, { value: true });
  }
}

// A plugin installed on its own brings its own copy of this module (the distribution bundles the
// host), so `instanceof ToolError` and a module-local WeakMap would not see across the two
// copies. Registry symbols are the same in every copy: the brand and the remembered call use them.
const TOOL_ERROR_BRAND = Symbol.for('workspaces-euc-mcp.ToolError');
const FAILED_CALL = Symbol.for('workspaces-euc-mcp.failedCall');

/** A ToolError from this copy of the plugin API or any other (a plugin's own). */
export function isToolError(error: unknown): error is ToolError {
  return typeof error === 'object' && error !== null && TOOL_ERROR_BRAND in error;
}

/** Remembers which AWS call an error came from, so its translation can name the IAM action. */
export function rememberFailedCall(error: unknown, call: RecordedCall): void {
  if (typeof error === 'object' && error !== null && !(FAILED_CALL in error) && Object.isExtensible(error))
    Object.defineProperty(error, FAILED_CALL, { value: call });
}

/** The AWS call an error came from, if it came from one. */
export function failedCallOf(error: unknown): RecordedCall | undefined {
  return typeof error === 'object' && error !== null && FAILED_CALL in error
    ? ((error as { [FAILED_CALL]?: RecordedCall })[FAILED_CALL] ?? undefined)
    : undefined;
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
  if (isToolError(error)) return { kind: 'tool', code: error.code, message: error.message };
  const classified = classifyAwsError(error);
  const call = failedCallOf(error);
  const where = call ? ` in ${call.region}${call.account ? ` (account ${call.account})` : ''}` : '';
  const base = {
    kind: classified.kind,
    code: classified.code,
    iamAction: call?.iamAction,
    region: call?.region,
  };
  if (classified.code === 'ServiceNotInRegion' || classified.code === 'RegionNotEnabled')
    return {
      ...base,
      message: call?.account ? `Account ${call.account}: ${classified.message}` : classified.message,
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
  if (isToolError(error))
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
