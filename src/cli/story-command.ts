// `news-digest story <query>`: the story that best matches a few words, or a clear "no story matches".
import { openApp } from '../app/open-app.ts';
import { namedSourceFailed, readSources, sourcesFromArgs } from '../app/read-sources.ts';
import { findStories } from '../commands/find-story.ts';
import { recentHeadlines } from '../commands/recent-headlines.ts';
import { ARCHIVE_SEARCH_ARTICLES, searchArchive } from '../digest/archive-search.ts';
import type { StoryMaterial } from '../digest/story-material.ts';
import { buildDigestStory } from '../digest/build-digest.ts';
import { choiceFlag, stringsFlag, type CliCommand } from './command.ts';
import { renderForCli } from './render-format.ts';
import { reportProblems } from './report-problems.ts';
import { CONFIG_FLAG, CONFIG_HELP, FORMATS, loadFromContext } from './shared-flags.ts';

export const storyCommand: CliCommand = {
  name: 'story',
  summary: 'show the story that best matches a query (like /story in chat)',
  help: `Usage: news-digest story <query...> [--sources PATH ...] [--format text|markdown|json]

Finds the story whose articles best match the query words and prints its headline, summary and
sources. It searches the bot's store (an empty store takes in the configured sources first; add
files with 'news-digest ingest'). Active stories come first; when none matches, the archive is searched: stories retired from
the digests (no new article for retention.activeDays), among the ${ARCHIVE_SEARCH_ARTICLES.toLocaleString('en-US')} most recent stored
articles. /story in chat does the same. Exit code 1 when no story matches (the most recent headlines
are suggested instead), or when a source named with --sources cannot be read.

Options:
  -s, --sources PATH  search just these folders/files instead of the bot's store; repeatable
  -f, --format FMT    text (default), markdown or json
${CONFIG_HELP}

Example: news-digest story nato membership
`,
  options: { ...CONFIG_FLAG, sources: { type: 'string', short: 's', multiple: true }, format: { type: 'string', short: 'f' } },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  async run(context) {
    const format = choiceFlag(context.values, 'format', FORMATS, 'text');
    const query = context.positionals.join(' ').trim();
    const given = stringsFlag(context.values, 'sources');
    const loaded = loadFromContext(context);
    const app = await openApp(loaded, given.length > 0 ? { storeUrl: 'memory:' } : {});
    try {
      // The bot's store is what /story searches. Only an empty one (before the bot first ran) takes in the
      // configured sources first, so a new user can try it on seeds/; otherwise reading them could mean
      // restoring the story engine to place a new file, seconds for a question that needs none of it.
      const batch = given.length > 0
        ? await readSources(sourcesFromArgs(given), loaded, context.io.cwd)
        : (await app.articles.lastSeq()) === 0
          ? await readSources(loaded.config.sources, loaded)
          : { articles: [], problems: [] };
      reportProblems(batch.problems, context.io);
      await app.newsroom.intake(batch.articles);
      const found = findStories(query, app.newsroom.materials());
      const archived = found.matches[0] !== undefined || given.length > 0
        ? undefined
        : findStories(query, await searchArchive(app.articles, query, { isActive: (id) => app.newsroom.isActive(id) })).matches[0];
      if (archived !== undefined) context.io.stderr.write('From the archive: this story is no longer in the digests.\n');
      const best = found.matches[0] ?? archived;
      const present = (material: StoryMaterial) => buildDigestStory(material, { summarizer: app.summarizer, budget: app.budget });
      if (best === undefined) {
        const suggestions = (await recentHeadlines(found.recent, present)).map((headline) => `  - ${headline}`);
        context.io.stdout.write(
          [`No story matches "${query}".`, ...(suggestions.length > 0 ? ['Recent stories:', ...suggestions] : [])].join('\n') + '\n',
        );
        return 1;
      }
      const story = await present(best.material);
      context.io.stdout.write(renderForCli({ generatedAt: new Date().toISOString(), stories: [story] }, format, context.io));
      return given.length > 0 && namedSourceFailed(batch.problems) ? 1 : 0;
    } finally {
      await app.close();
    }
  },
};
