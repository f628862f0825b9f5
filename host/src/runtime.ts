/**
 * The host runtime, for what assembles a server rather than what plugs into one: the root
 * distribution's binary, the simulator's `--demo` and benchmark, and the test kit. Plugins import
 * the plugin API (the package's main entry) only.
 */

export { type AssembledHost, type AssembleOptions, assembleHost } from './assemble.js';
export { type AwsSettings, type ClientMeta, createAwsAccess, type TargetSettings } from './aws/context.js';
export { iamActionFor, iamPrefixForServiceId, operationFromCommandName } from './aws/iam-actions.js';
export { hostPlugin } from './builtin/index.js';
export { type Bootstrapped, bootstrap, type ProcessEnvironment } from './cli/bootstrap.js';
export type { DemoEnvironment, DemoLoader } from './cli/demo.js';
export { type CliIo, runCli } from './cli/main.js';
export { type CliOptions, parseCli } from './cli/options.js';
export { PLAN_KEY_ENV, type PlanKeySettings } from './gates/plan-key.js';
export {
  createHost,
  effectiveIam,
  type Host,
  type HostOptions,
  type InvocationResult,
  type RegisteredTool,
} from './host.js';
export { createLogger, type LogLevel } from './logger.js';
export { type ActionReferenceTable, actionReferenceTable } from './registry/iam-reference.js';
export type { RegistrationDecision } from './registry/registration.js';
export { PluginError, validatePlugin } from './registry/validate-plugin.js';
export type { PacingClock } from './shared-state/rate-limiter.js';
