// Typed Slack delivery failures, so the outbox decides on retry from `code`/`retryable`, never message text.
import { NewsDigestError } from '../../domain/errors.ts';
import type { Delivery } from '../sink.ts';

export type SlackErrorCode =
  /** Slack answered with an HTTP error status (5xx is transient). */
  | 'slack_http_error'
  /** No HTTP answer at all: DNS, refused connection, reset, timeout. */
  | 'slack_network_error'
  /** Slack answered 429; the outbox waits out Retry-After and posts again through the pacer. */
  | 'slack_rate_limited'
  /** Slack answered `ok: false` (channel_not_found, not_in_channel, invalid_blocks, ...). */
  | 'slack_api_error';

/** `ok: false` errors that Slack documents as temporary on its side. */
const TRANSIENT_API_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

export interface SlackDeliveryContext {
  readonly channel: string;
  /** HTTP status when Slack answered (200 for `ok: false`), null for network errors. */
  readonly status: number | null;
  /** Slack's error string for `ok: false` answers, e.g. "channel_not_found". */
  readonly slackError: string | null;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | null;
  /** Stories of a digest posted before the failure: record them so a retry does not post them twice. */
  readonly delivered: readonly Delivery[];
}

export class SlackDeliveryError extends NewsDigestError {
  declare readonly code: SlackErrorCode;
  readonly channel: string;
  readonly status: number | null;
  readonly slackError: string | null;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | null;
  readonly delivered: readonly Delivery[];

  constructor(code: SlackErrorCode, message: string, details: SlackDeliveryContext, options?: { cause?: unknown }) {
    super(code, message, { ...details, delivered: details.delivered.length }, options);
    this.name = 'SlackDeliveryError';
    this.channel = details.channel;
    this.status = details.status;
    this.slackError = details.slackError;
    this.retryable = details.retryable;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.delivered = details.delivered;
  }

  /** The same failure, noting which stories of the digest had been posted before it. */
  withDelivered(delivered: readonly Delivery[]): SlackDeliveryError {
    return new SlackDeliveryError(this.code, this.message, { ...this.details(), delivered }, { cause: this.cause });
  }

  private details(): SlackDeliveryContext {
    const { channel, status, slackError, retryable, retryAfterSeconds, delivered } = this;
    return { channel, status, slackError, retryable, retryAfterSeconds, delivered };
  }
}

const NONE = { delivered: [] as Delivery[], retryAfterSeconds: null, slackError: null };

/** Slack answered 429: the post did not go out; try again after `retryAfterSeconds`. */
export function slackRateLimited(channel: string, retryAfterSeconds: number): SlackDeliveryError {
  const details = { ...NONE, channel, status: 429, retryable: true, retryAfterSeconds };
  return new SlackDeliveryError('slack_rate_limited', `Slack rate limited posts to ${channel}`, details);
}

/** An HTTP status other than 200 and 429 (or a 200 whose body is not JSON): 5xx and 408 are transient. */
export function slackHttpError(channel: string, status: number, cause?: unknown): SlackDeliveryError {
  const details = { ...NONE, channel, status, retryable: status >= 500 || status === 408 };
  return new SlackDeliveryError('slack_http_error', `Slack answered HTTP ${status} for ${channel}`, details, cause === undefined ? {} : { cause });
}

/** No HTTP answer at all: refused, reset, DNS, timeout. The error carries the socket's reason, not the request. */
export function slackNetworkError(channel: string, cause: unknown): SlackDeliveryError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const details = { ...NONE, channel, status: null, retryable: true };
  return new SlackDeliveryError('slack_network_error', `Could not reach Slack for ${channel}: ${detail}`, details, { cause });
}

/** Slack answered `ok: false` with `slackError` (channel_not_found, invalid_blocks, ...). */
export function slackApiError(channel: string, slackError: string): SlackDeliveryError {
  const details = { ...NONE, channel, status: 200, slackError, retryable: TRANSIENT_API_ERRORS.has(slackError) };
  return new SlackDeliveryError('slack_api_error', `Slack refused the post to ${channel}: ${slackError}`, details);
}
