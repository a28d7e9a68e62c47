// `news-digest extract <file.html[.gz]|url>... [--json]`: print the main text of news pages, extracted and
// cleaned exactly as the bot does it. URLs go through the safe fetcher (http(s) only, guarded addresses,
// capped bodies); it is injected so tests run without a network.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from '../ingest/extract.ts';
import type { ExtractedArticle } from '../ingest/extract.ts';
import { FILE_SOURCE_DEFAULTS } from '../ingest/file-source.ts';
import { decodeBody } from '../ingest/fetch/charset.ts';
import { isFetchError } from '../ingest/fetch/errors.ts';
import { fetcherFor } from '../app/feed-service.ts';
import type { Fetcher } from '../ingest/fetch/safe-fetch.ts';
import { decodeText } from '../ingest/files/decode.ts';
import type { CliCommand, CommandContext } from './command.ts';
import { CONFIG_FLAG, CONFIG_HELP, loadFromContext } from './shared-flags.ts';

export interface ExtractCommandDeps {
  /** Made on the first URL only, so extracting files never builds an HTTP client. */
  readonly fetcher?: () => Fetcher;
  /** Cap on a page's size, compressed or not: a news page is far below it. */
  readonly maxBytes?: number;
}

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';

/** One input's failure, said in a line the user can act on. */
class InputError extends Error {}

export function createExtractCommand(deps: ExtractCommandDeps = {}): CliCommand {
  const maxBytes = deps.maxBytes ?? FILE_SOURCE_DEFAULTS.maxBytes;

  async function load(input: string, cwd: string, getFetcher: () => Fetcher): Promise<{ html: string; url?: string }> {
    if (/^https?:\/\//i.test(input)) {
      let outcome;
      try {
        outcome = await getFetcher().fetch({ url: input, accept: HTML_ACCEPT });
      } catch (error) {
        if (isFetchError(error)) throw new InputError(`cannot fetch: ${error.message}`);
        throw error;
      }
      if (outcome.kind !== 'ok') throw new InputError('the server sent no page (not modified)');
      return { html: decodeBody(outcome.body, outcome.contentType).text, url: outcome.url };
    }
    if (!/\.x?html?(?:\.gz)?$/i.test(input)) throw new InputError('expected an .html or .html.gz file or an http(s) URL');
    const path = resolve(cwd, input);
    let bytes: Buffer;
    try {
      if ((await stat(path)).size > maxBytes) throw new InputError(`file is over the ${maxBytes}-byte cap`);
      bytes = await readFile(path);
    } catch (error) {
      if (error instanceof InputError) throw error;
      const code = (error as { code?: unknown }).code;
      throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read: ${(error as Error).message}`);
    }
    if (input.toLowerCase().endsWith('.gz')) {
      try {
        // The output cap stops a small file that inflates into gigabytes.
        bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
      } catch (error) {
        throw new InputError(`not a readable gzip file: ${(error as Error).message}`);
      }
    }
    const decoded = decodeText(bytes, true);
    if (!decoded.ok) throw new InputError(decoded.reason);
    return { html: decoded.text };
  }

  return {
    name: 'extract',
    summary: 'print the main text of news pages (files or URLs)',
    help: `Usage: news-digest extract <file.html[.gz]|url>... [--json] [--config FILE]

Extracts the article text of each page (Readability plus the bot's cleaning rules) and prints its title
and text. URLs are fetched with the bot's safe fetcher, which refuses private and loopback addresses
unless the config allows them (feeds.allowAddresses, feeds.allowPrivateAddresses). A page that fails
is reported on stderr and the others are still printed; the exit code is then 1.

Options:
      --json          print one JSON object mapping each input to {"title", "text"}
${CONFIG_HELP}

Example: news-digest extract page.html.gz https://example.com/news/story --json
`,
    options: { ...CONFIG_FLAG, json: { type: 'boolean' } },
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    async run(context: CommandContext): Promise<number> {
      const { io } = context;
      const results: Record<string, { title: string; text: string }> = {};
      let failed = 0;
      const many = context.positionals.length > 1;
      // Made on the first URL only, with the config's address policy (feeds.allowAddresses), so a page on
      // an allowed intranet host can be extracted as the bot would.
      let fetcher: Fetcher | undefined;
      const getFetcher = (): Fetcher => (fetcher ??= deps.fetcher?.() ?? fetcherFor(loadFromContext(context).config));
      for (const input of context.positionals) {
        let article: ExtractedArticle;
        try {
          const page = await load(input, io.cwd, getFetcher);
          article = extractArticle(page.html, page.url);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          failed += 1;
          io.stderr.write(`news-digest extract: ${input}: ${error.message}\n`);
          continue;
        }
        if (article.text === '') io.stderr.write(`news-digest extract: ${input}: no article text found\n`);
        if (context.values['json'] === true) {
          results[input] = { title: article.title, text: article.text };
        } else {
          if (many) io.stdout.write(`==> ${input} <==\n`);
          io.stdout.write(`${article.title}\n\n${article.text}\n${many ? '\n' : ''}`);
        }
      }
      if (context.values['json'] === true) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      return failed === 0 ? 0 : 1;
    },
  };
}

export const extractCommand: CliCommand = createExtractCommand();
