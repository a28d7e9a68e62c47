// The environment variables the bot reads; the only place that looks at process.env (via load-config).
import { z } from 'zod';

export const envSchema = z.object({
  /** Overrides config store.url, e.g. sqlite://data/x.sqlite, redis://localhost:6379 or memory:. */
  STORE_URL: z.string().min(1).optional(),
  /** Path of the YAML config file; config/default.yaml by default. */
  NEWS_DIGEST_CONFIG: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;
