import type { WorkspaceFacts } from '../facts.js';
import type { WeightedFinding } from './weighted-findings.js';

/** DescribeWorkspacesConnectionStatus for the desktop. */
export interface ConnectionFacts {
  readonly state: string | undefined;
  readonly lastUserConnection: Date | undefined;
}

/** Connection metrics over the lookback; counts are Sums, times are Averages; null = no data. */
export interface ConnectionMetricFacts {
  readonly lookbackHours: number;
  readonly attempts: number | null;
  readonly failures: number | null;
  readonly latencyMs: number | null;
  readonly launchSeconds: number | null;
  /** Average CPUUsage (%); undefined when not asked for. */
  readonly cpuAvgPercent?: number | null;
}

// Thresholds for connection-quality findings. AWS recommends under 100 ms round trip for a good
// streaming experience (WorkSpaces client "Network health check" guidance); above ~250 ms users
// notice lag on every keystroke.
export const LATENCY_WARN_MS = 250;
export const LAUNCH_WARN_SECONDS = 60;
// A desktop whose CPU averages this much over hours cannot answer the service's health checks in
// time: high CPU is one of the documented UNHEALTHY causes (admin guide, "Troubleshoot specific issues").
export const CPU_PEGGED_PERCENT = 90;
const STALE_CONNECTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** Findings about the live connection, the connection metrics and the CPU. */
export function connectionFindings(
  connection: ConnectionFacts | undefined,
  metrics: ConnectionMetricFacts | undefined,
  ws: WorkspaceFacts,
  now: Date,
): WeightedFinding[] {
  const findings: WeightedFinding[] = [];
  if (connection?.state === 'CONNECTED')
    findings.push({
      id: 'connection.connected',
      severity: 'info',
      title: 'A user is connected now',
      detail: 'ConnectionState is CONNECTED.',
      weight: 10,
    });
  if (connection && connection.lastUserConnection === undefined)
    findings.push({
      id: 'connection.never',
      severity: 'info',
      title: 'No recorded user connection',
      detail: 'AWS has no last-known user connection for this desktop.',
      weight: 15,
    });
  else if (connection?.lastUserConnection) {
    const days = Math.floor((now.getTime() - connection.lastUserConnection.getTime()) / DAY_MS);
    if (days >= STALE_CONNECTION_DAYS)
      findings.push({
        id: 'connection.stale',
        severity: 'info',
        title: `Last user connection ${days} days ago`,
        detail: `Last known user connection: ${connection.lastUserConnection.toISOString()}.`,
        weight: 15,
      });
  }
  if (!metrics) return findings;
  const { attempts, failures, lookbackHours } = metrics;
  if (failures !== null && failures > 0) {
    const of = attempts !== null ? `${failures} of ${attempts}` : `${failures}`;
    const allFailed = attempts !== null && attempts >= 3 && failures >= attempts;
    findings.push({
      id: 'connection.failures',
      severity: allFailed ? 'critical' : 'warning',
      title: `${of} connection attempts failed in the last ${lookbackHours} h`,
      detail: allFailed
        ? 'Every connection attempt failed: the user cannot get in.'
        : 'Some connection attempts failed (authentication, network or capacity at connect time).',
      nextStep: "Check the user's network ports and the directory's IP access groups; then reboot.",
      weight: 80,
    });
  } else if (
    attempts === null &&
    ws.state === 'AVAILABLE' &&
    ws.protocols.length > 0 &&
    !ws.protocols.includes('PCOIP')
  )
    findings.push({
      id: 'metrics.wsp-no-connection-metrics',
      severity: 'info',
      title: 'No connection-attempt metrics',
      detail: 'ConnectionAttempt/Failure are documented for PCoIP; a DCV (WSP) desktop may publish none.',
      weight: 5,
    });
  if (metrics.latencyMs !== null && metrics.latencyMs >= LATENCY_WARN_MS)
    findings.push({
      id: 'connection.latency',
      severity: 'warning',
      title: `High in-session latency (${Math.round(metrics.latencyMs)} ms average)`,
      detail: `Round trip above ${LATENCY_WARN_MS} ms makes typing and the mouse lag; AWS recommends under 100 ms.`,
      nextStep: 'Check the user’s distance to the region and their network; consider a closer region.',
      weight: 30,
    });
  if (metrics.launchSeconds !== null && metrics.launchSeconds >= LAUNCH_WARN_SECONDS)
    findings.push({
      id: 'connection.slow-launch',
      severity: 'warning',
      title: `Slow session launch (${Math.round(metrics.launchSeconds)} s average)`,
      detail:
        'Sessions take over a minute to launch: large profiles, slow logon scripts or GPOs, or a starting AutoStop desktop.',
      weight: 25,
    });
  const cpu = metrics.cpuAvgPercent;
  if (cpu !== undefined && cpu !== null && cpu >= CPU_PEGGED_PERCENT)
    findings.push({
      id: 'performance.cpu-pegged',
      severity: 'warning',
      title: `CPU averaged ${Math.round(cpu)}% over the last ${lookbackHours} h`,
      detail:
        ws.state === 'UNHEALTHY'
          ? 'A pegged CPU is a documented cause of UNHEALTHY: the desktop cannot answer the service’s health checks.'
          : 'Sessions will feel slow and the desktop may stop answering health checks (UNHEALTHY).',
      nextStep:
        'Reboot it; if the CPU stays high, find the process from another desktop in the directory, or move it to a larger compute type.',
      weight: ws.state === 'UNHEALTHY' ? 85 : 35,
    });
  return findings;
}
