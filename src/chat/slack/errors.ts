// Typed Slack delivery failures, so the outbox decides on retry from `code`/`retryable`, never message text.
import { webApi } from '@slack/bolt';
import { NewsDigestError } from '../../domain/errors.ts';
import type { Delivery } from '../sink.ts';

export type SlackErrorCode =
  /** Slack answered with an HTTP error status (5xx is transient). */
  | 'slack_http_error'
  /** No HTTP answer at all: DNS, refused connection, reset, timeout. */
  | 'slack_network_error'
  /** Rate limited and the client was told not to wait (rejectRateLimitedCalls). */
  | 'slack_rate_limited'
  /** Slack answered `ok: false` (channel_not_found, not_in_channel, invalid_blocks, ...). */
  | 'slack_api_error'
  | 'slack_unknown_error';

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

/** Map whatever @slack/web-api threw into a SlackDeliveryError for `channel`. */
export function toSlackDeliveryError(error: unknown, channel: string): SlackDeliveryError {
  if (error instanceof SlackDeliveryError) return error;
  const base = { channel, delivered: [] as Delivery[], retryAfterSeconds: null, slackError: null };
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const cause = { cause: error };
  if (code === webApi.ErrorCode.HTTPError) {
    const status = (error as webApi.WebAPIHTTPError).statusCode;
    const retryable = status >= 500 || status === 408;
    return new SlackDeliveryError('slack_http_error', `Slack answered HTTP ${status} for ${channel}`, { ...base, status, retryable }, cause);
  }
  if (code === webApi.ErrorCode.RequestError) {
    const detail = (error as webApi.WebAPIRequestError).original.message;
    return new SlackDeliveryError('slack_network_error', `Could not reach Slack for ${channel}: ${detail}`, { ...base, status: null, retryable: true }, cause);
  }
  if (code === webApi.ErrorCode.RateLimitedError) {
    const retryAfterSeconds = (error as webApi.WebAPIRateLimitedError).retryAfter;
    const details = { ...base, status: 429, retryable: true, retryAfterSeconds };
    return new SlackDeliveryError('slack_rate_limited', `Slack rate limited posts to ${channel}`, details, cause);
  }
  if (code === webApi.ErrorCode.PlatformError) {
    const slackError = String((error as webApi.WebAPIPlatformError).data.error);
    const details = { ...base, status: 200, slackError, retryable: TRANSIENT_API_ERRORS.has(slackError) };
    return new SlackDeliveryError('slack_api_error', `Slack refused the post to ${channel}: ${slackError}`, details, cause);
  }
  const detail = error instanceof Error ? error.message : String(error);
  // Retryable: when the client's own 429 retries run out it rethrows a plain Error with no code, and that is
  // the likeliest uncoded failure here. The outbox caps attempts, so a real bug still stops and is logged.
  return new SlackDeliveryError('slack_unknown_error', `Posting to ${channel} failed: ${detail}`, { ...base, status: null, retryable: true }, cause);
}
