// Typed fetch failures: the poller decides on backoff or disabling from `code` and `status`, never from text.
import { NewsDigestError } from '../../domain/errors.ts';

export type FetchErrorCode =
  | 'FETCH_BAD_URL'
  | 'FETCH_BAD_SCHEME'
  | 'FETCH_BLOCKED_ADDRESS'
  | 'FETCH_CONNECT_TIMEOUT'
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_TOO_MANY_REDIRECTS'
  | 'FETCH_REDIRECT_LOOP'
  | 'FETCH_HTTP_STATUS'
  | 'FETCH_NETWORK';

export interface FetchErrorDetails {
  readonly url: string;
  readonly status?: number;
  /** Server-requested wait (Retry-After), already converted to milliseconds. */
  readonly retryAfterMs?: number;
}

export class FetchError extends NewsDigestError {
  declare readonly code: FetchErrorCode;
  readonly url: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  constructor(code: FetchErrorCode, message: string, details: FetchErrorDetails, options?: { cause?: unknown }) {
    super(code, message, { ...details }, options);
    this.name = 'FetchError';
    this.url = details.url;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError;
}

/**
 * The refusal of a reserved address, with how an operator allows it: a feed on an intranet or on this
 * machine is a normal set-up, and the config keys that allow it are otherwise found only in the schema.
 */
export function blockedAddressError(what: string, url: string): FetchError {
  return new FetchError(
    'FETCH_BLOCKED_ADDRESS',
    `${what} is a private, loopback or other reserved address, which feeds may not use unless allowed: ` +
      'add it to feeds.allowAddresses in the config (an address or CIDR range), or set feeds.allowPrivateAddresses: true',
    { url },
  );
}
