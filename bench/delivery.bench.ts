// Issue 6 benchmark: deliver one digest (the seed stories) to 1,000 Slack channels and to 1,000 Discord
// channels through stand-ins that enforce the platforms' rate limits, with the clients the bot posts with
// (Slack: its chat.postMessage poster on undici, the app's one HTTP path; Discord: discord.js REST), the
// outbox and the pacing the bot uses (Slack: from each answer, plus 5%). Reports lost and duplicated messages,
// 429s and the time against the floor the rate limits impose (targets: Slack within 1.3x, Discord within
// 1.15x; zero lost, duplicated, 429s), and the client's CPU time. The Slack baseline is the same delivery
// through bolt's own WebClient (chat.postMessage with the app's client options), on the same stand-in.
import { basename, join } from 'node:path';
import { REST } from 'discord.js';
import { deliverToChannel, type DeliverDeps } from '../src/app/deliver-channel.ts';
import { createPresenter, presentAhead } from '../src/app/presenter.ts';
import { createDiscordSink } from '../src/chat/discord/sink.ts';
import { DISCORD_GLOBAL_LIMIT, pacedSink, SLACK_CHANNEL_INTERVAL_MS, SLACK_PACE } from '../src/chat/paced-sink.ts';
import type { ChatSink } from '../src/chat/sink.ts';
import { withSendOnce } from '../src/chat/slack/app.ts';
import type { SlackMessage } from '../src/chat/slack/blocks.ts';
import { createSlackPoster, type SlackPost, type SlackPoster } from '../src/chat/slack/poster.ts';
import { createSlackSink } from '../src/chat/slack/sink.ts';
import { createSlackHttp, type SlackHttp } from '../src/chat/slack/slack-http.ts';
import { webApi } from '@slack/bolt';
import { buildDigestStory } from '../src/digest/build-digest.ts';
import type { StoryMaterial } from '../src/digest/story-material.ts';
import { readArticleFiles } from '../src/ingest/file-source.ts';
import { silentLogger } from '../src/ops/logger.ts';
import { openKeyv } from '../src/store/open-keyv.ts';
import { createOutboxRepository } from '../src/store/outbox-repository.ts';
import { createPostRepository } from '../src/store/post-repository.ts';
import { createExtractiveSummarizer } from '../src/summarize/extractive.ts';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const CHANNELS = Number(process.env.DELIVERY_BENCH_CHANNELS ?? 1000);
/** `DELIVERY_BENCH_PLATFORMS=slack` runs Slack alone, the poster and its bolt baseline (Discord's part takes about a minute). */
const PLATFORMS = new Set((process.env.DELIVERY_BENCH_PLATFORMS ?? 'slack,discord').split(',').map((p) => p.trim()));
/** `DELIVERY_BENCH_CONNECTIONS=n`: connections to the Slack stand-in (default: the bot's SLACK_HTTP_DEFAULTS). */
const CONNECTIONS = process.env.DELIVERY_BENCH_CONNECTIONS === undefined ? undefined : Number(process.env.DELIVERY_BENCH_CONNECTIONS);
const TARGET_RATIO = { slack: 1.3, discord: 1.15 } as const;
/** Stories a channel's digest takes at most (the bench's digest has three). */
const CHANNEL_SIZE = 10;
const DISCORD_GLOBAL_PER_SECOND = 50;

interface StandIn {
  readonly url: string;
  stats(): Promise<{ accepted: { channel: string; text?: string; title?: string }[]; rejected: number; cpuSeconds: number }>;
  close(): Promise<void>;
}

/** The stand-in runs in its own process, like the real platform: it does not take the client's CPU. */
async function startStandIn(kind: 'slack' | 'discord'): Promise<StandIn> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'stand-ins', 'serve.ts'), kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const { url, stats } = JSON.parse(line) as { url: string; stats: string };
  return {
    url,
    stats: async () => (await (await fetch(stats)).json()) as Awaited<ReturnType<StandIn['stats']>>,
    close: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/**
 * Three stories of one seed report each (000, 002, 004): the digest the seeds made before the learned
 * placement merged them. Built directly, not through the story engine, so what this bench measures does not
 * move when clustering does.
 */
async function seedStories(): Promise<StoryMaterial[]> {
  const { articles } = await readArticleFiles([join(import.meta.dirname, '..', 'seeds')]);
  const ingestedAt = new Date().toISOString();
  return ['000', '002', '004'].map((seed) => {
    const article = articles.find((a) => basename(a.path ?? '').startsWith(seed))!;
    return { story: { id: `s-${seed}`, articleIds: [article.id] }, articles: [{ article, rewriteOf: null, ingestedAt }] };
  });
}

async function deps(): Promise<DeliverDeps> {
  // The store the bot opens for memory: (keyv with the bot's serializer), not a bare Keyv.
  const { keyv } = await openKeyv('memory:', import.meta.dirname);
  const summarizer = createExtractiveSummarizer();
  const budget = { minSentences: 2, maxSentences: 4, maxWords: 100 };
  return {
    posts: createPostRepository(keyv),
    outbox: createOutboxRepository(keyv),
    summarizer,
    budget,
    now: () => new Date(),
    logger: silentLogger,
    retry: { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: Math.random },
    present: createPresenter((material) => buildDigestStory(material, { summarizer, budget })),
  };
}

async function run(label: string, sink: ChatSink, stories: StoryMaterial[], channelId: (i: number) => string) {
  const d = await deps();
  // What the bot does right after an intake (run-bot.ts summarizeChanged): the stories were just ingested,
  // so their summaries are made then, not when the digest slot fires.
  if (d.present !== undefined) await presentAhead(d.present, stories, CHANNEL_SIZE, d.now());
  const cpu = process.cpuUsage();
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: CHANNELS }, (_, i) => deliverToChannel({ id: `c${i}`, target: channelId(i), size: CHANNEL_SIZE }, sink, stories, d)),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // The client's own CPU: with the machine shared, wall time alone cannot tell our cost from a neighbour's.
  console.log(`${label}: client CPU ${((used.user + used.system) / 1e6).toFixed(2)} s for the run`);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const uncertain = results.reduce((sum, r) => sum + r.uncertain, 0);
  return { label, seconds, failed, uncertain };
}

function report(
  label: 'slack' | 'discord' | 'slack (bolt WebClient baseline)',
  seconds: number,
  floor: number,
  expected: number,
  accepted: { channel: string; key: string }[],
  rejected: number,
  failed: number,
  uncertain: number,
): void {
  const unique = new Set(accepted.map((a) => `${a.channel}|${a.key}`)).size;
  const lost = expected - unique;
  const duplicated = accepted.length - unique;
  const ratio = seconds / floor;
  const target = label === 'discord' ? TARGET_RATIO.discord : TARGET_RATIO.slack;
  console.log(
    `${label.padEnd(8)} ${String(expected).padStart(5)} messages to ${CHANNELS} channels in ${seconds.toFixed(2)} s; ` +
      `floor ${floor.toFixed(2)} s; ratio ${ratio.toFixed(3)} (target <= ${target}) ${ratio <= target ? 'MET' : 'NOT MET'}; ` +
      `lost ${lost}, duplicated ${duplicated}, 429s answered ${rejected} (target 0/0/0) ${lost === 0 && duplicated === 0 && rejected === 0 ? 'MET' : 'NOT MET'}; ` +
      `failed posts ${failed}, uncertain ${uncertain}`,
  );
}

export default async function deliveryBench(): Promise<void> {
  const stories = await seedStories();
  console.log(`digest of ${stories.length} stories (seeds) to ${CHANNELS} channels per platform`);
  if (PLATFORMS.has('slack')) await slackBench(stories, 'poster');
  if (PLATFORMS.has('slack')) await slackBench(stories, 'bolt');
  if (PLATFORMS.has('discord')) await discordBench(stories);
}

/**
 * The baseline: chat.postMessage through bolt's own WebClient (what every other Slack call uses), with the
 * app's client options (the same HTTP path, the send-once retry rule) and no retries of its own: the outbox
 * retries, as with the poster.
 */
function boltPoster(http: SlackHttp, apiUrl: string): SlackPoster {
  const client = new webApi.WebClient('xoxb-bench', {
    slackApiUrl: apiUrl,
    fetch: http.fetch,
    retryConfig: withSendOnce({ retries: 0 }),
    rejectRateLimitedCalls: true,
    logLevel: webApi.LogLevel.ERROR,
  });
  const asArgs = (message: SlackMessage) => ({ text: message.text, blocks: [...message.blocks] as webApi.KnownBlock[] });
  return {
    postMessage: async ({ channel, message, threadTs }) => {
      try {
        const answer = await client.chat.postMessage({ channel, ...asArgs(message), ...(threadTs === undefined ? {} : { thread_ts: threadTs }), unfurl_links: false, unfurl_media: false });
        return answer.ts ?? null;
      } catch (error) {
        // A 429 (rejectRateLimitedCalls) waits out its Retry-After in the outbox, as the poster's does.
        const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
        if (typeof retryAfter === 'number') throw Object.assign(new Error('rate limited'), { retryAfterSeconds: retryAfter, retryable: true });
        throw error;
      }
    },
    whenIdle: () => Promise.resolve(),
  };
}

async function slackBench(stories: StoryMaterial[], client: 'poster' | 'bolt'): Promise<void> {
  const perChannel = stories.length;
  const label = client === 'poster' ? 'slack' : 'slack (bolt WebClient baseline)';

  // Slack: one message per second per channel; channels are independent, so the floor is the time a
  // single channel needs for its stories: (stories - 1) seconds.
  const slack = await startStandIn('slack');
  const http = createSlackHttp(CONNECTIONS === undefined ? {} : { connections: CONNECTIONS });
  try {
    // The poster the bot's Slack app builds (createSlackApp); a 429 goes back through the outbox's retry.
    const poster = client === 'poster' ? createSlackPoster({ token: 'xoxb-bench', apiUrl: slack.url, http }) : boltPoster(http, slack.url);
    // When each channel's first post left: the last of these plus the pacing is the run's time, so it
    // tells the cost of the first wave apart from the rest.
    const firstSent = new Map<string, number>();
    const started = performance.now();
    const watched = {
      whenIdle: () => poster.whenIdle(),
      postMessage: (post: SlackPost) => {
        if (client === 'bolt' && !firstSent.has(post.channel)) firstSent.set(post.channel, performance.now() - started);
        return poster.postMessage({
          ...post,
          onSent: () => {
            post.onSent?.();
            if (!firstSent.has(post.channel)) firstSent.set(post.channel, performance.now() - started);
          },
        });
      },
    };
    const sink = pacedSink(createSlackSink({ poster: watched }), SLACK_PACE);
    const standInCpu = (await slack.stats()).cpuSeconds;
    const result = await run(label, sink, stories, (i) => `C${String(i).padStart(8, '0')}`);
    const wave = [...firstSent.values()];
    const when = client === 'poster' ? 'left' : 'were handed to the WebClient';
    console.log(`${label}: first posts of all ${wave.length} channels ${when} within ${(Math.max(...wave) / 1000).toFixed(2)} s (first ${(Math.min(...wave) / 1000).toFixed(2)} s, median ${(wave.sort((a, b) => a - b)[wave.length >> 1]! / 1000).toFixed(2)} s)`);
    const floor = ((perChannel - 1) * SLACK_CHANNEL_INTERVAL_MS) / 1000;
    const stats = await slack.stats();
    console.log(`${label}: stand-in CPU ${(stats.cpuSeconds - standInCpu).toFixed(2)} s for the run (its own process)`);
    const accepted = stats.accepted.map((a) => ({ channel: a.channel, key: a.text ?? '' }));
    report(client === 'poster' ? 'slack' : 'slack (bolt WebClient baseline)', result.seconds, floor, CHANNELS * perChannel, accepted, stats.rejected, result.failed, result.uncertain);
  } finally {
    await http.close();
    await slack.close();
  }
}

async function discordBench(stories: StoryMaterial[]): Promise<void> {
  const perChannel = stories.length;
  // Discord: 50 requests per second for the whole bot; the floor is messages / 50.
  const discord = await startStandIn('discord');
  try {
    const rest = new REST({ api: discord.url, globalRequestsPerSecond: DISCORD_GLOBAL_PER_SECOND, retries: 5 }).setToken('bench');
    const sink = pacedSink(createDiscordSink({ rest }), { global: DISCORD_GLOBAL_LIMIT });
    const result = await run('discord', sink, stories, (i) => String(100_000_000_000_000_000n + BigInt(i)));
    const floor = (CHANNELS * perChannel) / DISCORD_GLOBAL_PER_SECOND;
    const stats = await discord.stats();
    const accepted = stats.accepted.map((a) => ({ channel: a.channel, key: a.title ?? '' }));
    report('discord', result.seconds, floor, CHANNELS * perChannel, accepted, stats.rejected, result.failed, result.uncertain);
  } finally {
    await discord.close();
  }
}
