// Read sources once, for one-shot commands and for file folders in the running bot (which polls
// feeds on their own schedule instead, see feed-service.ts). One bad source or file is reported and
// skipped; it never stops the others.
import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/load-config.ts';
import { resolveConfigPath } from '../config/load-config.ts';
import type { SourceConfig } from '../config/schema.ts';
import type { Article } from '../domain/article.ts';
import { readArticleFiles } from '../ingest/file-source.ts';
import { fetcherFor, readFeedOnce } from './feed-service.ts';

export interface SourceProblem {
  /** File path or feed URL. */
  readonly source: string;
  readonly reason: string;
  /** The source itself could not be read (a missing folder, a feed that failed), not one file in it. */
  readonly whole?: true;
}

/** Sources named on the command line must exist: a typo there is an error (exit 1), not a quiet skip. */
export function namedSourceFailed(problems: readonly SourceProblem[]): boolean {
  return problems.some((problem) => problem.whole === true);
}

export interface SourceBatch {
  readonly articles: Article[];
  readonly problems: SourceProblem[];
}

/** `--sources` values: an http(s) URL is a feed, anything else a file or folder. */
export function sourcesFromArgs(values: readonly string[]): SourceConfig[] {
  return values.map((value) => (/^https?:\/\//i.test(value) ? { type: 'feed', url: value } : { type: 'files', path: value }));
}

export async function readSources(sources: readonly SourceConfig[], loaded: LoadedConfig, cwd?: string): Promise<SourceBatch> {
  const articles: Article[] = [];
  const problems: SourceProblem[] = [];
  const filePaths = sources.flatMap((s) =>
    s.type === 'files' ? [cwd === undefined ? resolveConfigPath(loaded, s.path) : resolve(cwd, s.path)] : [],
  );
  if (filePaths.length > 0) {
    const result = await readArticleFiles(filePaths);
    articles.push(...result.articles);
    problems.push(...result.problems.map((p) => ({ source: p.path, reason: p.reason, ...(p.given === true ? { whole: true as const } : {}) })));
  }
  const feeds = sources.flatMap((s) => (s.type === 'feed' ? [s.url] : []));
  const fetcher = feeds.length > 0 ? fetcherFor(loaded.config) : undefined;
  for (const url of feeds) {
    try {
      articles.push(...(await readFeedOnce(url, fetcher ?? fetcherFor(loaded.config))));
    } catch (error) {
      problems.push({ source: url, reason: error instanceof Error ? error.message : String(error), whole: true });
    }
  }
  return { articles, problems };
}
