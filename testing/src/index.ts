/**
 * The plugin test kit: a host built like the CLI builds it over the simulated estate (closed with
 * the test that made it), the simulated estate itself, a probe of findings and idle contributions,
 * and the IAM proof.
 */

export {
  createSimulator,
  type Estate,
  type EstateOptions,
  type FaultRule,
  generateEstate,
  type SimRequest,
  type Simulator,
  type SimulatorOptions,
} from '@workspaces-euc-mcp/simulator';
export { ANSWER_BUDGET, answerBytes, TOOL_SCHEMA_BUDGET, toolSchemaBytes } from './budget.js';
export { type CollectedFindings, type CollectedIdle, contributionProbe } from './contribution-probe.js';
export { type FakeClock, fakeClock } from './fake-clock.js';
export {
  confirmOk,
  createTestHost,
  invokeConfirmed,
  invokeOk,
  type SentRequest,
  type TestHost,
  type TestHostOptions,
} from './host.js';
export { type IamDiscrepancy, type IamScenario, itProvesIamExact, proveIamExact } from './iam-proof.js';
