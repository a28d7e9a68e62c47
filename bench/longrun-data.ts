// Synthetic history for the long-running bench: the story engine's synthetic stream (cluster-speed bench),
// re-dated so that `perDay` articles a day arrive evenly over `days` days ending at `end`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/domain/article.ts';
import { syntheticStream } from './cluster-speed.bench.ts';

const DAY_MS = 86_400_000;

export function* datedHistory(days: number, perDay: number, end: Date, seed = 42): Generator<Article> {
  const stream = syntheticStream(seed);
  const total = Math.round(days * perDay);
  const start = end.getTime() - days * DAY_MS;
  for (let k = 0; k < total; k += 1) {
    const article = stream.next();
    yield { ...article, id: `h-${k}`, published: new Date(start + ((k + 0.5) * DAY_MS) / perDay).toISOString() };
  }
}

/** Writes the history as JSON array files of `perFile` articles (what `news-digest ingest` reads). */
export function writeHistoryFiles(dir: string, articles: Iterable<Article>, perFile = 1_000): number {
  mkdirSync(dir, { recursive: true });
  let batch: Article[] = [];
  let files = 0;
  const flush = () => {
    if (batch.length === 0) return;
    writeFileSync(join(dir, `history-${String(files).padStart(5, '0')}.json`), JSON.stringify(batch));
    files += 1;
    batch = [];
  };
  for (const article of articles) {
    batch.push(article);
    if (batch.length >= perFile) flush();
  }
  flush();
  return files;
}
