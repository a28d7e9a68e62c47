// An article as every step after ingest sees it: plain data, already cleaned.

export interface Article {
  /** Stable id: derived from the canonical URL, or from the file path when there is none. */
  readonly id: string;
  readonly title: string;
  /** Cleaned body text; paragraphs separated by a blank line ("\n\n"). */
  readonly text: string;
  /** Outlet name, e.g. "MENAFN" or "example.com". */
  readonly source: string;
  readonly url: string | null;
  /** File the article was read from, when it came from a file source. */
  readonly path: string | null;
  /** Publication time, ISO 8601, when known. */
  readonly published: string | null;
}
