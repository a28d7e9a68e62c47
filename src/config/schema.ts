// The shape of config/*.yaml, validated once at start-up (ARCHITECTURE.md rule 3).
import cron from 'node-cron';
import { z } from 'zod';
import { isTimeZone } from '../schedule/time-zone.ts';

const fileSource = z.strictObject({
  type: z.literal('files'),
  path: z.string().min(1),
});

const feedSource = z.strictObject({
  type: z.literal('feed'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  name: z.string().min(1).optional(),
});

export const scheduleSchema = z.strictObject({
  cron: z.string().refine((expr) => cron.validate(expr), { error: 'is not a valid cron expression' }),
  timezone: z.string().refine(isTimeZone, { error: 'is not an IANA time zone (e.g. Europe/Berlin)' }),
});

const channel = z.strictObject({
  id: z.string().regex(/^[\w.-]+$/, { error: 'may use letters, digits, ".", "_" and "-" only' }),
  platform: z.enum(['console', 'slack', 'discord']),
  /** Platform channel id (Slack C0123..., Discord snowflake); not needed for the console. */
  target: z.string().min(1).optional(),
  schedule: scheduleSchema,
  size: z.int().min(1).max(50).default(10),
});

/** Optional LLM summaries: any OpenAI-compatible /chat/completions endpoint; extractive on any failure. */
const llm = z.strictObject({
  /** API root that /chat/completions is appended to, e.g. https://api.openai.com/v1. */
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  model: z.string().min(1),
  /** Name of the environment variable holding the API key (the key itself never goes in a file). */
  apiKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'must be an environment variable name' }).optional(),
  timeoutMs: z.int().min(500).max(120_000).default(8_000),
  /** false for servers that refuse response_format json_object. */
  jsonMode: z.boolean().default(true),
});

const summary = z
  .strictObject({
    minSentences: z.int().min(1).max(10).default(2),
    maxSentences: z.int().min(1).max(10).default(4),
    maxWords: z.int().min(20).max(1000).default(100),
    llm: llm.optional(),
  })
  .refine((s) => s.minSentences <= s.maxSentences, { error: 'minSentences must not exceed maxSentences' });

const storeUrl = z.string().regex(/^(sqlite|redis|rediss|memory):/, {
  error: 'must start with sqlite:, redis:, rediss: or memory:',
});

const feeds = z.strictObject({
  /** Each feed is polled about this often; polls are spread over the interval by a hash of the URL. */
  pollIntervalMinutes: z.number().min(1).max(24 * 60).default(15),
  /** Items with fewer words than this are teasers: their article page is fetched for the full text. */
  teaserWords: z.int().min(0).max(10_000).default(60),
  /** Feeds on private, loopback or link-local addresses are refused unless allowed here (an intranet). */
  allowPrivateAddresses: z.boolean().default(false),
  /** Single addresses or CIDR ranges allowed despite that rule, e.g. ["10.1.2.3", "192.168.7.0/24"]. */
  allowAddresses: z.array(z.string().min(1)).default([]),
});

const retention = z
  .strictObject({
    /** Days a story stays active after its newest article: in memory, joinable, a digest candidate. 0 = forever. */
    activeDays: z.number().min(0).max(3650).default(3),
    /** Days an article stays in the store (the archive), then it is deleted with its posts. 0 = forever. */
    keepDays: z.number().min(0).max(36_500).default(90),
  })
  .refine((r) => r.keepDays === 0 || (r.activeDays > 0 && r.keepDays >= r.activeDays), {
    error: 'keepDays must be 0 (keep forever) or at least activeDays (and activeDays more than 0)',
  });

const admins = z.strictObject({
  /** Slack user ids (U0123...) allowed to change feeds and settings besides workspace admins and owners. */
  slack: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, { error: 'must be a Slack user id such as U0123ABCD' })).default([]),
  /** Discord user ids allowed besides members with Manage Server. */
  discord: z.array(z.string().regex(/^\d{5,25}$/, { error: 'must be a Discord user id (digits)' })).default([]),
});

export const configSchema = z.strictObject({
  sources: z.array(z.discriminatedUnion('type', [fileSource, feedSource])).default([]),
  channels: z
    .array(channel)
    .min(1, { error: 'needs at least one channel' })
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, { error: 'channel ids must be unique' }),
  summary: summary.default({ minSentences: 2, maxSentences: 4, maxWords: 100 }),
  store: z.strictObject({ url: storeUrl }).default({ url: 'sqlite://data/news-digest.sqlite' }),
  admins: admins.default({ slack: [], discord: [] }),
  feeds: feeds.default({ pollIntervalMinutes: 15, teaserWords: 60, allowPrivateAddresses: false, allowAddresses: [] }),
  retention: retention.default({ activeDays: 3, keepDays: 90 }),
});

export type Config = z.infer<typeof configSchema>;
export type ChannelConfig = Config['channels'][number];
export type SourceConfig = Config['sources'][number];
