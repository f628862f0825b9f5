import { definePlugin, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import { applicationsFindings } from './contributions/findings.js';
import { applicationsIdle } from './contributions/idle.js';
import { applicationsInventory } from './contributions/inventory.js';
import { analyzeFleetCapacity } from './tools/analyze-fleet-capacity.js';
import { auditApplicationImages } from './tools/audit-application-images.js';
import { diagnoseApplicationFleet } from './tools/diagnose-application-fleet.js';
import { expireApplicationSession } from './tools/expire-application-session.js';
import { getApplicationFleetUsage } from './tools/get-application-fleet-usage.js';
import { listApplicationSessions } from './tools/list-application-sessions.js';
import { reviewApplicationAccess } from './tools/review-application-access.js';
import { startApplicationFleet } from './tools/start-application-fleet.js';
import { stopApplicationFleet } from './tools/stop-application-fleet.js';
import { stopImageBuilder } from './tools/stop-image-builder.js';
import { updateApplicationFleetCapacity } from './tools/update-application-fleet-capacity.js';

/** WorkSpaces Applications (formerly AppStream 2.0; the appstream API). */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-applications',
  version: '0.1.0',
  description:
    'WorkSpaces Applications (formerly AppStream 2.0; the appstream API): fleets, stacks and builders in the inventory, fleet/stack/image/usage-report checks in the security audit, idle ALWAYS_ON fleets and running builders in the unused-resources report.',
  instructions:
    'AppStream 2.0 / AppStream → Amazon WorkSpaces Applications (the API is still "appstream"); fleet billing depends on fleet type (Always-On, On-Demand, Elastic).',
  aliases: { appstream: SERVICE_LABELS.applications, 'appstream 2.0': SERVICE_LABELS.applications },
  tools: [
    diagnoseApplicationFleet,
    getApplicationFleetUsage,
    analyzeFleetCapacity,
    startApplicationFleet,
    stopApplicationFleet,
    updateApplicationFleetCapacity,
    auditApplicationImages,
    reviewApplicationAccess,
    listApplicationSessions,
    stopImageBuilder,
    expireApplicationSession,
  ],
  contributes: {
    inventory: applicationsInventory,
    findings: applicationsFindings,
    idle: applicationsIdle,
  },
});

export default plugin;
