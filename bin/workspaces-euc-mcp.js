#!/usr/bin/env node
// The published entry point: the bundled distribution in dist/ (built from bin/cli.js by
// `npm run build`; docs/packaging.md). A clone that was never built says so instead of a stack.
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node >= 22.1 keeps V8's compiled code of the bundle between launches (in the OS temp folder), so
// a later start parses less; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node 20 has no such API.
module.enableCompileCache?.();
const bundle = new URL('../dist/workspaces-euc-mcp.js', import.meta.url);
let cli;
try {
  cli = await import(bundle.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || error.url !== bundle.href) throw error;
  process.stderr.write(
    `workspaces-euc-mcp is not built: run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))}\n`,
  );
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));
