import type {
  BrowserSettings,
  DataProtectionSettings,
  IdentityProviderSummary,
  IpAccessSettings,
  NetworkSettings,
  Portal,
  Session,
  SessionLogger,
  Tag,
  TrustStore,
  UserAccessLoggingSettings,
  UserSettings,
} from '@aws-sdk/client-workspaces-web';
import type { Location } from '../../model.js';

/**
 * How a portal is set up and used: `well-configured` (IP restricted, transfers locked down,
 * redaction, access and session logging), `partial` (some controls missing), `risky` (no IP
 * restriction, every transfer allowed, no logging, no data protection), `idle` (well set up but
 * for session logging, nobody signed in for more than 30 days), `incomplete` (no identity
 * provider yet) and `pending` (provisioning).
 */
export type PortalProfile = 'well-configured' | 'partial' | 'risky' | 'idle' | 'incomplete' | 'pending';

/** A settings resource that portals are associated with (user, network, IP access, ...). */
export interface SimWebSettings<T> extends Location {
  readonly arn: string;
  settings: T;
  tags: Tag[];
}

/** A Secure Browser portal, its identity providers and its session history. */
export interface SimPortal extends Location {
  /** The last segment of the portal ARN (36 characters), as ListSessions and CloudWatch name it. */
  readonly portalId: string;
  portal: Portal;
  readonly profile: PortalProfile;
  readonly identityProviders: IdentityProviderSummary[];
  /** Every session the service remembers, oldest first; Active ones have no endTime. */
  sessions: Session[];
  /** When session attempts failed (epoch ms, ascending): SessionFailure datapoints. */
  readonly failedAttempts: number[];
  tags: Tag[];
}

/** WorkSpaces Secure Browser (the `workspaces-web` API). */
export interface SecureBrowserEstate {
  portals: SimPortal[];
  userSettings: SimWebSettings<UserSettings>[];
  networkSettings: SimWebSettings<NetworkSettings>[];
  ipAccessSettings: SimWebSettings<IpAccessSettings>[];
  dataProtectionSettings: SimWebSettings<DataProtectionSettings>[];
  browserSettings: SimWebSettings<BrowserSettings>[];
  userAccessLoggingSettings: SimWebSettings<UserAccessLoggingSettings>[];
  trustStores: SimWebSettings<TrustStore>[];
  /** Session loggers: which in-session events go to which S3 bucket. */
  sessionLoggers: SimWebSettings<SessionLogger>[];
}
