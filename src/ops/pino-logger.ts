// The production Logger: pino, JSON lines by default (for log shippers) and pino-pretty when a person
// is watching a terminal. Secrets are removed twice: pino `redact` blanks known secret fields, and
// every finished line is scrubbed for token shapes and the configured secret values (scrub-secrets.ts).
import { pino, type Level, type Logger as Pino } from 'pino';
import pinoPretty from 'pino-pretty';
import type { Logger } from './logger.ts';
import { createScrubber, REDACTED, type Scrubber } from './scrub-secrets.ts';

export interface PinoLoggerOptions {
  /** Human-readable lines (pass `stdout.isTTY`); JSON lines otherwise. */
  readonly pretty: boolean;
  readonly level?: Level;
  /** Where lines go; process.stdout by default. */
  readonly destination?: NodeJS.WritableStream;
  /** Literal secret values (tokens, signing secret, store password) to scrub: see secretsFromEnv(). */
  readonly secrets?: readonly string[];
  /** Colours in pretty mode; defaults to on, tests turn it off to read plain text. */
  readonly colorize?: boolean;
}

/** The Logger port plus what the bot may want from pino itself. */
export interface PinoLogger extends Logger {
  debug(message: string, error?: unknown): void;
  /** A logger that adds fields to every line, e.g. { channel: 'news' } or { feed: url }. */
  child(bindings: Record<string, unknown>): PinoLogger;
  readonly pino: Pino;
}

/**
 * Field names that hold secrets wherever they appear near the top of a log object, including the
 * request dumps HTTP clients attach to errors (axios `config.headers.Authorization`, as thrown by
 * the Slack SDK). pino's redact needs explicit paths; `*` matches one level.
 */
const SECRET_FIELDS = [
  'token',
  'password',
  'secret',
  'signingSecret',
  'authorization',
  'Authorization',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
] as const;
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
  ...SECRET_FIELDS.map((field) => `*.*.${field}`),
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'err.config.headers.Authorization',
  'err.config.headers.authorization',
];

export function createPinoLogger(options: PinoLoggerOptions): PinoLogger {
  const destination = options.destination ?? process.stdout;
  const scrub = createScrubber(options.secrets ?? []);
  // pino-pretty reformats the JSON line, so the scrub has to run before it, on the JSON.
  const sink = options.pretty
    ? pinoPretty({ destination, sync: true, colorize: options.colorize ?? true, translateTime: 'SYS:standard' })
    : destination;
  const instance = pino(
    {
      level: options.level ?? 'info',
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      // Stable field names for log queries: `err` for errors, `msg` for the message.
      serializers: { err: pino.stdSerializers.errWithCause },
    },
    scrubbingStream(sink, scrub),
  );
  return wrap(instance);
}

function wrap(instance: Pino): PinoLogger {
  return {
    pino: instance,
    debug(message, error) {
      if (error instanceof Error) instance.debug({ err: error }, message);
      else instance.debug(message);
    },
    info: (message) => instance.info(message),
    warn: (message) => instance.warn(message),
    error(message, error) {
      if (error === undefined) instance.error(message);
      else if (error instanceof Error) instance.error({ err: error }, message);
      // A thrown string or object is kept as data; the scrub still sees it in the finished line.
      else instance.error({ detail: error }, message);
    },
    child: (bindings) => wrap(instance.child(bindings)),
  };
}

/** pino writes one complete JSON line per write() call, so scrubbing per call never splits a token. */
function scrubbingStream(target: NodeJS.WritableStream, scrub: Scrubber): { write(line: string): void } {
  return { write: (line) => void target.write(scrub(line)) };
}
