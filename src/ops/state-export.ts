// All of the bot's state (articles, posts, channels, feeds, settings, outbox: every key under the
// store's namespace) as one JSON document, so a user can move from SQLite to Redis or back. The
// export is generic over keys on purpose: a repository added later is exported without changes here.
import { z } from 'zod';
import type Keyv from 'keyv';
import { UserError } from '../domain/errors.ts';

export const EXPORT_FORMAT = 'news-digest-export';
export const EXPORT_VERSION = 1;
/** Entries written concurrently: one Redis round trip per batch instead of per key, without one huge pipeline. */
const IMPORT_BATCH = 200;

export interface ExportEntry {
  readonly key: string;
  readonly value: unknown;
}

export interface StateExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  readonly exportedAt: string;
  readonly entries: readonly ExportEntry[];
}

const entrySchema = z.strictObject({
  key: z.string().min(1, { error: 'key must not be empty' }),
  // JSON has no undefined, so a missing value means a hand-edited or truncated file.
  value: z.unknown().refine((value) => value !== undefined, { error: 'value is missing' }),
});

export const stateExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `format must be "${EXPORT_FORMAT}" (is this a news-digest export?)` }),
  version: z.literal(EXPORT_VERSION, { error: `version must be ${EXPORT_VERSION}; this news-digest reads version ${EXPORT_VERSION} only` }),
  exportedAt: z.iso.datetime({ offset: true, error: 'exportedAt must be an ISO 8601 time' }),
  entries: z
    .array(entrySchema)
    .superRefine((entries, context) => {
      const seen = new Set<string>();
      for (const [index, entry] of entries.entries()) {
        if (seen.has(entry.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: `duplicate key "${entry.key}"` });
        seen.add(entry.key);
      }
    }),
});

function iterate(keyv: Keyv): AsyncGenerator<[string, unknown]> {
  // Every backend the bot opens (SQLite, Redis, memory) can list keys; a future one that cannot must
  // say so instead of exporting nothing.
  if (keyv.iterator === undefined) throw new UserError('STORE_NOT_LISTABLE', 'this store cannot list its keys, so it cannot be exported');
  return keyv.iterator(undefined) as AsyncGenerator<[string, unknown]>;
}

/** Reads every entry in the store's namespace, sorted by key so two exports of one state are equal. */
export async function exportState(keyv: Keyv, now: Date): Promise<StateExport> {
  const entries: ExportEntry[] = [];
  for await (const [key, value] of iterate(keyv)) {
    if (value !== undefined) entries.push({ key, value });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), entries };
}

/** Parses and validates an export file's text; every problem is listed with its path. */
export function parseStateExport(text: string, source: string): StateExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError('IMPORT_INVALID', `${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = stateExportSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 20).map((issue) => {
      const path = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
      return `  - ${path}: ${issue.message}`;
    });
    const more = result.error.issues.length > 20 ? `\n  ... and ${result.error.issues.length - 20} more` : '';
    throw new UserError('IMPORT_INVALID', `${source} is not a valid news-digest export:\n${problems.join('\n')}${more}`);
  }
  return result.data as StateExport;
}

export async function countEntries(keyv: Keyv): Promise<number> {
  let count = 0;
  for await (const _entry of iterate(keyv)) count += 1;
  return count;
}

export interface ImportOptions {
  /** Clear the store's namespace first; without it, a store that already holds state is refused. */
  readonly replace: boolean;
}

/**
 * Writes the entries into the store. Merging two stores is refused rather than attempted: article
 * sequence numbers and story ids from two histories would collide and the replayed stories would
 * differ from both. Returns the number of entries written.
 */
export async function importState(keyv: Keyv, data: StateExport, options: ImportOptions, describe: string): Promise<number> {
  if (options.replace) {
    await keyv.clear();
  } else {
    const existing = await countEntries(keyv);
    if (existing > 0) {
      throw new UserError(
        'IMPORT_TARGET_NOT_EMPTY',
        `${describe} already holds ${existing} entr${existing === 1 ? 'y' : 'ies'}; importing would mix two histories. ` +
          'Run again with --replace to delete them first (export them before, if you may want them back).',
      );
    }
  }
  let failed = 0;
  for (let start = 0; start < data.entries.length; start += IMPORT_BATCH) {
    const batch = data.entries.slice(start, start + IMPORT_BATCH);
    const results = await Promise.all(batch.map((entry) => keyv.set(entry.key, entry.value)));
    failed += results.filter((ok) => !ok).length;
  }
  // keyv reports some backend failures as `false` rather than throwing; a partial import must not pass.
  if (failed > 0) throw new UserError('IMPORT_FAILED', `${failed} of ${data.entries.length} entries could not be written to ${describe}`);
  return data.entries.length;
}
