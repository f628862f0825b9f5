/** Test utilities for plugin authors: a host built like the CLI builds it, and the simulated estate. */

export {
  createSimulator,
  type Estate,
  type EstateOptions,
  type FaultRule,
  generateEstate,
  type Simulator,
  type SimulatorOptions,
} from '../simulator/index.js';
export { createTestHost, type TestHostOptions } from './host.js';
export { type IamDiscrepancy, type IamScenario, proveIamExact } from './iam-proof.js';
