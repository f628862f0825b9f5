import type { Logger } from './plugin-api/types.js';

/** Log levels in increasing severity (MCP uses the syslog names; these four are the ones we emit). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Where log lines go besides stderr (the MCP server forwards them as logging notifications). */
export type LogSink = (level: LogLevel, message: string, data?: Record<string, unknown>) => void;

// Keys whose values must never reach a log line, whatever a caller passes in `data`.
const SECRET_KEY = /secret|token|password|credential|sessiontoken|accesskey/i;

/** Removes secret-looking fields from log data. */
export function redact(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data) return undefined;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : v]));
}

/**
 * A logger that writes one line per message to stderr (stdout carries the MCP protocol in stdio
 * mode) and to any extra sinks, from `level` up.
 */
export function createLogger(options: {
  level: LogLevel;
  stderr?: (line: string) => void;
  sinks?: LogSink[];
}): Logger & { sinks: LogSink[] } {
  const write = options.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  const sinks = options.sinks ?? [];
  const emit = (level: LogLevel, message: string, data?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[options.level]) return;
    const safe = redact(data);
    write(`[workspaces-euc-mcp] ${level.toUpperCase()} ${message}${safe ? ` ${JSON.stringify(safe)}` : ''}`);
    for (const sink of sinks) sink(level, message, safe);
  };
  return {
    sinks,
    debug: (m, d) => emit('debug', m, d),
    info: (m, d) => emit('info', m, d),
    warn: (m, d) => emit('warn', m, d),
    error: (m, d) => emit('error', m, d),
  };
}

/**
 * The logger of one call: everything goes to `logger` as usual, and info and up also to `sink`
 * (the client that made the call). Debug stays on stderr: it is for whoever runs the server.
 */
export function withCallSink(logger: Logger, sink: LogSink): Logger {
  const both =
    (level: Exclude<LogLevel, 'debug'>) =>
    (message: string, data?: Record<string, unknown>): void => {
      logger[level](message, data);
      sink(level, message, redact(data));
    };
  return {
    debug: (m, d) => logger.debug(m, d),
    info: both('info'),
    warn: both('warn'),
    error: both('error'),
  };
}
