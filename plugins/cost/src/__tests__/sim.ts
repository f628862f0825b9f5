/**
 * Estate fixtures over the project's one simulated estate (`@workspaces-euc-mcp/testing`): a small
 * edited estate for hand-checked numbers, and hourly metric overrides. Tests serve them with
 * `createTestHost`. No AWS behaviour is faked here: limits, paging, errors and prices all come
 * from the shared simulator.
 */
import type { MetricProvider, SimDesktop } from '@workspaces-euc-mcp/simulator';
import { type Estate, type EstateOptions, generateEstate } from '@workspaces-euc-mcp/testing';
import { HOUR_MS } from '../shared/hours.js';

// The estate's clock is Monday 2026-11-16 12:00 UTC; a 14-day window starts 2026-11-02 12:00.

/** Hourly value of a metric at an hour start; undefined = no datapoint that hour. */
export type Hourly = (hourStart: Date) => number | undefined;

/** Serves `series[workspaceId][metricName]` hourly; everything else falls through to the estate. */
export function hourlyMetrics(series: Record<string, Partial<Record<string, Hourly>>>): MetricProvider {
  return (key) => {
    if (key.namespace !== 'AWS/WorkSpaces') return undefined;
    const id = key.dimensions.WorkspaceId;
    const valueAt = id ? series[id]?.[key.metricName] : undefined;
    if (!id || !series[id]) return undefined;
    // A desktop we describe publishes only what we give it.
    return { resolutionSeconds: 3600, sample: (t) => valueAt?.(new Date(Math.floor(t / HOUR_MS) * HOUR_MS)) };
  };
}

/** 1 on the given UTC hours of the given weekdays (0 = Sunday), else 0. */
export function workingHours(days: readonly number[], fromHour: number, toHour: number): Hourly {
  return (t) =>
    days.includes(t.getUTCDay()) && t.getUTCHours() >= fromHour && t.getUTCHours() < toHour ? 1 : 0;
}

/** An AutoStop desktop reports only while running: connected hours and the idle tail after them. */
export function onlyWhileRunning(connected: Hourly, tailHours = 1): Hourly {
  return (t) => {
    for (let back = 0; back <= tailHours; back += 1)
      if (connected(new Date(t.getTime() - back * HOUR_MS)) === 1) return back === 0 ? 1 : 0;
    return undefined;
  };
}

export const always =
  (value: number): Hourly =>
  () =>
    value;

/** What a test says about one desktop; the rest is copied from a generated desktop. */
export interface DesktopSpec {
  readonly id: string;
  readonly mode?: 'ALWAYS_ON' | 'AUTO_STOP' | 'MANUAL';
  readonly state?: string;
  readonly computeType?: string;
  readonly os?: string;
  readonly root?: number;
  readonly user?: number;
  readonly lastConnection?: Date;
  readonly tags?: { Key: string; Value: string }[];
  readonly standbyOf?: string;
}

/**
 * A generated estate (one account, the given region) whose Personal desktops are replaced by
 * `specs`, each built from a generated desktop so every field AWS returns is present.
 */
export function editedEstate(specs: readonly DesktopSpec[], options: EstateOptions = {}): Estate {
  const estate = generateEstate({ seed: 7, desktops: 30, regions: ['us-east-1'], ...options });
  const template = estate.personal.desktops.find((d) => d.workspace.State === 'AVAILABLE');
  if (!template) throw new Error('no template desktop');
  estate.personal.desktops = specs.map((spec): SimDesktop => {
    const p = template.workspace.WorkspaceProperties;
    return {
      ...template,
      workspace: {
        ...template.workspace,
        WorkspaceId: spec.id,
        UserName: spec.id.replace(/^ws-/, ''),
        State: (spec.state ?? 'AVAILABLE') as 'AVAILABLE',
        WorkspaceProperties: {
          ...p,
          RunningMode: spec.mode ?? 'ALWAYS_ON',
          RunningModeAutoStopTimeoutInMinutes: spec.mode === 'AUTO_STOP' ? 60 : undefined,
          ComputeTypeName: (spec.computeType ?? 'POWER') as 'POWER',
          OperatingSystemName: (spec.os ?? 'WINDOWS_SERVER_2022') as 'WINDOWS_SERVER_2022',
          RootVolumeSizeGib: spec.root ?? 175,
          UserVolumeSizeGib: spec.user ?? 100,
        },
        RelatedWorkspaces: spec.standbyOf ? [{ WorkspaceId: spec.standbyOf, Type: 'PRIMARY' }] : undefined,
      },
      connection: {
        WorkspaceId: spec.id,
        ConnectionState: 'DISCONNECTED',
        ...(spec.lastConnection ? { LastKnownUserConnectionTimestamp: spec.lastConnection } : {}),
      },
      tags: spec.tags ?? [],
      createdAt: new Date('2025-01-01T00:00:00Z'),
    };
  });
  return estate;
}
