// The bot polls a configured feed from a local server, digests its items, and /feeds shows its health.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/app/run-bot.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/ops/logger.ts';
import { ROOT } from '../helpers.ts';
import { listenLocal, type LocalHttp } from '../local-http.ts';

const item = (n: number, title: string, text: string) => `<item><title>${title}</title><link>http://example.invalid/a${n}</link>
<guid>a${n}</guid><pubDate>Fri, 14 Mar 2025 1${n}:00:00 GMT</pubDate><description>${text}</description></item>`;

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><link>http://example.invalid/</link>
${item(1, 'Volcano erupts near Grindavik', 'A volcano erupted near the Icelandic town of Grindavik on Friday, sending lava toward homes. Civil protection officials evacuated the town overnight and closed roads to the Blue Lagoon.')}
${item(2, 'Lava reaches outskirts of Grindavik', 'Lava from the eruption near Grindavik reached the outskirts of the Icelandic town on Friday. Officials said the evacuated town was protected by earth barriers built last year.')}
</channel></rss>`;

let server: LocalHttp;
let url: string;
beforeAll(async () => {
  server = await listenLocal((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(FEED);
  });
  url = `${server.origin}/feed.xml`;
});
afterAll(() => server.close());

describe('the bot with a feed source', () => {
  it('polls the feed at start, digests it and reports its health', async () => {
    const base = loadConfig({ env: { STORE_URL: 'memory:' }, cwd: ROOT });
    const loaded = {
      ...base,
      config: {
        ...base.config,
        sources: [{ type: 'feed' as const, url, name: 'Local Wire' }],
        feeds: { ...base.config.feeds, allowAddresses: ['127.0.0.1'] },
      },
    };
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const bot = await startBot({ loaded, logger: silentLogger, out, cwd: ROOT });
    try {
      expect(text).toMatch(/Grindavik/);
      expect(text).toMatch(/http:\/\/example.invalid\/a1/);
      const reply = await bot.commands.handle({
        platform: 'console', command: 'feeds', text: 'list', channelId: 'terminal', userId: 'u', isAdmin: async () => false,
      });
      expect(reply.items?.[0]).toMatch(/Local Wire .*ok, last polled \d{4}-/);
    } finally {
      await bot.stop();
    }
  });

  it('refuses a feed on a private address unless the config allows it', async () => {
    const base = loadConfig({ env: { STORE_URL: 'memory:' }, cwd: ROOT });
    const loaded = { ...base, config: { ...base.config, sources: [{ type: 'feed' as const, url }] } };
    const logs: string[] = [];
    const logger = { ...silentLogger, warn: (m: string) => void logs.push(m) };
    const bot = await startBot({ loaded, logger, out: new PassThrough(), cwd: ROOT });
    await bot.stop();
    expect(logs.join('\n')).toMatch(/feed http:\/\/127\.0\.0\.1:\d+\/feed\.xml failing: .*feeds\.allowAddresses.* \[FETCH_BLOCKED_ADDRESS\]/);
  });
});
