// Read every configured source once. One bad source (or file) is reported and skipped; it never
// stops the others.
import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/load-config.ts';
import { resolveConfigPath } from '../config/load-config.ts';
import type { SourceConfig } from '../config/schema.ts';
import type { Article } from '../domain/article.ts';
import { readArticleFiles } from '../ingest/file-source.ts';

export interface SourceProblem {
  /** File path or feed URL. */
  readonly source: string;
  readonly reason: string;
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
    problems.push(...result.problems.map((p) => ({ source: p.path, reason: p.reason })));
  }
  for (const source of sources) {
    if (source.type === 'feed') {
      problems.push({ source: source.url, reason: 'feed sources are not polled by this version yet; skipped' });
    }
  }
  return { articles, problems };
}
