import type { EstateOptions } from '@workspaces-euc-mcp/testing';

/**
 * The estate `--demo` serves by default (host/src/cli: seed 42, 200 desktops; simulator/src/demo.ts:
 * one account, us-east-1 and eu-west-1): what a new user first judges the cost advice on.
 */
export const DEMO: EstateOptions = {
  seed: 42,
  desktops: 200,
  accounts: ['111122223333'],
  regions: ['us-east-1', 'eu-west-1'],
};

/**
 * Issue #12's wide estate, 5 accounts × 4 regions: 20 scopes, where per-scope breakdowns, not
 * rows, decide an answer's size. 2,500 desktops in all keep it quick (an answer's size does not
 * grow with the desktops past its row cap; the 10,000-desktop tests measure that share).
 */
export const TWENTY_SCOPES: EstateOptions = {
  seed: 42,
  desktops: 2_500,
  accounts: ['111122223333', '222233334444', '333344445555', '444455556666', '555566667777'],
  regions: ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'],
};
