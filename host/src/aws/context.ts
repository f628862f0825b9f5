import type {
  AwsAccess,
  AwsTarget,
  ClientConstructor,
  ClientLocation,
  HostClientConfig,
  SdkClient,
} from '../plugin-api/types.js';
import { rememberFailedCall, ToolError } from './errors.js';
import { iamActionFor } from './iam-actions.js';
import { recordCall } from './recorder.js';
import { quietSdkRuntimeWarnings } from './sdk-warnings.js';

/** A target as configured: where to reach AWS and as whom. */
export interface TargetSettings {
  readonly label?: string;
  readonly account?: string;
  readonly regions?: readonly string[];
  readonly profile?: string;
  readonly roleArn?: string;
  readonly externalId?: string;
}

type CredentialProvider = NonNullable<HostClientConfig['credentials']>;

/** Facts about a client the host creates, handed to a client hook. */
export interface ClientMeta {
  readonly serviceId: string;
  readonly region: string;
  readonly account: string | undefined;
}

/** Everything needed to create clients; built from the CLI flags and the config targets. */
export interface AwsSettings {
  readonly defaultRegion: string;
  readonly targets: readonly TargetSettings[];
  /** Attempts per request, throttling retries included (adaptive retry mode). */
  readonly maxAttempts: number;
  readonly userAgent: string;
  /** Replaces the credential chain (the demo estate uses static fake keys). */
  readonly credentials?: CredentialProvider;
  /** Called once for each client created, e.g. to attach the simulated estate. */
  readonly clientHook?: (client: SdkClient, meta: ClientMeta) => void;
  /**
   * Replaces the adaptive retry strategy (the test kit retries throttling without waiting, so
   * no test sleeps on backoff). An SDK `RetryStrategyV2`, kept opaque to stay SDK-version free.
   */
  readonly retryStrategy?: object;
}

/** The account id in an IAM role ARN (`arn:aws:iam::123456789012:role/x`). */
export function accountFromRoleArn(roleArn: string): string | undefined {
  return /^arn:aws[a-z-]*:iam::(\d{12}):role\//.exec(roleArn)?.[1];
}

interface ResolvedTarget extends AwsTarget {
  readonly settings: TargetSettings;
}

function resolveTargets(settings: AwsSettings): ResolvedTarget[] {
  const configured = settings.targets.length > 0 ? settings.targets : [{}];
  return configured.map((target, index) => {
    const account = target.account ?? (target.roleArn ? accountFromRoleArn(target.roleArn) : undefined);
    return {
      label: target.label ?? account ?? (index === 0 ? 'default' : `target-${index + 1}`),
      account,
      regions: target.regions && target.regions.length > 0 ? target.regions : [settings.defaultRegion],
      settings: target,
    };
  });
}

/**
 * The standard credential chain for a target (profile, SSO, environment, instance role), with an
 * assumed role on top when the target names one. The provider module is loaded on the first
 * request that needs credentials, not at start-up.
 */
function chainProvider(target: ResolvedTarget, defaultRegion: string): CredentialProvider {
  const provider = memoize(async (): Promise<CredentialProvider> => {
    const { fromNodeProviderChain, fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
    const base = fromNodeProviderChain(target.settings.profile ? { profile: target.settings.profile } : {});
    if (!target.settings.roleArn) return base;
    return fromTemporaryCredentials({
      masterCredentials: base,
      params: {
        RoleArn: target.settings.roleArn,
        RoleSessionName: 'workspaces-euc-mcp',
        ...(target.settings.externalId ? { ExternalId: target.settings.externalId } : {}),
      },
      clientConfig: { region: target.regions[0] ?? defaultRegion },
    });
  });
  return async () => (await provider())();
}

function memoize<T>(create: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: create() };
    return value.v;
  };
}

/** Client-side view of the SDK's middleware stack and config, used only to attach the recorder. */
interface InstrumentableClient {
  readonly config: { readonly serviceId?: string };
  readonly middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string; priority?: 'high' | 'normal' | 'low' },
    ): void;
  };
}

/**
 * Creates the AWS access object tools use. Clients are created lazily and cached per
 * (client class, target, region); credentials are resolved once per target and refreshed by
 * the SDK (assumed roles renew before expiry).
 */
export function createAwsAccess(settings: AwsSettings): AwsAccess & { destroy(): void } {
  // Every host (the CLI's, a test's, an embedder's) builds its clients here, so the notice is
  // silenced where it would otherwise print, not only on the CLI's path.
  quietSdkRuntimeWarnings();
  const targets = resolveTargets(settings);
  const clients = new Map<ClientConstructor<SdkClient>, Map<string, SdkClient>>();
  const credentialsByTarget = new Map<ResolvedTarget, () => CredentialProvider>();

  function credentialsFor(target: ResolvedTarget): CredentialProvider {
    let provider = credentialsByTarget.get(target);
    if (!provider) {
      provider = memoize(
        (): CredentialProvider => settings.credentials ?? chainProvider(target, settings.defaultRegion),
      );
      credentialsByTarget.set(target, provider);
    }
    return provider();
  }

  function findTarget(where: ClientLocation | undefined): ResolvedTarget {
    const first = targets[0];
    if (!first) throw new ToolError('NoTarget', 'No AWS target is configured.');
    if (!where?.account) return first;
    const match = targets.find((t) => t.account === where.account || t.label === where.account);
    if (!match) {
      const known = targets.map((t) => t.account ?? t.label).join(', ');
      throw new ToolError(
        'UnknownAccount',
        `Account "${where.account}" is not a configured target (configured: ${known}). Add it to the config file's targets with a roleArn.`,
      );
    }
    return match;
  }

  function instrument(client: SdkClient, meta: ClientMeta): void {
    const instrumentable = client as unknown as InstrumentableClient;
    instrumentable.middlewareStack.add(
      (next, context) => async (args) => {
        const call = {
          iamAction: iamActionFor(meta.serviceId, context.commandName ?? 'Unknown'),
          region: meta.region,
          account: meta.account,
        };
        try {
          const output = await next(args);
          recordCall(call);
          return output;
        } catch (error) {
          rememberFailedCall(error, call);
          const code = error instanceof Error ? error.name : 'Error';
          recordCall({ ...call, errorCode: code });
          throw error;
        }
      },
      { step: 'initialize', name: 'workspacesEucCallRecorder', priority: 'high' },
    );
  }

  return {
    defaultRegion: settings.defaultRegion,
    targets,
    client<C extends SdkClient>(ctor: ClientConstructor<C>, where?: ClientLocation): C {
      const target = findTarget(where);
      const region = where?.region ?? target.regions[0] ?? settings.defaultRegion;
      const key = `${target.label}|${region}`;
      let byLocation = clients.get(ctor);
      if (!byLocation) {
        byLocation = new Map();
        clients.set(ctor, byLocation);
      }
      const cached = byLocation.get(key);
      if (cached) return cached as C;
      const config: HostClientConfig = {
        region,
        credentials: credentialsFor(target),
        retryMode: 'adaptive',
        maxAttempts: settings.maxAttempts,
        customUserAgent: settings.userAgent,
      };
      // Not part of HostClientConfig: its SDK type differs between client versions.
      const client = new ctor(
        settings.retryStrategy ? Object.assign(config, { retryStrategy: settings.retryStrategy }) : config,
      );
      const serviceId = (client as unknown as InstrumentableClient).config.serviceId ?? ctor.name;
      const meta: ClientMeta = { serviceId, region, account: target.account };
      instrument(client, meta);
      settings.clientHook?.(client, meta);
      byLocation.set(key, client);
      return client;
    },
    destroy(): void {
      for (const byLocation of clients.values()) for (const client of byLocation.values()) client.destroy();
      clients.clear();
    },
  };
}
