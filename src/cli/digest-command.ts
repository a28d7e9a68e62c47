// `news-digest digest`: print a digest now, of the given sources or of everything the bot knows.
import { openApp } from '../app/open-app.ts';
import { namedSourceFailed, readSources, sourcesFromArgs } from '../app/read-sources.ts';
import { basename } from 'node:path';
import { buildDigest } from '../digest/build-digest.ts';
import type { DigestStory } from '../domain/digest.ts';
import { choiceFlag, intFlag, stringsFlag, type CliCommand } from './command.ts';
import { reportProblems } from './report-problems.ts';
import { renderForCli } from './render-format.ts';
import { CONFIG_FLAG, CONFIG_HELP, FORMATS, loadFromContext } from './shared-flags.ts';

export const digestCommand: CliCommand = {
  name: 'digest',
  summary: 'print a digest: one entry per story, with summary and sources',
  help: `Usage: news-digest digest [--sources DIR|FILE|URL ...] [--format text|markdown|json] [--size N]

Prints one entry per story: headline, 2-4 summary sentences with [n] source markers, coverage and
the numbered sources. With --sources, reads just those (nothing is stored); without, ingests the
configured sources into the store and digests everything it holds. Exit code 1 when a source
named with --sources cannot be read (the digest of the others is still printed).

Options:
  -s, --sources PATH  a folder or file of articles (.txt .md .html .json); repeatable
  -f, --format FMT    text (default), markdown or json
  -n, --size N        at most N stories (default 10)
${CONFIG_HELP}

Example: news-digest digest --sources seeds --format markdown
`,
  options: {
    ...CONFIG_FLAG,
    sources: { type: 'string', short: 's', multiple: true },
    format: { type: 'string', short: 'f' },
    size: { type: 'string', short: 'n' },
  },
  positionals: { min: 0, max: 0 },
  async run(context) {
    const format = choiceFlag(context.values, 'format', FORMATS, 'text');
    const size = intFlag(context.values, 'size', 10, 1, 500);
    const given = stringsFlag(context.values, 'sources');
    const loaded = loadFromContext(context);
    const oneShot = given.length > 0;
    const app = await openApp(loaded, oneShot ? { storeUrl: 'memory:' } : {});
    try {
      const batch = oneShot
        ? await readSources(sourcesFromArgs(given), loaded, context.io.cwd)
        : await readSources(loaded.config.sources, loaded);
      reportProblems(batch.problems, context.io);
      await app.newsroom.intake(batch.articles);
      const digest = await buildDigest(app.newsroom.materials(), {
        summarizer: app.summarizer,
        budget: app.budget,
        size,
        now: new Date(),
        onLeftOut: (story) => context.io.stderr.write(`left out ${describeLeftOut(story)}\n`),
      });
      context.io.stdout.write(renderForCli(digest, format, context.io));
      return oneShot && namedSourceFailed(batch.problems) ? 1 : 0;
    } finally {
      await app.close();
    }
  },
};

/** "a story from hi.html: no headline or summary sentence could be drawn from its text" */
function describeLeftOut(story: DigestStory): string {
  const names = story.sources.map((s) => (s.article.path === null ? (s.article.url ?? s.article.id) : basename(s.article.path)));
  return `a story from ${names.join(', ')}: no headline or summary sentence could be drawn from its text`;
}
