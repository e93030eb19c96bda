/** Minimal structured logging: one line per event, silent when quiet. */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, error?: unknown, data?: Record<string, unknown>): void;
}

export function createLogger(quiet: boolean): Logger {
  const line = (level: string, message: string, data?: Record<string, unknown>) =>
    `${new Date().toISOString()} ${level} ${message}${data ? ' ' + JSON.stringify(data) : ''}`;
  return {
    info: (m, d) => {
      if (!quiet) console.log(line('info', m, d));
    },
    warn: (m, d) => {
      if (!quiet) console.warn(line('warn', m, d));
    },
    error: (m, e, d) => {
      console.error(line('error', m, d), e instanceof Error ? (e.stack ?? e.message) : (e ?? ''));
    },
  };
}
