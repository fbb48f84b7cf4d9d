/** How much emovox logs to the console. */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

export const logLevels: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

/** A console logger gated by level; `silent` (the default everywhere) prints nothing. */
export interface Logger {
  readonly level: LogLevel;
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

export function createLogger(level: LogLevel, prefix = 'emovox'): Logger {
  const rank = logLevels.indexOf(level);
  const gate = (at: Exclude<LogLevel, 'silent'>, print: (...args: unknown[]) => void) =>
    rank >= logLevels.indexOf(at) ? (...args: unknown[]) => print(`[${prefix}]`, ...args) : () => {};
  return {
    level,
    error: gate('error', console.error),
    warn: gate('warn', console.warn),
    info: gate('info', console.info),
    debug: gate('debug', console.debug),
  };
}
