import { definePlugin } from '@workspaces-euc-mcp/host';
import { auditSecurityPosture } from './tools/audit-security-posture.js';
import { generateEucHealthReport } from './tools/generate-euc-health-report.js';
import { getEucActiveAlarms } from './tools/get-euc-active-alarms.js';
import { getEucAuditTrail } from './tools/get-euc-audit-trail.js';
import { getEucServiceQuotas } from './tools/get-euc-service-quotas.js';

/** Security posture, audit trail (CloudTrail), service quotas, alarms and the health report. */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-audit',
  version: '0.1.0',
  description:
    'Security posture, audit trail (CloudTrail), service quotas, alarms and the EUC health report.',
  tools: [
    auditSecurityPosture,
    getEucAuditTrail,
    getEucServiceQuotas,
    getEucActiveAlarms,
    generateEucHealthReport,
  ],
});

export default plugin;
