/**
 * The shape of a simulated CloudTrail event before it is dated and attributed: which API, read
 * or write, who calls it, and what it targets. Templates live in trail-euc.ts (the four EUC
 * event sources) and trail-noise.ts (the rest of the account).
 */
import type { SimDesktop } from '../personal/model.js';
import type { ActorId } from './trail-actors.js';

/** The EUC event sources (LookupEvents `EventSource`). */
export const EUC_EVENT_SOURCES = {
  workspaces: 'workspaces.amazonaws.com',
  appstream: 'appstream.amazonaws.com',
  web: 'workspaces-web.amazonaws.com',
  instances: 'workspaces-instances.amazonaws.com',
} as const;

/** A resource as LookupEvents lists it. */
export interface TrailResource {
  readonly type: string;
  readonly name: string;
}

/** What one call touched, and its request/response elements. */
export interface Target {
  readonly resources: readonly TrailResource[];
  readonly request: Record<string, unknown> | null;
  /** Response elements of a successful call (null for most reads, as CloudTrail records them). */
  readonly response?: Record<string, unknown> | null;
  /** The resource ARN an AccessDenied message names. */
  readonly arn?: string;
  /** When the call must have happened (a create at the resource's creation time). */
  readonly atMs?: number;
}

/** Random choices over one location's resources. */
export interface Picker {
  readonly account: string;
  readonly region: string;
  readonly nowMs: number;
  /** A desktop in one of `states` (any desktop when none is), undefined when there are none. */
  desktop(states?: readonly string[]): SimDesktop | undefined;
  /** A fleet name: a real fleet, or a retired one when the location has none. */
  fleet(): string;
  stack(): string;
  portal(): { readonly id: string; readonly arn: string };
  instance(): string;
  directoryId(): string;
  ipGroupId(): string;
  /** A fresh identifier: `prefix` + `length` hex characters. */
  newId(prefix: string, length: number): string;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** One kind of call. */
export interface EventTemplate {
  readonly source: string;
  readonly name: string;
  readonly readOnly: boolean;
  /** Relative frequency within its group. */
  readonly weight: number;
  readonly actors: readonly ActorId[];
  /** Actors whose attempts are refused with AccessDenied. */
  readonly denied?: readonly ActorId[];
  /** Only recorded in these regions (IAM is a global service logged in us-east-1). */
  readonly regions?: readonly string[];
  target(pick: Picker): Target;
}

/** The WorkSpaces resource entry of a desktop. */
export function desktopResource(workspaceId: string): TrailResource {
  return { type: 'AWS::WorkSpaces::Workspace', name: workspaceId };
}

/** The id of a desktop, or a fresh one when the location has none. */
export function workspaceIdOf(desktop: SimDesktop | undefined, pick: Picker): string {
  return desktop?.workspace.WorkspaceId ?? pick.newId('ws-', 9);
}

/** The ARN of a WorkSpace, as access-denied messages name it. */
export function workspaceArn(pick: Picker, workspaceId: string): string {
  return `arn:aws:workspaces:${pick.region}:${pick.account}:workspace/${workspaceId}`;
}

/** CloudTrail resource types of the EUC resources events name. */
export const FLEET = 'AWS::AppStream::Fleet';
export const STACK = 'AWS::AppStream::Stack';
export const PORTAL = 'AWS::WorkSpacesWeb::Portal';

/** An event on one desktop (a random one in `states`). */
export function onDesktop(
  pick: Picker,
  states: readonly string[] | undefined,
  request: (id: string) => Record<string, unknown>,
  response: Record<string, unknown> | null = null,
): Target {
  const id = workspaceIdOf(pick.desktop(states), pick);
  return { resources: [desktopResource(id)], request: request(id), response, arn: workspaceArn(pick, id) };
}

/** An event on one fleet. */
export function onFleet(pick: Picker, request: (name: string) => Record<string, unknown>): Target {
  const name = pick.fleet();
  return {
    resources: [{ type: FLEET, name }],
    request: request(name),
    response: null,
    arn: `arn:aws:appstream:${pick.region}:${pick.account}:fleet/${name}`,
  };
}

/** An event on one portal (named by ARN). */
export function onPortal(pick: Picker, request: (arn: string) => Record<string, unknown>): Target {
  const { arn } = pick.portal();
  return { resources: [{ type: PORTAL, name: arn }], request: request(arn), response: null, arn };
}

/** An event that targets no resource (a list or describe). */
export const NONE = (): Target => ({ resources: [], request: null });
