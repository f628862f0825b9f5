/**
 * Test utilities for plugin authors: a host built like the CLI builds it, the simulated estate, a
 * probe of findings and idle contributions, the shapes of the host's inventory tools' results, and
 * the IAM proof.
 */

export type { InventoryReport } from '../builtin/tools/generate-inventory-report.js';
export type { InventorySummary } from '../builtin/tools/get-euc-inventory-summary.js';
export {
  createSimulator,
  type Estate,
  type EstateOptions,
  type FaultRule,
  generateEstate,
  type Simulator,
  type SimulatorOptions,
} from '../simulator/index.js';
export { type CollectedFindings, type CollectedIdle, contributionProbe } from './contribution-probe.js';
export { createTestHost, invokeOk, type TestHost, type TestHostOptions } from './host.js';
export { type IamDiscrepancy, type IamScenario, proveIamExact } from './iam-proof.js';
