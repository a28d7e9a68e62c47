// How a digest names an article's outlet when nothing names it. The file source falls back to the file's
// own name ("003_b2c29e89287d0c6d") so that each unattributed file counts as its own source when stories
// are ranked and "Only X reports" is worked out; a reader is told "unknown outlet" instead.
import { basename } from 'node:path';
import type { Article } from '../domain/article.ts';

export const UNKNOWN_OUTLET = 'unknown outlet';

/** True when the outlet is only the file's name: a file article without a URL named after its file. */
export function outletIsFileName(article: Article): boolean {
  return article.url === null && article.path !== null && article.source !== '' && basename(article.path).startsWith(article.source);
}

/** The article as a reader should see it: the file-name stand-in replaced by "unknown outlet". */
export function withOutletLabel(article: Article): Article {
  return outletIsFileName(article) ? { ...article, source: UNKNOWN_OUTLET } : article;
}
