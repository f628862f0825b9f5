import { definePlugin, type Plugin } from '@workspaces-euc-mcp/host';
import { lookupEventsPacer, type Pacer } from './pacer.js';
import { auditSecurityPosture } from './tools/audit-security-posture.js';
import { generateEucHealthReport } from './tools/generate-euc-health-report.js';
import { getEucActiveAlarms } from './tools/get-euc-active-alarms.js';
import { getEucAuditTrail } from './tools/get-euc-audit-trail.js';
import { getEucServiceQuotas } from './tools/get-euc-service-quotas.js';

/** What a host or a test may change about the audit plugin. */
export interface AuditPluginOptions {
  /**
   * Paces CloudTrail LookupEvents (2 requests/second per account and region). Default: the
   * process-wide pacer, so concurrent tool calls share the limit. Tests inject a fake clock.
   */
  readonly lookupPacer?: Pacer;
}

/** Security posture, audit trail (CloudTrail), service quotas, alarms and the health report. */
export function createAuditPlugin(options: AuditPluginOptions = {}): Plugin {
  const pacer = options.lookupPacer ?? lookupEventsPacer;
  return definePlugin({
    name: '@workspaces-euc-mcp/plugin-audit',
    version: '0.1.0',
    description:
      'Security posture, audit trail (CloudTrail), service quotas, alarms and the EUC health report.',
    tools: [
      auditSecurityPosture(pacer),
      getEucAuditTrail(pacer),
      getEucServiceQuotas,
      getEucActiveAlarms,
      generateEucHealthReport,
    ],
  });
}

export { createPacer, lookupEventsPacer, type Pacer } from './pacer.js';

export const plugin = createAuditPlugin();

export default plugin;
