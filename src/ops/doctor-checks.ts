// The checks behind `news-digest doctor`. Each returns a plain-words verdict and never a secret:
// token checks look at the shape of a value and report only set / missing / malformed.
import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { ConfigError, loadConfig, resolveConfigPath, type LoadedConfig } from '../config/load-config.ts';
import { readArticleFiles } from '../ingest/file-source.ts';
import { createAddressChecker, type AddressChecker } from '../ingest/fetch/address-policy.ts';
import { blockedAddressError } from '../ingest/fetch/errors.ts';
import type { AddressPolicy } from '../ingest/fetch/options.ts';
import { createFeedRepository } from '../store/feed-repository.ts';
import { UserError } from '../domain/errors.ts';
import { openKeyv, type OpenedStore } from '../store/open-keyv.ts';
import { networkErrorText, probeTcp } from './tcp-probe.ts';

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  /** One line of plain words. */
  readonly summary: string;
  /** Further lines (one per problem, feed, token), shown indented. */
  readonly details: readonly string[];
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export const DOCTOR_DEFAULTS = {
  /** A feed that does not answer a HEAD within this time is reported; the poller would stall on it too. */
  feedTimeoutMs: 5_000,
  /** The TCP probe behind an unreachable Redis; a local or LAN Redis answers in milliseconds. */
  storeConnectTimeoutMs: 3_000,
} as const;

/** The secrets are checked by checkTokens, by shape; keeping them out of the config load means a bad
 * token does not hide every problem in the config file (loadConfig stops at the first failing part). */
const SECRET_VARS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN'] as const;

export function checkConfig(
  options: { path: string | undefined; env: Readonly<Record<string, string | undefined>>; cwd: string },
): { result: CheckResult; loaded: LoadedConfig | null } {
  const env = Object.fromEntries(Object.entries(options.env).filter(([name]) => !(SECRET_VARS as readonly string[]).includes(name)));
  try {
    const loaded = loadConfig({ path: options.path, env, cwd: options.cwd });
    const { sources, channels } = loaded.config;
    const summary = `${loaded.file} is valid (${plural(sources.length, 'source')}, ${plural(channels.length, 'channel')})`;
    return { result: { name: 'config', ok: true, summary, details: [] }, loaded };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const where = error.context.file === 'the environment' ? 'the environment variables' : String(error.context.file);
    return { result: { name: 'config', ok: false, summary: `${where} has problems:`, details: [...error.problems] }, loaded: null };
  }
}

export interface StoreCheck {
  readonly result: CheckResult;
  /** Feed URLs added from chat, so the feed check covers them too. */
  readonly storedFeeds: readonly string[];
}

export async function checkStore(loaded: LoadedConfig): Promise<StoreCheck> {
  let store: OpenedStore;
  try {
    store = await openKeyv(loaded.config.store.url, loaded.baseDir);
  } catch (error) {
    // openKeyv's own errors already name the store in plain words (without credentials); anything
    // else (a driver error) gets the scheme so the reader knows which store failed.
    const scheme = loaded.config.store.url.split(':')[0] ?? 'the';
    if (error instanceof UserError && error.code === 'STORE_UNREACHABLE' && /^rediss?:/.test(loaded.config.store.url)) {
      return storeProblem(await redisProblem(loaded.config.store.url));
    }
    return storeProblem(error instanceof UserError ? errorText(error) : `cannot open the ${scheme} store: ${errorText(error)}`);
  }
  try {
    const key = `doctor:probe:${randomUUID()}`;
    const value = { probe: true, at: new Date().toISOString() };
    await store.keyv.set(key, value);
    const readBack = await store.keyv.get(key);
    await store.keyv.delete(key);
    const afterDelete = await store.keyv.get(key);
    if (!isDeepStrictEqual(readBack, value)) return storeProblem(`${store.describe}: a test value written to it did not read back the same`);
    if (afterDelete !== undefined) return storeProblem(`${store.describe}: a test value could not be deleted`);
    const storedFeeds = (await createFeedRepository(store.keyv).list()).map((feed) => feed.url);
    const summary = `${store.describe} opens; a test write, read and delete worked`;
    return { result: { name: 'store', ok: true, summary, details: [] }, storedFeeds };
  } catch (error) {
    return storeProblem(`${store.describe}: ${errorText(error)}`);
  } finally {
    await store.close();
  }
}

/**
 * Redis that did not answer, in the doctor's words rather than the client library's: a TCP probe of the
 * same host and port tells a stopped server from a wrong host; a port that answers points at the
 * password, TLS or database number. The URL is shown without its password.
 */
async function redisProblem(url: string): Promise<string> {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '') || 'localhost';
  const port = Number(parsed.port || 6379);
  const shown = `redis at ${host}:${port}`;
  const tcp = await probeTcp(host, port, DOCTOR_DEFAULTS.storeConnectTimeoutMs);
  if (!tcp.ok) return `cannot reach ${shown}: ${tcp.reason}; is Redis running there? (STORE_URL or store.url in the config)`;
  return `${shown} accepts connections but the Redis client could not use it: check the password, the database number, and rediss: for TLS`;
}

function storeProblem(summary: string): StoreCheck {
  return { result: { name: 'store', ok: false, summary, details: [] }, storedFeeds: [] };
}

type TokenVerdict = 'set' | 'missing' | `malformed (${string})`;

interface TokenRule {
  readonly pattern: RegExp;
  /** What a good value looks like, said when the value does not fit. */
  readonly expected: string;
  /** The fixed start of the value; a value with this start that still does not fit gets `tooShort`. */
  readonly prefix?: string;
  readonly tooShort?: string;
}

/** Reports the shape of a token, never its value or any part of it. */
function tokenShape(value: string | undefined, rule: TokenRule): TokenVerdict {
  if (value === undefined || value === '') return 'missing';
  if (/^\s|\s$/.test(value)) return 'malformed (it starts or ends with a space or newline)';
  if (/^["']|["']$/.test(value)) return 'malformed (it is wrapped in quotes; remove them)';
  if (/^(Bot|Bearer)\s/i.test(value)) return 'malformed (remove the "Bot " or "Bearer " prefix)';
  if (rule.pattern.test(value)) return 'set';
  // "xoxb-bad" does start with "xoxb-": saying it must start so would send the reader the wrong way.
  if (rule.prefix !== undefined && rule.tooShort !== undefined && value.startsWith(rule.prefix)) return `malformed (${rule.tooShort})`;
  return `malformed (${rule.expected})`;
}

const CUT_SHORT = 'is cut short or holds characters a Slack token never has';

export const TOKEN_RULES = {
  SLACK_BOT_TOKEN: {
    pattern: /^xoxb-[A-Za-z0-9-]{10,}$/,
    expected: 'a Slack bot token starts with "xoxb-"',
    prefix: 'xoxb-',
    tooShort: `it starts with "xoxb-" but ${CUT_SHORT}: copy the whole Bot User OAuth Token (OAuth & Permissions) again`,
  },
  SLACK_APP_TOKEN: {
    pattern: /^xapp-[A-Za-z0-9-]{10,}$/,
    expected: 'a Slack app-level token starts with "xapp-"',
    prefix: 'xapp-',
    tooShort: `it starts with "xapp-" but ${CUT_SHORT}: copy the whole app-level token (Basic Information) again`,
  },
  SLACK_SIGNING_SECRET: { pattern: /^[0-9a-f]{32}$/i, expected: 'a Slack signing secret is 32 hexadecimal characters' },
  DISCORD_TOKEN: {
    pattern: /^[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/,
    expected: 'a Discord bot token is three parts separated by dots',
  },
} as const satisfies Record<string, TokenRule>;

export function checkTokens(loaded: LoadedConfig, env: Readonly<Record<string, string | undefined>>): CheckResult {
  const platforms = new Set(loaded.config.channels.map((c) => c.platform));
  const lines: { text: string; ok: boolean }[] = [];
  const need = (name: keyof typeof TOKEN_RULES, why: string) => {
    const verdict = tokenShape(env[name], TOKEN_RULES[name]);
    lines.push({ text: `${name} ${verdict}${verdict === 'missing' ? ` (${why})` : ''}`, ok: verdict === 'set' });
  };
  if (platforms.has('slack')) {
    need('SLACK_BOT_TOKEN', 'needed by the Slack channels');
    if (env.SLACK_APP_TOKEN !== undefined && env.SLACK_APP_TOKEN !== '') {
      need('SLACK_APP_TOKEN', 'Socket Mode');
      const secret = tokenShape(env.SLACK_SIGNING_SECRET, TOKEN_RULES.SLACK_SIGNING_SECRET);
      lines.push({ text: `SLACK_SIGNING_SECRET ${secret === 'missing' ? 'not needed (Socket Mode)' : secret}`, ok: !secret.startsWith('malformed') });
    } else {
      need('SLACK_SIGNING_SECRET', 'needed for HTTP mode; or set SLACK_APP_TOKEN for Socket Mode');
    }
  }
  if (platforms.has('discord')) need('DISCORD_TOKEN', 'needed by the Discord channels');
  for (const name of SECRET_VARS) {
    const used = name === 'DISCORD_TOKEN' ? platforms.has('discord') : platforms.has('slack');
    if (used || env[name] === undefined || env[name] === '') continue;
    // An unused token still has to be well-formed: the environment check at start refuses a bad one.
    const verdict = tokenShape(env[name], TOKEN_RULES[name]);
    const ok = verdict === 'set';
    lines.push({ text: ok ? `${name} is set but no channel uses it` : `${name} ${verdict}; no channel uses it: fix or unset it`, ok });
  }
  const ok = lines.every((line) => line.ok);
  if (ok && !platforms.has('slack') && !platforms.has('discord')) {
    return { name: 'tokens', ok: true, summary: 'none needed (no Slack or Discord channels)', details: lines.map((line) => line.text) };
  }
  const bad = lines.filter((line) => !line.ok).length;
  return {
    name: 'tokens',
    ok,
    summary: ok ? 'every token the channels need is set and well-formed' : `${plural(bad, 'token')} missing or malformed:`,
    details: lines.map((line) => line.text),
  };
}

/** Resolves a host name to its addresses; injectable so a test can point a name at a private address. */
export type HostResolver = (hostname: string) => Promise<readonly string[]>;

const systemResolver: HostResolver = async (hostname) => (await lookup(hostname, { all: true })).map((a) => a.address);

export interface FeedCheckOptions {
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  /** The config's address policy: a feed the bot would refuse is a problem even when it answers. */
  readonly policy: AddressPolicy;
  readonly resolve?: HostResolver;
}

export async function checkFeeds(urls: readonly string[], options: FeedCheckOptions): Promise<CheckResult> {
  const unique = [...new Set(urls)];
  if (unique.length === 0) return { name: 'feeds', ok: true, summary: 'none configured', details: [] };
  const checker = createAddressChecker(options.policy);
  const resolve = options.resolve ?? systemResolver;
  const verdicts = await Promise.all(
    unique.map(async (url) => (await refusedAddress(url, checker, resolve)) ?? probeFeed(url, options.fetch, options.timeoutMs)),
  );
  const failing = verdicts.filter((v) => !v.ok).length;
  return {
    name: 'feeds',
    ok: failing === 0,
    // "with problems", not "unreachable": a refused feed may answer fine and still never be polled.
    summary: failing === 0 ? `all ${plural(unique.length, 'feed')} answered` : `${failing} of ${plural(unique.length, 'feed')} with problems:`,
    details: verdicts.map((v) => `${v.ok ? 'ok' : 'problem'} ${v.url}: ${v.text}`),
  };
}

/**
 * The bot's fetcher refuses private and loopback addresses unless the config allows them; the doctor's
 * probe does not go through that fetcher, so it applies the same policy first and says how to allow one.
 * A name that does not resolve is left to the probe, which reports it in its own words.
 */
async function refusedAddress(
  url: string,
  checker: AddressChecker,
  resolve: HostResolver,
): Promise<{ url: string; ok: false; text: string } | null> {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return { url, ok: false, text: 'not a valid URL' };
  }
  let addresses: readonly string[];
  try {
    addresses = isIP(hostname) === 0 ? await resolve(hostname) : [hostname];
  } catch {
    return null;
  }
  if (addresses.length === 0 || addresses.some((address) => checker.isAllowed(address))) return null;
  const what = isIP(hostname) === 0 ? `${hostname} (${addresses.join(', ')})` : hostname;
  return { url, ok: false, text: `the bot refuses this feed: ${blockedAddressError(what, url).message}` };
}

async function probeFeed(url: string, fetcher: FetchLike, timeoutMs: number): Promise<{ url: string; ok: boolean; text: string }> {
  try {
    let response = await fetcher(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    // Some feed servers refuse HEAD outright; a GET tells whether the feed itself is there.
    if (response.status === 405 || response.status === 501 || response.status === 403) {
      response = await fetcher(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
    }
    const text = `HTTP ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
    return { url, ok: response.ok, text };
  } catch (error) {
    return { url, ok: false, text: fetchErrorText(error, timeoutMs) };
  }
}

function fetchErrorText(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return networkErrorText(code, typeof cause?.message === 'string' ? cause.message : errorText(error));
}

export async function checkFiles(loaded: LoadedConfig): Promise<CheckResult> {
  const paths = loaded.config.sources.flatMap((s) => (s.type === 'files' ? [s.path] : []));
  if (paths.length === 0) return { name: 'files', ok: true, summary: 'no file sources configured', details: [] };
  const details: string[] = [];
  let ok = true;
  for (const path of paths) {
    const absolute = resolveConfigPath(loaded, path);
    const { articles, problems } = await readArticleFiles([absolute]);
    const skipped = problems.length === 0 ? '' : `, ${plural(problems.length, 'file')} skipped`;
    if (articles.length > 0) {
      details.push(`ok ${absolute}: ${plural(articles.length, 'article')}${skipped}`);
    } else {
      ok = false;
      const first = problems[0];
      details.push(`problem ${absolute}: no articles found${first === undefined ? '' : ` (${first.reason})`}`);
    }
  }
  return { name: 'files', ok, summary: ok ? 'every file source has articles' : 'some file sources have no articles:', details };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
