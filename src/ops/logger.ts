// A small logger port. The bot logs through it and never to console directly, so tests can capture
// lines and operators can swap in a structured logger.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  /**
   * Detail an operator needs only when digging (a stack trace, a repeated failure); shown when the log
   * level is debug (LOG_LEVEL=debug). Optional: a logger without it drops these lines.
   */
  debug?(message: string, error?: unknown): void;
}

export function createStreamLogger(stream: NodeJS.WritableStream, debug = false): Logger {
  const line = (level: string, message: string) => stream.write(`${new Date().toISOString()} ${level} ${message}\n`);
  return {
    debug(message, error) {
      if (!debug) return;
      line('debug', message);
      if (error instanceof Error && error.stack !== undefined) stream.write(`${error.stack}\n`);
    },
    info: (message) => line('info', message),
    warn: (message) => line('warn', message),
    error(message, error) {
      const detail = error instanceof Error ? `: ${error.message}` : error === undefined ? '' : `: ${String(error)}`;
      line('error', `${message}${detail}`);
      if (debug && error instanceof Error && error.stack !== undefined) stream.write(`${error.stack}\n`);
    },
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
