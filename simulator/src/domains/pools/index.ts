import type { ServiceHandlers } from '../../handlers.js';
import { poolsWorkspacesOperations } from './service.js';

export { generatePools } from './generate.js';
export { poolsMetrics } from './metrics.js';
export type * from './model.js';

/** The Pools operations; the Personal part answers the rest of the `workspaces` API. */
export const poolsHandlers: ServiceHandlers = { workspaces: poolsWorkspacesOperations };
