// `news-digest export [--out FILE]`: every key in the configured store as one JSON document.
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../domain/errors.ts';
import { exportState } from '../ops/state-export.ts';
import { openKeyv } from '../store/open-keyv.ts';
import { stringFlag, type CliCommand } from './command.ts';
import { CONFIG_FLAG, CONFIG_HELP, loadFromContext } from './shared-flags.ts';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write all state (articles, posts, channels, feeds, settings) as JSON',
  help: `Usage: news-digest export [--out FILE] [--config FILE]

Writes every entry of the configured store (STORE_URL or store.url in the config) as one JSON
document: {"format": "news-digest-export", "version": 1, "exportedAt": ..., "entries": [{key, value}]}.
Use it for backups and to move between stores with 'news-digest import'. Stop the bot first, or
the export may miss what it writes meanwhile.

Options:
  -o, --out FILE      write to FILE instead of standard output
${CONFIG_HELP}

Example: news-digest export --out backup.json
         STORE_URL=redis://localhost:6379 news-digest import backup.json
`,
  options: { ...CONFIG_FLAG, out: { type: 'string', short: 'o' } },
  positionals: { min: 0, max: 0 },
  async run(context) {
    const loaded = loadFromContext(context);
    const out = stringFlag(context.values, 'out');
    // Checked before the store is read: a long export should not end in "no such folder".
    if (out !== undefined) checkOutFolder(resolve(context.io.cwd, out));
    const store = await openKeyv(loaded.config.store.url, loaded.baseDir);
    let text: string;
    let count: number;
    try {
      const data = await exportState(store.keyv, new Date());
      text = `${JSON.stringify(data, null, 2)}\n`;
      count = data.entries.length;
    } finally {
      await store.close();
    }
    if (out === undefined) {
      context.io.stdout.write(text);
      context.io.stderr.write(`exported ${count} entries from ${store.describe}\n`);
      return 0;
    }
    const file = resolve(context.io.cwd, out);
    // Write beside, then rename: an interrupted export never leaves a truncated backup under the real name.
    const partial = `${file}.partial`;
    try {
      writeFileSync(partial, text, 'utf8');
      renameSync(partial, file);
    } catch (error) {
      rmSync(partial, { force: true });
      throw new UserError('EXPORT_UNWRITABLE', `cannot write ${file}: ${fsReason(error)}`, { file }, { cause: error });
    }
    context.io.stdout.write(`exported ${count} entries from ${store.describe} to ${file}\n`);
    return 0;
  },
};

function checkOutFolder(file: string): void {
  const folder = dirname(file);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UserError('EXPORT_UNWRITABLE', `cannot write ${file}: ${missing ? `the folder ${folder} does not exist (create it first)` : fsReason(error)}`, { file });
  }
  if (!isFolder) throw new UserError('EXPORT_UNWRITABLE', `cannot write ${file}: ${folder} is not a folder`, { file });
}

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EROFS') return 'the file system is read-only';
  return error instanceof Error ? error.message : String(error);
}
