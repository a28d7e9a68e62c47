// Issue 6 benchmark: deliver one digest (the seed stories) to 1,000 Slack channels and to 1,000 Discord
// channels through stand-ins that enforce the platforms' rate limits, with the clients the bot posts with
// (Slack: its chat.postMessage poster; Discord: discord.js REST), the outbox and the pacing the bot uses.
// Reports lost and duplicated messages and the time against the floor the rate limits impose (target:
// within 1.15x, zero lost, zero duplicated), and the client's CPU time.
import { basename, join } from 'node:path';
import { REST } from 'discord.js';
import { deliverToChannel, type DeliverDeps } from '../src/app/deliver-channel.ts';
import { createPresenter, presentAhead } from '../src/app/presenter.ts';
import { createDiscordSink } from '../src/chat/discord/sink.ts';
import { DISCORD_GLOBAL_LIMIT, pacedSink, SLACK_CHANNEL_INTERVAL_MS, SLACK_PACE } from '../src/chat/paced-sink.ts';
import type { ChatSink } from '../src/chat/sink.ts';
import { createSlackPoster, type SlackPost } from '../src/chat/slack/poster.ts';
import { createSlackSink } from '../src/chat/slack/sink.ts';
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
/** `DELIVERY_BENCH_PLATFORMS=slack` runs Slack alone (Discord's part takes about a minute). */
const PLATFORMS = new Set((process.env.DELIVERY_BENCH_PLATFORMS ?? 'slack,discord').split(',').map((p) => p.trim()));
const TARGET_RATIO = 1.15;
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
  return { label, seconds, failed };
}

function report(
  label: string,
  seconds: number,
  floor: number,
  expected: number,
  accepted: { channel: string; key: string }[],
  rejected: number,
  failed: number,
): void {
  const unique = new Set(accepted.map((a) => `${a.channel}|${a.key}`)).size;
  const lost = expected - unique;
  const duplicated = accepted.length - unique;
  const ratio = seconds / floor;
  console.log(
    `${label.padEnd(8)} ${String(expected).padStart(5)} messages to ${CHANNELS} channels in ${seconds.toFixed(2)} s; ` +
      `floor ${floor.toFixed(2)} s; ratio ${ratio.toFixed(3)} (target <= ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'MET' : 'NOT MET'}; ` +
      `lost ${lost}, duplicated ${duplicated} (target 0/0) ${lost === 0 && duplicated === 0 ? 'MET' : 'NOT MET'}; ` +
      `429s answered ${rejected}, failed posts ${failed}`,
  );
}

export default async function deliveryBench(): Promise<void> {
  const stories = await seedStories();
  console.log(`digest of ${stories.length} stories (seeds) to ${CHANNELS} channels per platform`);
  if (PLATFORMS.has('slack')) await slackBench(stories);
  if (PLATFORMS.has('discord')) await discordBench(stories);
}

async function slackBench(stories: StoryMaterial[]): Promise<void> {
  const perChannel = stories.length;

  // Slack: one message per second per channel; channels are independent, so the floor is the time a
  // single channel needs for its stories: (stories - 1) seconds.
  const slack = await startStandIn('slack');
  try {
    // The poster the bot's Slack app builds (createSlackApp); a 429 goes back through the outbox's retry.
    const poster = createSlackPoster({ token: 'xoxb-bench', apiUrl: slack.url });
    // When each channel's first post left: the last of these plus the pacing is the run's time, so it
    // tells the cost of the first wave apart from the rest.
    const firstSent = new Map<string, number>();
    const started = performance.now();
    const watched = {
      whenIdle: () => poster.whenIdle(),
      postMessage: (post: SlackPost) =>
        poster.postMessage({
          ...post,
          onSent: () => {
            post.onSent?.();
            if (!firstSent.has(post.channel)) firstSent.set(post.channel, performance.now() - started);
          },
        }),
    };
    const sink = pacedSink(createSlackSink({ poster: watched }), SLACK_PACE);
    const standInCpu = (await slack.stats()).cpuSeconds;
    const result = await run('slack', sink, stories, (i) => `C${String(i).padStart(8, '0')}`);
    const wave = [...firstSent.values()];
    console.log(`slack: first posts of all ${wave.length} channels left within ${(Math.max(...wave) / 1000).toFixed(2)} s (first ${(Math.min(...wave) / 1000).toFixed(2)} s, median ${(wave.sort((a, b) => a - b)[wave.length >> 1]! / 1000).toFixed(2)} s)`);
    poster.close();
    const floor = ((perChannel - 1) * SLACK_CHANNEL_INTERVAL_MS) / 1000;
    const stats = await slack.stats();
    console.log(`slack: stand-in CPU ${(stats.cpuSeconds - standInCpu).toFixed(2)} s for the run (its own process)`);
    const accepted = stats.accepted.map((a) => ({ channel: a.channel, key: a.text ?? '' }));
    report('slack', result.seconds, floor, CHANNELS * perChannel, accepted, stats.rejected, result.failed);
  } finally {
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
    report('discord', result.seconds, floor, CHANNELS * perChannel, accepted, stats.rejected, result.failed);
  } finally {
    await discord.close();
  }
}
