// Types of bin/distribution.js for the repository's TypeScript (tests, the bundle script's readers).
import type { DemoLoader } from '@workspaces-euc-mcp/host/runtime';

/** The first-party plugins a launch without a config file loads, by package name. */
export declare const FIRST_PARTY_PLUGINS: readonly string[];

/** A first-party plugin's file in the bundle, relative to dist/: `plugins/cost.js`. */
export declare function bundledPluginFile(packageName: string): string;

/** `--demo`: the simulated estate, imported only when asked for. */
export declare const loadDemo: DemoLoader;
