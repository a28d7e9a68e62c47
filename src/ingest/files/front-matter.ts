// Optional YAML front matter ("---" lines around YAML at the very top of a .txt or .md file). Its title,
// url, source and published override what the file source infers from the text.
import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  readonly title?: string;
  readonly url?: string;
  readonly source?: string;
  /** As written; the file source turns it into ISO 8601. */
  readonly published?: string;
}

export type FrontMatterResult =
  | { readonly ok: true; readonly data: FrontMatter; readonly body: string }
  | { readonly ok: false; readonly reason: string };

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FIELDS = ['title', 'url', 'source', 'published'] as const;

export function splitFrontMatter(text: string): FrontMatterResult {
  const match = FENCE.exec(text);
  if (match === null) return { ok: true, data: {}, body: text };
  let parsed: unknown;
  try {
    parsed = parseYaml(match[1] ?? '');
  } catch (error) {
    return { ok: false, reason: `invalid front matter: ${(error as Error).message.split('\n')[0] ?? ''}` };
  }
  if (parsed === null || parsed === undefined) return { ok: true, data: {}, body: text.slice(match[0].length) };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, reason: 'invalid front matter: not a mapping' };
  const record = parsed as Record<string, unknown>;
  const data: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    // YAML 1.1 timestamps arrive as Date objects; numbers (a year) are kept as written.
    if (value instanceof Date) data[field] = value.toISOString();
    else if (typeof value === 'string' || typeof value === 'number') data[field] = String(value).trim();
    else return { ok: false, reason: `invalid front matter: "${field}" must be text` };
  }
  return { ok: true, data, body: text.slice(match[0].length) };
}
