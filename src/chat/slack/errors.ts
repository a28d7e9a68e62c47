// Typed Slack delivery failures, so the outbox decides on retry from `code`/`retryable`, never message text.
import { NewsDigestError } from '../../domain/errors.ts';
import type { Delivery } from '../sink.ts';

export type SlackErrorCode =
  /** Slack answered with an HTTP error status (5xx is transient). */
  | 'slack_http_error'
  /** The request never left: DNS, refused connection, TLS handshake, connect timeout. Safe to send again. */
  | 'slack_network_error'
  /**
   * The request left and no complete answer came (reset, timeout, cut-off answer): Slack may have posted it.
   * chat.postMessage has no idempotency key, so it is not sent again; the outbox records it as uncertain.
   */
  | 'slack_outcome_unknown'
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
  /** The message may have been posted (see slack_outcome_unknown); never true together with `retryable`. */
  readonly uncertain: boolean;
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
  readonly uncertain: boolean;
  readonly retryAfterSeconds: number | null;
  readonly delivered: readonly Delivery[];

  constructor(code: SlackErrorCode, message: string, details: SlackDeliveryContext, options?: { cause?: unknown }) {
    super(code, message, { ...details, delivered: details.delivered.length }, options);
    this.name = 'SlackDeliveryError';
    this.channel = details.channel;
    this.status = details.status;
    this.slackError = details.slackError;
    this.retryable = details.retryable;
    this.uncertain = details.uncertain;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.delivered = details.delivered;
  }

  /** The same failure, noting which stories of the digest had been posted before it. */
  withDelivered(delivered: readonly Delivery[]): SlackDeliveryError {
    return new SlackDeliveryError(this.code, this.message, { ...this.details(), delivered }, { cause: this.cause });
  }

  private details(): SlackDeliveryContext {
    const { channel, status, slackError, retryable, uncertain, retryAfterSeconds, delivered } = this;
    return { channel, status, slackError, retryable, uncertain, retryAfterSeconds, delivered };
  }
}

const NONE = { delivered: [] as Delivery[], retryAfterSeconds: null, slackError: null, uncertain: false };

/** Slack answered 429: the post did not go out; try again after `retryAfterSeconds`. */
export function slackRateLimited(channel: string, retryAfterSeconds: number): SlackDeliveryError {
  const details = { ...NONE, channel, status: 429, retryable: true, retryAfterSeconds };
  return new SlackDeliveryError('slack_rate_limited', `Slack rate limited posts to ${channel}`, details);
}

/** An HTTP status other than 200 and 429: 5xx and 408 are transient. */
export function slackHttpError(channel: string, status: number, cause?: unknown): SlackDeliveryError {
  const details = { ...NONE, channel, status, retryable: status >= 500 || status === 408 };
  return new SlackDeliveryError('slack_http_error', `Slack answered HTTP ${status} for ${channel}`, details, cause === undefined ? {} : { cause });
}

/** The request never left (refused, DNS, TLS handshake). The error carries the socket's reason, not the request. */
export function slackNetworkError(channel: string, cause: unknown): SlackDeliveryError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const details = { ...NONE, channel, status: null, retryable: true };
  return new SlackDeliveryError('slack_network_error', `Could not reach Slack for ${channel}: ${detail}`, details, { cause });
}

/**
 * The request left and no readable answer came back (connection dropped, answer timed out or cut off, a 200
 * that is not Slack's JSON): the message may be in the channel. Not retryable: a second post could double it.
 */
export function slackOutcomeUnknown(channel: string, status: number | null, cause: unknown): SlackDeliveryError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const details = { ...NONE, channel, status, retryable: false, uncertain: true };
  return new SlackDeliveryError('slack_outcome_unknown', `Slack may or may not have posted to ${channel}: ${detail}`, details, { cause });
}

/** Slack answered `ok: false` with `slackError` (channel_not_found, invalid_blocks, ...). */
export function slackApiError(channel: string, slackError: string): SlackDeliveryError {
  const details = { ...NONE, channel, status: 200, slackError, retryable: TRANSIENT_API_ERRORS.has(slackError) };
  return new SlackDeliveryError('slack_api_error', `Slack refused the post to ${channel}: ${slackError}`, details);
}
