// A CLI command: its flags, its help text and what it runs. The dispatcher (main.ts) parses flags
// strictly with node:util parseArgs, so an unknown flag or a bad value is a one-line error with exit 2.
import type { ParseArgsOptionsConfig } from 'node:util';

export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type FlagValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
  readonly io: CliIo;
}

export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text (usage line, flags, an example). */
  readonly help: string;
  readonly options: ParseArgsOptionsConfig;
  /** Minimum and maximum number of positional arguments. */
  readonly positionals: { readonly min: number; readonly max: number };
  /** Returns the process exit code. */
  run(context: CommandContext): Promise<number>;
}

/** A flag value that is wrong in a way parseArgs cannot see (bad enum value, bad number): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function stringFlag(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function stringsFlag(values: FlagValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function choiceFlag<T extends string>(values: FlagValues, name: string, choices: readonly T[], fallback: T): T {
  const value = stringFlag(values, name);
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got "${value}")`);
}

export function intFlag(values: FlagValues, name: string, fallback: number, min: number, max: number): number {
  const value = stringFlag(values, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return parsed;
}

/** Read all of stdin as UTF-8 text. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
