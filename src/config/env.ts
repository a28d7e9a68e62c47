// The environment variables the bot reads; the only place that looks at process.env (via load-config).
// Tokens and secrets are read here and passed down as values; they are never logged.
import { z } from 'zod';

const optional = z.string().min(1).optional();

export const envSchema = z.object({
  /** Overrides config store.url, e.g. sqlite://data/x.sqlite, redis://localhost:6379 or memory:. */
  STORE_URL: optional,
  /** Path of the YAML config file; config/default.yaml by default. */
  NEWS_DIGEST_CONFIG: optional,
  /** HTTP port for Slack's Events/commands endpoint (HTTP mode). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** HTTP port for GET /healthz and GET /metrics (src/ops/health-server.ts); the Dockerfile's HEALTHCHECK probes it. */
  /** Address the health server binds to: 127.0.0.1 by default, 0.0.0.0 in a container. */
  HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(9090),
  /** How much the running bot logs: debug adds stack traces and every repeated feed failure. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', { error: 'must be a bot token (xoxb-...)' }).optional(),
  SLACK_SIGNING_SECRET: optional,
  /** App-level token (xapp-...): when set, Slack runs in Socket Mode instead of HTTP mode. */
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', { error: 'must be an app-level token (xapp-...)' }).optional(),
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  DISCORD_TOKEN: optional,
  DISCORD_APP_ID: z.string().regex(/^\d{5,25}$/, { error: 'must be a numeric application id' }).optional(),
  DISCORD_API_URL: z.url().default('https://discord.com/api'),
});

export type Env = z.infer<typeof envSchema>;
