/** STS answers: who the simulated caller is. */
import type { OperationHandler } from '../handlers.js';

const getCallerIdentity: OperationHandler = (request) => ({
  Account: request.account,
  Arn: `arn:aws:sts::${request.account}:assumed-role/EucAdmin/simulated`,
  UserId: 'AROASIMULATEDEXAMPLE:simulated',
});

export const stsOperations = { GetCallerIdentity: getCallerIdentity };
