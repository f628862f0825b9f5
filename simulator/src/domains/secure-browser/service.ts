/**
 * The read operations of the `workspaces-web` API (WorkSpaces Secure Browser), camelCase as the
 * API is, and ExpireSession. The API reference gives maxResults only a minimum of 1 (botocore model: MaxResults
 * min 1, no max), so a value below 1 is a ValidationException and a larger one is cut to the
 * page size assumed here (100 a page, 50 for sessions); callers must follow nextToken.
 * Unknown resources are ResourceNotFoundException with HTTP 404, as the model declares.
 */
import type {
  BrowserSettings,
  DataProtectionSettings,
  IpAccessSettings,
  NetworkSettings,
  Portal,
  Session,
  SessionLogger,
  TrustStore,
  UserAccessLoggingSettings,
  UserSettings,
} from '@aws-sdk/client-workspaces-web';
import { SimulatedAwsError, validationError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { OperationHandler, SimRequest } from '../../handlers.js';
import { at } from '../../model.js';
import { pageOf, requiredString } from '../../paging.js';
import type { SecureBrowserEstate, SimPortal, SimWebSettings } from './model.js';

const VALIDATION = 'ValidationException';
/** Assumed service page sizes: the API documents no maximum for maxResults. */
const LIST_PAGE_SIZE = 100;
const SESSIONS_PAGE_SIZE = 50;
const ID_36 = /^[a-zA-Z0-9-]{36}$/;

function notFound(what: string): SimulatedAwsError {
  return new SimulatedAwsError('ResourceNotFoundException', `${what} was not found.`, 404);
}

function pageSize(input: Record<string, unknown>, cap: number): number {
  const asked = input.maxResults;
  if (asked === undefined || asked === null) return cap;
  if (typeof asked !== 'number' || !Number.isInteger(asked) || asked < 1)
    throw validationError('maxResults', 'Member must have value greater than or equal to 1');
  return Math.min(asked, cap);
}

function arnInput(input: Record<string, unknown>, field: string): string {
  const arn = requiredString(input, field);
  if (!/^arn:[\w+=/,.@-]+:workspaces-web:[a-z0-9-]*:\d{12}:[a-zA-Z]+(\/[a-fA-F0-9-]{36})+$/.test(arn))
    throw validationError(field, 'Member must be a valid ARN');
  return arn;
}

function portalsAt(estate: Estate, request: SimRequest): SimPortal[] {
  return estate.secureBrowser.portals.filter((p) => at(p, request.account, request.region));
}

function requirePortalByArn(estate: Estate, request: SimRequest): SimPortal {
  const arn = arnInput(request.input, 'portalArn');
  const portal = portalsAt(estate, request).find((p) => p.portal.portalArn === arn);
  if (!portal) throw notFound(`Portal ${arn}`);
  return portal;
}

function requirePortalById(estate: Estate, request: SimRequest): SimPortal {
  const id = requiredString(request.input, 'portalId');
  if (!ID_36.test(id))
    throw validationError('portalId', 'Member must have length 36 and match [a-zA-Z0-9\\-]+');
  const portal = portalsAt(estate, request).find((p) => p.portalId === id);
  if (!portal) throw notFound(`Portal ${id}`);
  return portal;
}

function summaryOf(portal: Portal): Record<string, unknown> {
  const {
    statusReason: _reason,
    customerManagedKey: _key,
    additionalEncryptionContext: _context,
    ...summary
  } = portal;
  return structuredClone(summary);
}

const listPortals: OperationHandler = (request, estate) => {
  const page = pageOf(
    'ListPortals',
    portalsAt(estate, request),
    request.input.nextToken,
    pageSize(request.input, LIST_PAGE_SIZE),
    VALIDATION,
  );
  return { portals: page.items.map((p) => summaryOf(p.portal)), nextToken: page.nextToken };
};

const getPortal: OperationHandler = (request, estate) => ({
  portal: structuredClone(requirePortalByArn(estate, request).portal),
});

const listIdentityProviders: OperationHandler = (request, estate) => {
  const portal = requirePortalByArn(estate, request);
  const page = pageOf(
    'ListIdentityProviders',
    portal.identityProviders,
    request.input.nextToken,
    pageSize(request.input, LIST_PAGE_SIZE),
    VALIDATION,
  );
  return { identityProviders: page.items.map((p) => ({ ...p })), nextToken: page.nextToken };
};

function sessionSummary(session: Session): Record<string, unknown> {
  const { clientIpAddresses: _ips, ...summary } = session;
  return structuredClone(summary);
}

const listSessions: OperationHandler = (request, estate) => {
  const input = request.input;
  const portal = requirePortalById(estate, request);
  const status = input.status;
  if (status !== undefined && status !== 'Active' && status !== 'Terminated')
    throw validationError('status', 'Member must satisfy enum value set: [Active, Terminated]');
  const sortBy = input.sortBy ?? 'StartTimeDescending';
  if (sortBy !== 'StartTimeAscending' && sortBy !== 'StartTimeDescending')
    throw validationError(
      'sortBy',
      'Member must satisfy enum value set: [StartTimeAscending, StartTimeDescending]',
    );
  let sessions = portal.sessions.filter(
    (s) =>
      (status === undefined || s.status === status) &&
      (input.username === undefined || s.username === input.username) &&
      (input.sessionId === undefined || s.sessionId === input.sessionId),
  );
  // Sessions are kept oldest first.
  if (sortBy === 'StartTimeDescending') sessions = [...sessions].reverse();
  const page = pageOf(
    'ListSessions',
    sessions,
    input.nextToken,
    pageSize(input, SESSIONS_PAGE_SIZE),
    VALIDATION,
  );
  return { sessions: page.items.map(sessionSummary), nextToken: page.nextToken };
};

const getSession: OperationHandler = (request, estate) => {
  const portal = requirePortalById(estate, request);
  const sessionId = requiredString(request.input, 'sessionId');
  const session = portal.sessions.find((s) => s.sessionId === sessionId);
  if (!session) throw notFound(`Session ${sessionId}`);
  return { session: structuredClone(session) };
};

function requireSessionId(input: Record<string, unknown>): string {
  const sessionId = requiredString(input, 'sessionId');
  if (!ID_36.test(sessionId))
    throw validationError('sessionId', 'Member must have length 36 and match [a-zA-Z0-9\\-]+');
  return sessionId;
}

/**
 * ExpireSession (DELETE /portals/{portalId}/sessions/{sessionId}): the session ends now, as
 * Terminated with an endTime. The API reference lists ResourceNotFoundException for an unknown
 * portal or session; what it answers for a session that already ended is not documented, so it
 * is taken as a no-op success here (the session stays as it ended).
 */
const expireSession: OperationHandler = (request, estate) => {
  const portal = requirePortalById(estate, request);
  const sessionId = requireSessionId(request.input);
  const session = portal.sessions.find((s) => s.sessionId === sessionId);
  if (!session) throw notFound(`Session ${sessionId}`);
  if (session.status === 'Active') {
    session.status = 'Terminated';
    session.endTime = new Date(estate.settings.now);
  }
  return {};
};

/** How one kind of settings resource is listed and fetched. */
interface SettingsKind<T> {
  /** `UserSettings` → ListUserSettings / GetUserSettings. */
  readonly name: string;
  /** ListTrustStores is plural where the others are not. */
  readonly listOperation?: string;
  readonly select: (estate: SecureBrowserEstate) => SimWebSettings<T>[];
  readonly arnField: string;
  readonly listKey: string;
  readonly getKey: string;
  /** The fields the List operation returns. */
  readonly summary: (settings: T) => Record<string, unknown>;
}

function settingsOperations<T>(kind: SettingsKind<T>): Readonly<Record<string, OperationHandler>> {
  const listOperation = kind.listOperation ?? `List${kind.name}`;
  const inLocation = (estate: Estate, request: SimRequest) =>
    kind.select(estate.secureBrowser).filter((s) => at(s, request.account, request.region));
  return {
    [listOperation]: (request, estate) => {
      const page = pageOf(
        listOperation,
        inLocation(estate, request),
        request.input.nextToken,
        pageSize(request.input, LIST_PAGE_SIZE),
        VALIDATION,
      );
      return {
        [kind.listKey]: page.items.map((s) => structuredClone(kind.summary(s.settings))),
        nextToken: page.nextToken,
      };
    },
    [`Get${kind.name}`]: (request, estate) => {
      const arn = arnInput(request.input, kind.arnField);
      const resource = inLocation(estate, request).find((s) => s.arn === arn);
      if (!resource) throw notFound(`${kind.name} ${arn}`);
      return { [kind.getKey]: structuredClone(resource.settings) };
    },
  };
}

const settingsHandlers = {
  ...settingsOperations<UserSettings>({
    name: 'UserSettings',
    select: (e) => e.userSettings,
    arnField: 'userSettingsArn',
    listKey: 'userSettings',
    getKey: 'userSettings',
    summary: ({
      associatedPortalArns: _p,
      customerManagedKey: _k,
      additionalEncryptionContext: _c,
      ...rest
    }) => rest,
  }),
  ...settingsOperations<NetworkSettings>({
    name: 'NetworkSettings',
    select: (e) => e.networkSettings,
    arnField: 'networkSettingsArn',
    listKey: 'networkSettings',
    getKey: 'networkSettings',
    summary: (s) => ({ networkSettingsArn: s.networkSettingsArn, vpcId: s.vpcId }),
  }),
  ...settingsOperations<IpAccessSettings>({
    name: 'IpAccessSettings',
    select: (e) => e.ipAccessSettings,
    arnField: 'ipAccessSettingsArn',
    listKey: 'ipAccessSettings',
    getKey: 'ipAccessSettings',
    summary: (s) => ({
      ipAccessSettingsArn: s.ipAccessSettingsArn,
      displayName: s.displayName,
      description: s.description,
      creationDate: s.creationDate,
    }),
  }),
  ...settingsOperations<DataProtectionSettings>({
    name: 'DataProtectionSettings',
    select: (e) => e.dataProtectionSettings,
    arnField: 'dataProtectionSettingsArn',
    listKey: 'dataProtectionSettings',
    getKey: 'dataProtectionSettings',
    summary: (s) => ({
      dataProtectionSettingsArn: s.dataProtectionSettingsArn,
      displayName: s.displayName,
      description: s.description,
      creationDate: s.creationDate,
    }),
  }),
  ...settingsOperations<BrowserSettings>({
    name: 'BrowserSettings',
    select: (e) => e.browserSettings,
    arnField: 'browserSettingsArn',
    listKey: 'browserSettings',
    getKey: 'browserSettings',
    summary: (s) => ({ browserSettingsArn: s.browserSettingsArn }),
  }),
  ...settingsOperations<UserAccessLoggingSettings>({
    name: 'UserAccessLoggingSettings',
    select: (e) => e.userAccessLoggingSettings,
    arnField: 'userAccessLoggingSettingsArn',
    listKey: 'userAccessLoggingSettings',
    getKey: 'userAccessLoggingSettings',
    summary: (s) => ({
      userAccessLoggingSettingsArn: s.userAccessLoggingSettingsArn,
      kinesisStreamArn: s.kinesisStreamArn,
    }),
  }),
  ...settingsOperations<TrustStore>({
    name: 'TrustStore',
    listOperation: 'ListTrustStores',
    select: (e) => e.trustStores,
    arnField: 'trustStoreArn',
    listKey: 'trustStores',
    getKey: 'trustStore',
    summary: (s) => ({ trustStoreArn: s.trustStoreArn }),
  }),
  ...settingsOperations<SessionLogger>({
    name: 'SessionLogger',
    listOperation: 'ListSessionLoggers',
    select: (e) => e.sessionLoggers,
    arnField: 'sessionLoggerArn',
    listKey: 'sessionLoggers',
    getKey: 'sessionLogger',
    // SessionLoggerSummary: where the logs go, not which events or portals.
    summary: (s) => ({
      sessionLoggerArn: s.sessionLoggerArn,
      logConfiguration: s.logConfiguration,
      displayName: s.displayName,
      creationDate: s.creationDate,
    }),
  }),
};

const listTagsForResource: OperationHandler = (request, estate) => {
  const arn = arnInput(request.input, 'resourceArn');
  const sb = estate.secureBrowser;
  const everything = [
    ...sb.portals.map((p) => ({ ...p, arn: p.portal.portalArn })),
    ...sb.userSettings,
    ...sb.networkSettings,
    ...sb.ipAccessSettings,
    ...sb.dataProtectionSettings,
    ...sb.browserSettings,
    ...sb.userAccessLoggingSettings,
    ...sb.trustStores,
    ...sb.sessionLoggers,
  ];
  const resource = everything.find((r) => r.arn === arn && at(r, request.account, request.region));
  if (!resource) throw notFound(`Resource ${arn}`);
  return { tags: resource.tags.map((t) => ({ ...t })) };
};

/** The Secure Browser operations (reads and ExpireSession), keyed by operation name. */
export const secureBrowserOperations: Readonly<Record<string, OperationHandler>> = {
  ListPortals: listPortals,
  GetPortal: getPortal,
  ListIdentityProviders: listIdentityProviders,
  ListSessions: listSessions,
  GetSession: getSession,
  ExpireSession: expireSession,
  ...settingsHandlers,
  ListTagsForResource: listTagsForResource,
};
