// `news-digest import <file> [--replace]`: load an export into the configured store, e.g. a SQLite
// export into Redis (STORE_URL=redis://...).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../domain/errors.ts';
import { importState, parseStateExport } from '../ops/state-export.ts';
import { openKeyv } from '../store/open-keyv.ts';
import { readAll, type CliCommand } from './command.ts';
import { CONFIG_FLAG, CONFIG_HELP, loadFromContext } from './shared-flags.ts';

export const importCommand: CliCommand = {
  name: 'import',
  summary: "load state written by 'news-digest export' into the configured store",
  help: `Usage: news-digest import <file> [--replace] [--config FILE]

Checks the file, then writes its entries into the configured store (STORE_URL or store.url in the
config; '-' reads standard input). A store that already holds state is refused, because mixing two
histories would renumber stories; --replace deletes the store's entries first. Stop the bot first.

Options:
      --replace       delete everything in the target store before importing
${CONFIG_HELP}

Example: news-digest export --out backup.json
         STORE_URL=redis://localhost:6379 news-digest import backup.json
`,
  options: { ...CONFIG_FLAG, replace: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const loaded = loadFromContext(context);
    const source = context.positionals[0] ?? '-';
    const text = source === '-' ? await readAll(context.io.stdin) : readFile(resolve(context.io.cwd, source));
    // Validate before opening the store: a bad file must not clear anything under --replace.
    const data = parseStateExport(text, source === '-' ? 'standard input' : source);
    const store = await openKeyv(loaded.config.store.url, loaded.baseDir);
    try {
      const written = await importState(store.keyv, data, { replace: context.values.replace === true }, store.describe);
      context.io.stdout.write(`imported ${written} entries into ${store.describe} (exported ${data.exportedAt})\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new UserError('IMPORT_UNREADABLE', `cannot read ${file}: ${reason}`, { file });
  }
}
