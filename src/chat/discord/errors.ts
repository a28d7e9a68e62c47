// Discord failures as typed errors with a stable code, so the outbox can decide to retry without
// reading messages. 429s never get here: discord.js queues and retries them honouring Retry-After.
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { Delivery } from '../sink.ts';
import { NewsDigestError } from '../../domain/errors.ts';

export type DiscordErrorCode =
  /** 401: the token is wrong or revoked. */
  | 'DISCORD_UNAUTHORIZED'
  /** 403: the bot lacks access or a permission in that channel (View Channel, Send Messages, ...). */
  | 'DISCORD_FORBIDDEN'
  /** 404: unknown channel or message (deleted, or the bot left the server). */
  | 'DISCORD_NOT_FOUND'
  /** Another 4xx: Discord refused the payload; sending it again will not help. */
  | 'DISCORD_REJECTED'
  /** Rate limited and the REST client was told to reject rather than wait. */
  | 'DISCORD_RATE_LIMITED'
  /** 5xx after discord.js's own retries, a timeout or a network error: worth retrying later. */
  | 'DISCORD_UNAVAILABLE';

interface ErrorContext {
  readonly channel: string;
  readonly status: number | null;
  readonly discordCode: number | null;
  readonly retryAfterMs?: number | null;
  readonly delivered?: readonly Delivery[];
}

export class DiscordDeliveryError extends NewsDigestError {
  declare readonly code: DiscordErrorCode;
  readonly channel: string;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
  /** Discord's JSON error code (50013 Missing Permissions, 10003 Unknown Channel, ...), when given. */
  readonly discordCode: number | null;
  readonly retryable: boolean;
  /** Stories posted before the failure, so a retry does not post them twice. */
  readonly delivered: readonly Delivery[];
  /** How long Discord asked to wait, for a rate limit the REST client was told not to wait out. */
  readonly retryAfterMs: number | null;
  constructor(
    code: DiscordErrorCode,
    message: string,
    context: ErrorContext,
    options?: { cause?: unknown },
  ) {
    super(code, message, { channel: context.channel, status: context.status, discordCode: context.discordCode }, options);
    this.name = 'DiscordDeliveryError';
    this.channel = context.channel;
    this.status = context.status;
    this.discordCode = context.discordCode;
    this.retryable = code === 'DISCORD_UNAVAILABLE' || code === 'DISCORD_RATE_LIMITED';
    this.delivered = context.delivered ?? [];
    this.retryAfterMs = context.retryAfterMs ?? null;
  }

  /** The same failure, remembering which stories went out before it. */
  withDelivered(delivered: readonly Delivery[]): DiscordDeliveryError {
    const context = { channel: this.channel, status: this.status, discordCode: this.discordCode, retryAfterMs: this.retryAfterMs, delivered };
    return new DiscordDeliveryError(this.code, this.message, context, { cause: this.cause });
  }
}

/** Classify whatever discord.js threw while talking to `channel`. */
export function toDiscordError(error: unknown, channel: string, action: string): DiscordDeliveryError {
  if (error instanceof DiscordDeliveryError) return error;
  if (error instanceof RateLimitError) {
    return new DiscordDeliveryError('DISCORD_RATE_LIMITED', `Discord rate limit while ${action} (retry after ${error.retryAfter} ms)`, {
      channel, status: 429, discordCode: null, retryAfterMs: error.retryAfter,
    }, { cause: error });
  }
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    const status = error.status;
    const discordCode = error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : null;
    const code: DiscordErrorCode = status === 401
      ? 'DISCORD_UNAUTHORIZED'
      : status === 403
        ? 'DISCORD_FORBIDDEN'
        : status === 404
          ? 'DISCORD_NOT_FOUND'
          : status === 429
            ? 'DISCORD_RATE_LIMITED'
            : status >= 500
              ? 'DISCORD_UNAVAILABLE'
              : 'DISCORD_REJECTED';
    return new DiscordDeliveryError(code, `Discord answered ${status} while ${action} in channel ${channel}: ${error.message}`, {
      channel, status, discordCode,
    }, { cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new DiscordDeliveryError('DISCORD_UNAVAILABLE', `could not reach Discord while ${action} in channel ${channel}: ${reason}`, {
    channel, status: null, discordCode: null,
  }, { cause: error });
}
