export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Operational log of the host process (not run output, which goes to the run store). */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Values that look like credentials, hidden in log lines: a system's error or URL can carry them
 * (MplusKASSA's ident and secret are query parameters; OAuth answers carry tokens). The log files
 * go to whoever helps the user, so they must never hold a secret.
 */
const SECRET_VALUE =
  /((?:ident|secret|client_secret|password|pass|access_token|refresh_token|token)["']?\s*[:=]\s*["']?)[^"'&\s,;}]+/gi;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;

export function redactSecrets(text: string): string {
  return text.replace(SECRET_VALUE, '$1***').replace(BEARER, '$1***');
}

/** One log entry as a line ("2026-12-02T10:00:00.000Z WARN message {fields}"), or undefined below `minLevel`. */
export function logLine(
  level: LogLevel,
  message: string,
  fields: Record<string, unknown> | undefined,
  minLevel: LogLevel,
): string | undefined {
  if (order[level] < order[minLevel]) return undefined;
  const suffix = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
  return redactSecrets(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${suffix}\n`);
}

/** A logger writing one line per entry to stderr, so stdout stays free for command output. */
export function createConsoleLogger(minLevel: LogLevel = 'info'): Logger {
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    const line = logLine(level, message, fields, minLevel);
    if (line) process.stderr.write(line);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** Every entry to each of `loggers` (the console and the log file). */
export function teeLogger(...loggers: Logger[]): Logger {
  const each =
    (level: LogLevel) =>
    (message: string, fields?: Record<string, unknown>): void => {
      for (const logger of loggers) logger[level](message, fields);
    };
  return { debug: each('debug'), info: each('info'), warn: each('warn'), error: each('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
