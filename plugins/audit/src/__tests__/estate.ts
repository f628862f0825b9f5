/**
 * The estates of the audit plugin's tests, generated once per options: generation takes a while
 * and these tests only read them. A test that changes its estate generates its own.
 */
import {
  ANSWER_BUDGET,
  answerBytes,
  type Estate,
  type EstateOptions,
  generateEstate,
} from '@workspaces-euc-mcp/testing';

const estates = new Map<string, Estate>();

/** The generated estate for `options` (default: 200 desktops in two regions), shared by the file. */
export function sharedEstate(options: EstateOptions = { seed: 42, desktops: 200 }): Estate {
  const key = JSON.stringify(options);
  let estate = estates.get(key);
  if (!estate) {
    estate = generateEstate(options);
    estates.set(key, estate);
  }
  return estate;
}

/** The budget estate: 10,000 desktops in one account and region. */
export const TEN_THOUSAND: EstateOptions = { seed: 42, desktops: 10_000, regions: ['us-east-1'] };

/**
 * A wide estate: 5 accounts × 4 regions, 20 scopes. 2,500 desktops in all keep the test quick (a
 * desktop scan of 50,000 takes ~45 s in the simulator); answer sizes here grow with the scopes,
 * the desktops' share is measured by TEN_THOUSAND.
 */
export const FIVE_ACCOUNTS_FOUR_REGIONS: EstateOptions = {
  seed: 42,
  desktops: 2_500,
  accounts: ['111122223333', '222233334444', '333344445555', '444455556666', '555566667777'],
  regions: ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'],
};

/**
 * What an answer costs the assistant as MCP sends it: the structured result and its summary text.
 * Must stay within the testing kit's ANSWER_BUDGET (20 KB).
 */
export function sentBytes(structured: { readonly summary?: unknown }): number {
  return answerBytes(structured) + Buffer.byteLength(String(structured.summary ?? ''));
}

export { ANSWER_BUDGET };
