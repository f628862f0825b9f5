/**
 * The simulated EUC estate: a seeded, deterministic estate of any size served to the real AWS SDK
 * v3 clients, for tests, benchmarks and `--demo`. Test and demo infrastructure only: no tool may
 * know it exists.
 */
export { createDemoEnvironment, DEMO_ACCOUNTS, DEMO_REGIONS, type DemoEnvironment } from './demo.js';
export type * from './domains/applications/model.js';
export type * from './domains/billing/model.js';
export type * from './domains/core-instances/model.js';
export type * from './domains/governance/model.js';
export type * from './domains/personal/model.js';
export { runningAt, sessionAt, sessionsOnDay } from './domains/personal/usage.js';
export type * from './domains/pools/model.js';
export type * from './domains/secure-browser/model.js';
export {
  createSimulator,
  type FaultRule,
  type SimulatedCall,
  type Simulator,
  type SimulatorOptions,
  simulatedOperations,
} from './engine.js';
export { SimulatedAwsError } from './errors.js';
export { type Estate, type EstateResources, generateEstate } from './estate.js';
export type { MetricProvider } from './estate-model.js';
export type { OperationHandler, ServiceHandlers, SimRequest } from './handlers.js';
export type { MetricKey, MetricSource } from './metric-source.js';
export {
  DAY_MS,
  DEFAULT_NOW,
  type EstateOptions,
  type EstateSettings,
  HOUR_MS,
  type Location,
  resolveEstateOptions,
} from './model.js';
export { DOCUMENTED_RATE_LIMITS } from './rate-limits.js';
