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
  const yaml = match[1] ?? '';
  let parsed: unknown;
  try {
    parsed = parseYaml(yaml);
  } catch (error) {
    const repaired = parseQuotingPlainValues(yaml);
    if (repaired === undefined) {
      const message = ((error as Error).message.split('\n')[0] ?? '').replace(/:\s*$/, '');
      // A colon inside a value is the usual cause of this YAML error; the hint says the fix.
      const colon = (error as { code?: unknown }).code === 'BLOCK_AS_IMPLICIT_KEY';
      const hint = colon ? ' (put a value that holds a colon in quotes, e.g. title: "NATO chief: no talks")' : '';
      return { ok: false, reason: `invalid front matter: ${message}${hint}` };
    }
    parsed = repaired;
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

/**
 * Hand-written front matter often has a colon inside a title: `title: NATO chief: membership not on the
 * table`, which YAML reads as a nested mapping and refuses. For our fields the line is unambiguous (a
 * known key at the start of a line, then the value to the end of it), so such values are quoted and the
 * block parsed again. Anything else that is wrong stays an error.
 */
function parseQuotingPlainValues(yaml: string): unknown {
  let changed = false;
  const fields = FIELDS.join('|');
  const lines = yaml.split(/\r?\n/).map((line) => {
    const field = new RegExp(`^(${fields}):[ \t]+(.*?)[ \t]*$`).exec(line);
    const value = field?.[2];
    if (field === null || value === undefined || !value.includes(': ') || /^["'[{|>&*!]/.test(value)) return line;
    changed = true;
    return `${field[1] ?? ''}: ${JSON.stringify(value)}`;
  });
  if (!changed) return undefined;
  try {
    return parseYaml(lines.join('\n'));
  } catch {
    return undefined;
  }
}
