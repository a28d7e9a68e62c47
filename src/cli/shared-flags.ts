// Flags and set-up shared by the commands that work on the bot's state.
import type { ParseArgsOptionsConfig } from 'node:util';
import { loadConfig, type LoadedConfig } from '../config/load-config.ts';
import type { CommandContext } from './command.ts';
import { stringFlag } from './command.ts';

export const CONFIG_FLAG = { config: { type: 'string', short: 'c' } } as const satisfies ParseArgsOptionsConfig;

export const CONFIG_HELP = '  -c, --config FILE   config file (default: $NEWS_DIGEST_CONFIG or config/default.yaml)';

export function loadFromContext(context: CommandContext): LoadedConfig {
  return loadConfig({ path: stringFlag(context.values, 'config'), env: context.io.env, cwd: context.io.cwd });
}

export const FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];
