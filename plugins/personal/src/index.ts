import { definePlugin, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import { personalFindings } from './contributions/findings.js';
import { personalInventory } from './contributions/inventory.js';
import { auditWorkspaceImages } from './tools/audit-workspace-images.js';
import { checkDirectoryHealth } from './tools/check-directory-health.js';
import { diagnoseWorkspaceConnectivity } from './tools/diagnose-workspace-connectivity.js';
import { findWorkspaces } from './tools/find-workspaces.js';
import { getEucAccountPosture } from './tools/get-euc-account-posture.js';
import { getWorkspaceConnectionHistory } from './tools/get-workspace-connection-history.js';
import { getWorkspacePerformance } from './tools/get-workspace-performance.js';
import { modifyWorkspaceRunningMode } from './tools/modify-workspace-running-mode.js';
import { modifyWorkspaceState } from './tools/modify-workspace-state.js';
import { rebootWorkspaces } from './tools/reboot-workspaces.js';
import { rebuildWorkspaces } from './tools/rebuild-workspaces.js';
import { restoreWorkspace } from './tools/restore-workspace.js';
import { startWorkspaces } from './tools/start-workspaces.js';
import { stopWorkspaces } from './tools/stop-workspaces.js';
import { terminateWorkspaces } from './tools/terminate-workspaces.js';

/** WorkSpaces Personal (and Core partner desktops on the same API). */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-personal',
  version: '0.1.0',
  description: 'WorkSpaces Personal (and Core partner desktops on the same API).',
  instructions:
    'WorkSpaces Personal: one persistent desktop per user; plain "WorkSpaces" usually means these. WorkSpaces Core partner desktops use the same API and these tools.',
  // No bare "workspaces" alias: it would narrow a "workspaces" service filter to Personal, where
  // today it matches every WorkSpaces product (Pools, Applications, Secure Browser...).
  aliases: {
    'workspaces personal': SERVICE_LABELS.personal,
    'personal workspaces': SERVICE_LABELS.personal,
  },
  tools: [
    diagnoseWorkspaceConnectivity,
    checkDirectoryHealth,
    findWorkspaces,
    getWorkspacePerformance,
    getWorkspaceConnectionHistory,
    auditWorkspaceImages,
    getEucAccountPosture,
    startWorkspaces,
    stopWorkspaces,
    rebootWorkspaces,
    modifyWorkspaceRunningMode,
    modifyWorkspaceState,
    terminateWorkspaces,
    rebuildWorkspaces,
    restoreWorkspace,
  ],
  contributes: {
    inventory: [personalInventory],
    findings: [personalFindings],
  },
});

export default plugin;
