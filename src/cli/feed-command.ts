// `news-digest feed check <url|file> [--json]`: fetch (or read) one feed and print what the bot would
// see, or the error with its code. `news-digest feed health`: per-feed polling health, when the bot's
// feed state is wired in (createFeedCommand({ loadFeedStates })).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NewsDigestError, UserError } from '../domain/errors.ts';
import { decodeBody } from '../ingest/fetch/charset.ts';
import { fetcherFor } from '../app/feed-service.ts';
import type { Fetcher } from '../ingest/fetch/safe-fetch.ts';
import { feedHealth, formatHealth } from '../ingest/feeds/health.ts';
import { htmlToText } from '../ingest/feeds/html-text.ts';
import { loadFeed } from '../ingest/feeds/load-feed.ts';
import { parseFeed } from '../ingest/feeds/parse-feed.ts';
import type { FeedState } from '../ingest/feeds/state-store.ts';
import type { ParsedFeed } from '../ingest/feeds/types.ts';
import type { CliCommand, CommandContext } from './command.ts';
import { UsageError } from './command.ts';
import { CONFIG_FLAG, CONFIG_HELP, loadFromContext } from './shared-flags.ts';

export interface FeedCommandDeps {
  /** Defaults to the real fetcher with the config's address policy (feeds.allowAddresses, allowPrivateAddresses). */
  readonly fetcher?: Fetcher;
  /** The running bot's feed states; without it `feed health` explains that it is not wired. */
  readonly loadFeedStates?: (context: CommandContext) => Promise<FeedState[]>;
}

interface Checked {
  readonly feed: ParsedFeed;
  readonly source: string;
  readonly discoveredFrom: string | null;
  readonly encoding: string;
}

async function check(target: string, context: CommandContext, fetcher: () => Fetcher): Promise<Checked> {
  if (/^https?:\/\//i.test(target)) {
    const result = await loadFeed(fetcher(), { url: target });
    if (result.kind === 'not-modified') throw new NewsDigestError('FEED_NOT_MODIFIED', '304 to an unconditional request', { url: target });
    return { feed: result.feed, source: result.url, discoveredFrom: result.discoveredFrom, encoding: result.encoding };
  }
  const path = resolve(context.io.cwd, target);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UserError('FEED_FILE_UNREADABLE', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { path }, { cause: error });
  }
  const decoded = decodeBody(bytes);
  const feed = await parseFeed(decoded.text, pathToFileURL(path).href);
  return { feed, source: path, discoveredFrom: null, encoding: decoded.encoding };
}

const preview = (html: string | null, chars: number): string => {
  if (html === null) return '-';
  const text = htmlToText(html).replace(/\s+/g, ' ');
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text || '-';
};

function renderText(checked: Checked): string {
  const { feed } = checked;
  const lines = [
    `${feed.title || '(untitled feed)'}  [${feed.format}, ${feed.items.length} items]`,
    `source:    ${checked.source}${checked.discoveredFrom === null ? '' : ` (found on ${checked.discoveredFrom})`}`,
    `link:      ${feed.link ?? '-'}`,
    `encoding:  ${checked.encoding}${feed.recovered ? '   (ill-formed XML, recovered)' : ''}`,
  ];
  feed.items.forEach((item, index) => {
    lines.push(
      '',
      `${index + 1}. ${item.title || '(untitled)'}`,
      `   url:       ${item.url ?? '-'}`,
      `   id:        ${item.id}   guid: ${item.guid ?? '-'}`,
      `   author:    ${item.author ?? '-'}   published: ${item.published ?? '-'}`,
      `   summary:   ${preview(item.summary, 160)}`,
      `   content:   ${preview(item.content, 160)}`,
    );
  });
  return `${lines.join('\n')}\n`;
}

function errorJson(error: unknown): Record<string, unknown> {
  if (error instanceof NewsDigestError) return { code: error.code, message: error.message, context: error.context };
  return { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) };
}

export function createFeedCommand(deps: FeedCommandDeps = {}): CliCommand {
  return {
    name: 'feed',
    summary: 'check a feed URL or file; show feed polling health',
    help: `Usage: news-digest feed check <url|file> [--json] [--config FILE]
       news-digest feed health [--json] [--config FILE]

check   Fetches the URL (following an HTML page to its feed) or reads the file, and prints the feed
        title and every item with its normalized fields. Exit code 1 when it cannot be read.
        URLs that resolve to private, loopback or link-local addresses are refused, as the bot
        refuses them, unless the config allows them:
          feeds:
            allowAddresses: ["10.1.2.3", "192.168.7.0/24"]   # single addresses or CIDR ranges
            allowPrivateAddresses: true                      # or every private address (an intranet)
health  Per feed: status, last success, last error, failures in a row, next poll.

Options:
      --json          print JSON instead of text
${CONFIG_HELP}

Example: news-digest feed check https://www.example.com/rss.xml
`,
    options: { ...CONFIG_FLAG, json: { type: 'boolean' } },
    positionals: { min: 1, max: 2 },
    async run(context) {
      const [action, target] = context.positionals;
      const json = context.values['json'] === true;
      const { stdout, stderr } = context.io;
      if (action === 'health') {
        if (deps.loadFeedStates === undefined) {
          stderr.write('feed health needs the bot\'s feed state store, which this command was not given\n');
          return 1;
        }
        const rows = (await deps.loadFeedStates(context)).map(feedHealth);
        // Feeds show up here once the bot has polled them; before that there is no state to show.
        const none = 'no feed has been polled yet (the running bot polls the configured feeds; feed check <url> tries one now)';
        stdout.write(json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatHealth(rows) || none}\n`);
        return rows.some((row) => row.status === 'failing' || row.status === 'disabled') ? 1 : 0;
      }
      if (action !== 'check') throw new UsageError(`unknown feed action "${action ?? ''}" (use check or health)`);
      if (target === undefined) throw new UsageError('feed check needs a URL or a file');
      try {
        // The config's address policy, so a feed the bot may poll is one this command may fetch.
        const checked = await check(target, context, () => deps.fetcher ?? fetcherFor(loadFromContext(context).config));
        if (json) {
          const { feed } = checked;
          stdout.write(`${JSON.stringify({ ok: true, source: checked.source, discoveredFrom: checked.discoveredFrom, encoding: checked.encoding, ...feed }, null, 2)}\n`);
        } else stdout.write(renderText(checked));
        return 0;
      } catch (error) {
        if (json) stdout.write(`${JSON.stringify({ ok: false, error: errorJson(error) }, null, 2)}\n`);
        else stderr.write(`feed check failed: ${errorJson(error)['code'] as string}: ${errorJson(error)['message'] as string}\n`);
        return 1;
      }
    },
  };
}

export const feedCommand: CliCommand = createFeedCommand();
