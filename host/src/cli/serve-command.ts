import { hostVersion } from './bootstrap.js';
import type { CliCommand } from './command.js';

/** The one line `serve` prints when a person, not an MCP client, started it in a terminal. */
export const SERVE_TERMINAL_HINT =
  'Waiting for an MCP client on stdin (this is the MCP server; press Ctrl+C to stop). To try a tool from the shell: workspaces-euc-mcp call TOOL --demo; list them: workspaces-euc-mcp tools.';

/** The hint when stdin is a terminal (default: the process's own stdin), else nothing. */
export function terminalHint(stdinIsTTY: boolean | undefined): string | undefined {
  return (stdinIsTTY ?? process.stdin.isTTY === true) ? SERVE_TERMINAL_HINT : undefined;
}

/** `serve`: MCP over stdio, the default command. */
export const serveCommand: CliCommand = {
  usage: 'serve',
  summary: 'Serve MCP over stdio (default)',
  help: `workspaces-euc-mcp serve [options]

Serves MCP over stdio. Logs go to stderr and MCP logging notifications, never stdout.
Registered tools = plugins in the config ∧ tools the config allows ∧ tiers the flags allow.`,
  async run({ io, boot }) {
    const booted = await boot();
    // An MCP client connects through a pipe; a terminal on stdin means a person ran it by hand
    // and would otherwise see nothing happen.
    const hint = terminalHint(io.stdinIsTTY);
    if (hint) io.stderr(hint);
    const { createMcpServer, serveStdio } = await import('../mcp/server.js');
    const { server, logSink } = createMcpServer(booted.host, {
      name: 'workspaces-euc-mcp',
      version: hostVersion(),
      ...(booted.demoDescription
        ? {
            extraInstructions: `DEMO MODE: every answer comes from a simulated estate, not AWS. ${booted.demoDescription}`,
          }
        : {}),
    });
    booted.logSinks.push(logSink);
    await serveStdio(server);
    return 0;
  },
};
