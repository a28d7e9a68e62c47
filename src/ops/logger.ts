// A small logger port. The bot logs through it and never to console directly, so tests can capture
// lines and operators can swap in a structured logger.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createStreamLogger(stream: NodeJS.WritableStream, debug = false): Logger {
  const line = (level: string, message: string) => stream.write(`${new Date().toISOString()} ${level} ${message}\n`);
  return {
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
