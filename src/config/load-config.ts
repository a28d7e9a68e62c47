// Load and validate the YAML config and the environment once, at the edge. Every problem is listed
// with its path so a user can fix them all in one go.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../domain/errors.ts';
import { envSchema, type Env } from './env.ts';
import { configSchema, type Config } from './schema.ts';
import { keysAt } from './schema-keys.ts';
import { didYouMean } from './suggest.ts';

/** config/default.yaml inside the package, so the bin works from any directory. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_CONFIG_PATH = resolve(PACKAGE_ROOT, 'config', 'default.yaml');

export class ConfigError extends UserError {
  readonly problems: readonly string[];
  constructor(file: string, problems: string[]) {
    super('CONFIG_INVALID', `invalid configuration in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      file,
    });
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface LoadedConfig {
  readonly config: Config;
  readonly env: Env;
  /** The config file that was read. */
  readonly file: string;
  /** Directory relative source paths and the SQLite file are resolved against. */
  readonly baseDir: string;
  /** The LLM API key, read from the variable summary.llm.apiKeyEnv names ('' when unset). */
  readonly llmApiKey: string;
}

export interface LoadOptions {
  /** Explicit config path (the --config flag); wins over NEWS_DIGEST_CONFIG. */
  readonly path?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export function loadConfig(options: LoadOptions): LoadedConfig {
  const envResult = envSchema.safeParse(options.env);
  if (!envResult.success) throw new ConfigError('the environment', formatIssues(envResult.error.issues));
  const env = envResult.data;

  const requested = options.path ?? env.NEWS_DIGEST_CONFIG;
  const file = requested === undefined ? DEFAULT_CONFIG_PATH : resolve(options.cwd, requested);
  const raw = parseYamlFile(file);
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(file, formatIssues(result.error.issues, (path) => keysAt(configSchema, path, raw)));

  const config: Config = env.STORE_URL === undefined ? result.data : { ...result.data, store: { url: env.STORE_URL } };
  // The packaged default config names paths relative to the package (seeds/); a user's own config file
  // names them relative to where the user runs the bot.
  const baseDir = requested === undefined ? PACKAGE_ROOT : options.cwd;
  const keyEnv = config.summary.llm?.apiKeyEnv;
  const llmApiKey = keyEnv === undefined ? '' : (options.env[keyEnv] ?? '');
  return { config, env, file, baseDir, llmApiKey };
}

function parseYamlFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new ConfigError(file, [reason]);
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const message = (e.message.split('\n')[0] ?? '').replace(/:\s*$/, '');
        // Nearly always a value holding a colon (`url: memory:`, `title: a: b`); say the fix.
        const hint = e.code === 'BLOCK_AS_IMPLICIT_KEY' ? ' (put a value that holds a colon in quotes, e.g. url: "memory:")' : '';
        return `YAML ${e.code} at line ${e.linePos?.[0]?.line ?? '?'}: ${message}${hint}`;
      }),
    );
  }
  return doc.toJS();
}

/** One line per problem; an unknown key names the valid keys at its place and the closest of them. */
function formatIssues(
  issues: readonly z.core.$ZodIssue[],
  validKeys: (path: readonly PropertyKey[]) => string[] = () => [],
): string[] {
  return issues.flatMap((issue) => {
    const path = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
    if (issue.code !== 'unrecognized_keys') return [`${path}: ${issue.message}`];
    const valid = validKeys(issue.path);
    const list = valid.length === 0 ? '' : `; valid keys here: ${valid.join(', ')}`;
    return issue.keys.map((key) => `${path}: unknown key "${key}"${didYouMean(key, valid, '"')}${list}`);
  });
}

/** Resolve a path from config against the config's base directory. */
export function resolveConfigPath(loaded: LoadedConfig, path: string): string {
  return isAbsolute(path) ? path : resolve(loaded.baseDir, path);
}
