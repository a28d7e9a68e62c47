// Typed errors with a stable code and the context needed to act (ARCHITECTURE.md rule 4).

export class NewsDigestError extends Error {
  readonly code: string;
  readonly context: Readonly<Record<string, unknown>>;
  constructor(code: string, message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NewsDigestError';
    this.code = code;
    this.context = context;
  }
}

/** A problem the user can fix (bad flag, bad config, unreadable file): shown without a stack trace. */
export class UserError extends NewsDigestError {
  constructor(code: string, message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(code, message, context, options);
    this.name = 'UserError';
  }
}
