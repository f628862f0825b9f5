// Types of index.mjs for the TypeScript that imports it (its test): the fixture stays plain ESM
// so the host loads it by path with no build step.
import type { Plugin } from '@workspaces-euc-mcp/host';
import type { TObject } from 'typebox';

export declare const Options: TObject;
export declare const plugin: Plugin;
export default plugin;
