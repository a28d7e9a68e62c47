// `news-digest ingest <dir|file>...`: add articles to the bot's store and say what happened.
import { openApp } from '../app/open-app.ts';
import { namedSourceFailed, readSources, sourcesFromArgs } from '../app/read-sources.ts';
import type { CliCommand } from './command.ts';
import { createProgress } from './progress.ts';
import { CONFIG_FLAG, CONFIG_HELP, loadFromContext } from './shared-flags.ts';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'add article files or folders to the store (dedupe and cluster them)',
  help: `Usage: news-digest ingest <dir|file>... [--config FILE]

Reads .txt, .md, .html and .json articles, cleans them, marks rewrites and places each in a story,
then stores them. Articles already stored are skipped, so running it twice adds nothing.
Bad files are listed with the reason and skipped. Exit code 1 when a file or folder named on the
command line cannot be read (after the others are ingested).

Options:
${CONFIG_HELP}

Example: news-digest ingest seeds/ ~/clippings/
`,
  options: { ...CONFIG_FLAG },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  async run(context) {
    const loaded = loadFromContext(context);
    // A store written by an older version is read whole once on open: show it.
    const restoring = createProgress(context.io, 'reading the store');
    const app = await openApp(loaded, { onReplayProgress: (done, total) => restoring.update(done, total) });
    restoring.end();
    try {
      const batch = await readSources(sourcesFromArgs(context.positionals), loaded, context.io.cwd);
      const progress = createProgress(context.io, 'ingesting');
      const result = await app.newsroom.intake(batch.articles, (done, total) => progress.update(done, total));
      progress.end();
      const stories = app.newsroom.storyCount();
      const out = context.io.stdout;
      out.write(
        `${result.added.length} new (${result.rewrites} rewrite${result.rewrites === 1 ? '' : 's'}), ` +
          `${result.alreadyKnown} already stored, ${result.newStories} new stor${result.newStories === 1 ? 'y' : 'ies'} ` +
          `(${stories} in all), ${batch.problems.length} skipped\n`,
      );
      for (const problem of batch.problems) out.write(`  skipped ${problem.source}: ${problem.reason}\n`);
      return namedSourceFailed(batch.problems) ? 1 : 0;
    } finally {
      await app.close();
    }
  },
};
