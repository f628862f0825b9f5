import type { ServiceHandlers } from '../../handlers.js';
import { secureBrowserOperations } from './service.js';

export { generateSecureBrowser } from './generate.js';
export { secureBrowserMetrics } from './metrics.js';
export type * from './model.js';

/** WorkSpaces Secure Browser, IAM prefix `workspaces-web`. */
export const secureBrowserHandlers: ServiceHandlers = { 'workspaces-web': secureBrowserOperations };
