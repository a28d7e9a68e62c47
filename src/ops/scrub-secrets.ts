// Token scrubbing for anything the bot writes to its logs. Redact paths (pino-logger.ts) only catch
// secrets under known field names; a token can also hide in an error message, a stack, an HTTP error's
// request dump or a URL, so every finished log line is also scrubbed by shape and by literal value.

export const REDACTED = '[redacted]';

/**
 * Token shapes worth hiding even when nobody told us the value:
 * - Slack tokens: bot/user/app-config (xoxb-, xoxp-, xoxa-, xoxr-, xoxe-...) and app-level (xapp-);
 * - Discord bot tokens and JWT-like values: three dot-separated base64url parts (the first is the
 *   base64 bot id, 20+ chars; the last an HMAC, 20+ chars), long enough that paths and host names
 *   never match;
 * - HTTP `Bearer ...` credentials, whatever the token looks like.
 */
const TOKEN_PATTERNS: readonly { readonly pattern: RegExp; readonly replacement: string }[] = [
  { pattern: /xox[a-z]-[A-Za-z0-9-]+/g, replacement: REDACTED },
  { pattern: /xapp-[A-Za-z0-9-]+/g, replacement: REDACTED },
  { pattern: /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{20,}/g, replacement: REDACTED },
  { pattern: /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, replacement: `Bearer ${REDACTED}` },
];

/**
 * Secrets shorter than this are not scrubbed by value: replacing every "abc" in every line would make
 * logs unreadable, and real tokens and signing secrets are far longer.
 */
export const MIN_SECRET_LENGTH = 6;

export type Scrubber = (text: string) => string;

/**
 * Builds a scrubber for the given literal secrets plus the known token shapes. Each secret is matched
 * both as-is and in its JSON-escaped form, because log lines are JSON by the time they are scrubbed.
 */
export function createScrubber(secrets: readonly (string | undefined)[] = []): Scrubber {
  const literals = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) continue;
    literals.add(secret);
    literals.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a secret that contains another secret is replaced whole.
  const ordered = [...literals].sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const literal of ordered) result = result.split(literal).join(REDACTED);
    for (const { pattern, replacement } of TOKEN_PATTERNS) result = result.replace(pattern, replacement);
    return result;
  };
}

/**
 * The password of a store URL such as redis://:secret@host:6379, which is a secret like any token:
 * both as written (percent-encoded, as it appears inside a logged URL) and decoded.
 */
export function urlPasswords(url: string | undefined): string[] {
  if (url === undefined) return [];
  let raw: string;
  try {
    raw = new URL(url).password;
  } catch {
    // Not a URL (memory:, a bare sqlite path): it has no password to protect.
    return [];
  }
  if (raw === '') return [];
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A stray "%" that is not an escape: the raw form is the only form there is.
    decoded = raw;
  }
  return decoded === raw ? [raw] : [raw, decoded];
}

/** The secrets in the bot's environment, for createScrubber / createPinoLogger({ secrets }). */
export function secretsFromEnv(env: {
  readonly SLACK_BOT_TOKEN?: string | undefined;
  readonly SLACK_SIGNING_SECRET?: string | undefined;
  readonly SLACK_APP_TOKEN?: string | undefined;
  readonly DISCORD_TOKEN?: string | undefined;
  readonly STORE_URL?: string | undefined;
}): string[] {
  const tokens = [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_APP_TOKEN, env.DISCORD_TOKEN];
  return [...tokens, ...urlPasswords(env.STORE_URL)].filter((value): value is string => value !== undefined && value !== '');
}
