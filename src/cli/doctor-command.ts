// `news-digest doctor`: checks config, store, tokens, feeds and file sources in that order and says
// in plain words what is wrong. Exit 0 when every check passes, 1 otherwise.
import type { LoadedConfig } from '../config/load-config.ts';
import {
  checkConfig,
  checkFeeds,
  checkFiles,
  checkStore,
  checkTokens,
  DOCTOR_DEFAULTS,
  type CheckResult,
  type FetchLike,
} from '../ops/doctor-checks.ts';
import { createScrubber, secretsFromEnv } from '../ops/scrub-secrets.ts';
import { stringFlag, type CliCommand } from './command.ts';
import { CONFIG_FLAG, CONFIG_HELP } from './shared-flags.ts';

export interface DoctorDeps {
  /** Injected so tests (and a proxy-aware caller) choose how feeds are probed; global fetch by default. */
  readonly fetch?: FetchLike;
  readonly feedTimeoutMs?: number;
}

/** The checks that need a valid config, named so a skipped one still gets its line. */
const AFTER_CONFIG = ['store', 'tokens', 'feeds', 'files'] as const;

export function createDoctorCommand(deps: DoctorDeps = {}): CliCommand {
  const fetcher: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));
  const feedTimeoutMs = deps.feedTimeoutMs ?? DOCTOR_DEFAULTS.feedTimeoutMs;
  return {
    name: 'doctor',
    summary: 'check config, store, tokens, feeds and file sources, and say what is wrong',
    help: `Usage: news-digest doctor [--config FILE]

Checks, in order:
  config   the config file and environment are valid (every problem listed)
  store    the store opens, and a test value can be written, read back and deleted
  tokens   the tokens the configured platforms need are set and well-formed (values are never shown)
  feeds    every configured feed URL (and every feed added from chat) answers, and is on an address
           the bot may fetch (private and loopback ones need feeds.allowAddresses in the config)
  files    every file source exists and holds articles
Exits 0 when every check passes, 1 otherwise.

Options:
${CONFIG_HELP}

Example: STORE_URL=redis://localhost:6379 news-digest doctor
`,
    options: { ...CONFIG_FLAG },
    positionals: { min: 0, max: 0 },
    async run(context) {
      const { io } = context;
      // Belt and braces: no check prints a secret, and this makes sure a library error cannot either.
      const scrub = createScrubber(secretsFromEnv(io.env));
      const print = (result: CheckResult) => {
        const lines = [`${(result.ok ? 'ok' : 'problem').padEnd(9)}${result.name}: ${result.summary}`];
        for (const detail of result.details) lines.push(`${' '.repeat(11)}${detail}`);
        io.stdout.write(`${scrub(lines.join('\n'))}\n`);
      };

      const config = checkConfig({ path: stringFlag(context.values, 'config'), env: io.env, cwd: io.cwd });
      print(config.result);
      const results = [config.result, ...(await runAfterConfig(config.loaded, io.env, fetcher, feedTimeoutMs, print))];

      const failing = results.filter((r) => !r.ok).length;
      io.stdout.write(failing === 0 ? 'All checks passed.\n' : `${failing} of ${results.length} checks found problems.\n`);
      return failing === 0 ? 0 : 1;
    },
  };
}

async function runAfterConfig(
  loaded: LoadedConfig | null,
  env: Readonly<Record<string, string | undefined>>,
  fetcher: FetchLike,
  feedTimeoutMs: number,
  print: (result: CheckResult) => void,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const report = (result: CheckResult) => {
    print(result);
    results.push(result);
  };
  if (loaded === null) {
    for (const name of AFTER_CONFIG) report({ name, ok: false, summary: 'not checked: fix the config first', details: [] });
    return results;
  }
  const store = await checkStore(loaded);
  report(store.result);
  report(checkTokens(loaded, env));
  const configured = loaded.config.sources.flatMap((s) => (s.type === 'feed' ? [s.url] : []));
  const policy = { allowPrivate: loaded.config.feeds.allowPrivateAddresses, allow: loaded.config.feeds.allowAddresses };
  report(await checkFeeds([...configured, ...store.storedFeeds], { fetch: fetcher, timeoutMs: feedTimeoutMs, policy }));
  report(await checkFiles(loaded));
  return results;
}

export const doctorCommand: CliCommand = createDoctorCommand();
