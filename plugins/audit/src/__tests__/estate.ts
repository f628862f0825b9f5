/**
 * The estates of the audit plugin's tests, generated once per options: generation takes a while
 * and these tests only read them. A test that changes its estate generates its own.
 */
import { type Estate, type EstateOptions, generateEstate } from '@workspaces-euc-mcp/testing';

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
