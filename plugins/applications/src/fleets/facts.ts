import type { Fleet } from '@aws-sdk/client-appstream';
import type { Scope } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { sessionModelOf } from './capacity.js';

/** Who a one-fleet answer is about: terse, the same in every fleet tool. */
export const FleetFacts = Type.Object({
  name: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  state: Type.String(),
  fleetType: Type.String({ description: 'ALWAYS_ON, ON_DEMAND or ELASTIC: decides billing.' }),
  instanceType: Type.String(),
  sessionModel: Type.String({ description: 'single, multi (sized in user sessions) or elastic.' }),
  maxSessionsPerInstance: Type.Optional(Type.Integer()),
  maxConcurrentSessions: Type.Optional(Type.Integer()),
});
export type FleetFacts = Static<typeof FleetFacts>;

export function fleetFacts(fleet: Fleet, scope: Scope): FleetFacts {
  return {
    name: fleet.Name ?? '',
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
    state: fleet.State ?? 'UNKNOWN',
    fleetType: fleet.FleetType ?? 'UNKNOWN',
    instanceType: fleet.InstanceType ?? 'UNKNOWN',
    sessionModel: sessionModelOf(fleet),
    ...(fleet.MaxSessionsPerInstance !== undefined
      ? { maxSessionsPerInstance: fleet.MaxSessionsPerInstance }
      : {}),
    ...(fleet.MaxConcurrentSessions !== undefined
      ? { maxConcurrentSessions: fleet.MaxConcurrentSessions }
      : {}),
  };
}
