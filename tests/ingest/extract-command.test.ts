// `news-digest extract` run directly with a captured CliIo and a fake fetcher: no network, no dispatcher.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractCommand } from '../../src/cli/extract-command.ts';
import { FetchError } from '../../src/ingest/fetch/errors.ts';
import type { Fetcher } from '../../src/ingest/fetch/safe-fetch.ts';
import { captureIo, tempDir } from '../helpers.ts';

const BODY = 'The river rose two metres overnight and forced the evacuation of three villages in the valley. '.repeat(4).trim();
const HTML = `<html><head><title>Floods hit valley | Daily</title></head><body><article><p>${BODY}</p></article></body></html>`;

const fakeFetcher: Fetcher = {
  async fetch({ url }) {
    if (url.includes('blocked')) throw new FetchError('FETCH_BLOCKED_ADDRESS', '127.0.0.1 is a disallowed address', { url });
    return { kind: 'ok', url, status: 200, contentType: 'text/html; charset=utf-8', body: new TextEncoder().encode(HTML), etag: null, lastModified: null };
  },
};

const dir = tempDir('extract-command-');
beforeAll(() => {
  writeFileSync(join(dir.path, 'page.html'), HTML);
  writeFileSync(join(dir.path, 'page.html.gz'), gzipSync(HTML));
  writeFileSync(join(dir.path, 'notes.txt'), 'not html');
});
afterAll(() => dir.remove());

const run = async (positionals: string[], values: Record<string, boolean> = {}) => {
  const io = captureIo({ cwd: dir.path });
  const code = await createExtractCommand({ fetcher: () => fakeFetcher }).run({ values, positionals, io });
  return { code, out: io.out(), err: io.err() };
};

describe('extract command', () => {
  it('prints title and text of an .html file', async () => {
    const { code, out } = await run(['page.html']);
    expect(code).toBe(0);
    expect(out).toBe(`Floods hit valley\n\n${BODY}\n`);
  });

  it('maps each input to {title, text} with --json, for gzip files and URLs alike', async () => {
    const { code, out } = await run(['page.html.gz', 'https://news.example/floods'], { json: true });
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as Record<string, { title: string; text: string }>;
    expect(Object.keys(parsed)).toEqual(['page.html.gz', 'https://news.example/floods']);
    expect(parsed['https://news.example/floods']).toEqual({ title: 'Floods hit valley', text: BODY });
  });

  it('reports bad inputs on stderr, prints the good ones, and exits 1', async () => {
    const { code, out, err } = await run(['missing.html', 'notes.txt', 'https://blocked.example/', 'page.html']);
    expect(code).toBe(1);
    expect(out).toContain('==> page.html <==');
    expect(err).toContain('missing.html: no such file');
    expect(err).toContain('notes.txt: expected an .html or .html.gz file or an http(s) URL');
    expect(err).toContain('https://blocked.example/: cannot fetch: 127.0.0.1 is a disallowed address');
  });
});
