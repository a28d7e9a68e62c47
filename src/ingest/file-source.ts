// File source: articles from .txt, .md, .html and .json files, or from folders of them. A bad file is
// reported (path and reason) and skipped; it never stops the others.
//
// Folders are read non-recursively (a folder is one batch; nested folders are usually archives or assets)
// and their files are taken in code-point order of their names, so every machine reads them alike.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Article } from '../domain/article.ts';
import { stableId } from '../domain/ids.ts';
import { splitSentences } from '../text/sentences.ts';
import { cleanArticleText, cleanTitle, shorten, splitPlainText } from './clean.ts';
import { inferOutlet } from './infer-outlet.ts';
import { extractArticle } from './extract.ts';
import { isoDate } from './extract/metadata.ts';
import { decodeText } from './files/decode.ts';
import { splitFrontMatter } from './files/front-matter.ts';
import type { FrontMatter } from './files/front-matter.ts';
import { parseJsonArticles } from './files/json-articles.ts';
import type { ArticleDraft } from './files/json-articles.ts';
import { markdownToText } from './files/markdown.ts';

export interface FileSourceOptions {
  /** Files larger than this are refused: an article is kilobytes, a multi-megabyte file is something else. */
  readonly maxBytes?: number;
  /** Relative paths are resolved against this folder (the CLI passes its working directory). */
  readonly cwd?: string;
}

export const FILE_SOURCE_DEFAULTS = {
  maxBytes: 5 * 1024 * 1024,
} as const satisfies Required<Pick<FileSourceOptions, 'maxBytes'>>;

export interface FileProblem {
  readonly path: string;
  readonly reason: string;
  /** The path as given could not be read at all (missing, no permission), not one file inside a folder. */
  readonly given?: true;
}

export interface FileSourceResult {
  readonly articles: Article[];
  readonly problems: FileProblem[];
}

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.json'] as const;

type Outcome = { readonly articles: Article[]; readonly problems: FileProblem[] };

/** Read articles from files and folders (non-recursive), in the order given, folder entries by name. */
export async function readArticleFiles(paths: readonly string[], options: FileSourceOptions = {}): Promise<FileSourceResult> {
  const cwd = options.cwd ?? process.cwd();
  const maxBytes = options.maxBytes ?? FILE_SOURCE_DEFAULTS.maxBytes;
  const articles: Article[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const files = await expand(given, cwd, problems);
    for (const file of files) {
      const absolute = resolve(cwd, file);
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      const outcome = await readOne(file, absolute, maxBytes);
      articles.push(...outcome.articles);
      problems.push(...outcome.problems);
    }
  }
  return { articles, problems };
}

/** The files a path stands for: itself, or a folder's article files sorted by name. */
async function expand(given: string, cwd: string, problems: FileProblem[]): Promise<string[]> {
  let info;
  try {
    info = await stat(resolve(cwd, given));
  } catch (error) {
    problems.push({ path: given, reason: describeFsError(error), given: true });
    return [];
  }
  if (!info.isDirectory()) return [given];
  let names: string[];
  try {
    names = await readdir(resolve(cwd, given));
  } catch (error) {
    problems.push({ path: given, reason: describeFsError(error), given: true });
    return [];
  }
  // Hidden files (editor swap files, .DS_Store) and other extensions (images, notes) are not articles.
  return names
    .filter((name) => !name.startsWith('.') && isArticleFile(name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(given, name));
}

function isArticleFile(name: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read: ${(error as Error).message}`;
}

async function readOne(path: string, absolute: string, maxBytes: number): Promise<Outcome> {
  const fail = (reason: string): Outcome => ({ articles: [], problems: [{ path, reason }] });
  const extension = extname(path).toLowerCase();
  if (!isArticleFile(path)) return fail(`unsupported file type "${extension || '(none)'}" (expected ${ARTICLE_EXTENSIONS.join(', ')})`);
  let bytes: Buffer;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) return fail('not a regular file');
    if (info.size > maxBytes) return fail(`file is ${info.size} bytes, over the ${maxBytes}-byte cap`);
    bytes = await readFile(absolute);
  } catch (error) {
    return fail(describeFsError(error));
  }
  const decoded = decodeText(bytes, extension === '.html' || extension === '.htm');
  if (!decoded.ok) return fail(decoded.reason);
  if (decoded.text.trim() === '') return fail('file is empty');
  const context: FileContext = { path, folder: basename(dirname(absolute)), base: basename(path) };
  switch (extension) {
    case '.json':
      return fromJson(decoded.text, context);
    case '.html':
    case '.htm':
      return fromHtml(decoded.text, context);
    default:
      return fromText(decoded.text, context, extension === '.txt' ? 'text' : 'markdown');
  }
}

interface FileContext {
  readonly path: string;
  /** Name of the folder holding the file: the outlet of last resort. */
  readonly folder: string;
  readonly base: string;
}

function fromText(text: string, context: FileContext, kind: 'text' | 'markdown'): Outcome {
  const front = splitFrontMatter(text.replace(/^\uFEFF/, ''));
  if (!front.ok) return { articles: [], problems: [{ path: context.path, reason: front.reason }] };
  let title: string;
  let body: string;
  if (kind === 'markdown') {
    const markdown = markdownToText(front.body);
    const plain = splitPlainText(markdown.text);
    // Without a "# Title" heading the first line of the text is the title, as in plain text.
    [title, body] = markdown.title === null ? [plain.title, plain.text] : [cleanTitle(markdown.title), cleanArticleText(markdown.text)];
  } else {
    // Front matter with a title means the first line is already body text.
    const plain = front.data.title === undefined ? splitPlainText(front.body) : { title: '', text: cleanArticleText(front.body) };
    [title, body] = [plain.title, plain.text];
  }
  // Plain text carries no metadata; the credits printed around it often name the outlet.
  return single(context, overlay({ title, text: body, url: null, source: inferOutlet(front.body), published: null }, front.data));
}

function fromHtml(html: string, context: FileContext): Outcome {
  const extracted = extractArticle(html);
  return single(context, {
    title: extracted.title,
    text: extracted.text,
    url: extracted.url,
    source: extracted.siteName,
    published: extracted.published,
  });
}

function fromJson(text: string, context: FileContext): Outcome {
  const parsed = parseJsonArticles(text);
  if (!parsed.ok) return { articles: [], problems: [{ path: context.path, reason: parsed.reason }] };
  const out: Outcome = { articles: [], problems: [] };
  parsed.items.forEach((item, index) => {
    if (!item.ok) {
      out.problems.push({ path: context.path, reason: item.reason });
      return;
    }
    const draft = { ...item.draft, title: item.draft.title === null ? null : cleanTitle(item.draft.title), text: cleanArticleText(item.draft.text) };
    const one = single({ ...context, base: `${context.base}#${index}` }, draft);
    out.articles.push(...one.articles);
    out.problems.push(...one.problems.map((p) => (parsed.items.length > 1 ? { ...p, reason: `item ${index}: ${p.reason}` } : p)));
  });
  return out;
}

/** Front matter fields replace inferred ones. */
function overlay(draft: ArticleDraft, front: FrontMatter): ArticleDraft {
  return {
    title: front.title === undefined ? draft.title : cleanTitle(front.title),
    text: draft.text,
    url: front.url ?? draft.url,
    source: front.source ?? draft.source,
    published: front.published ?? draft.published,
  };
}

/** One article from a cleaned draft, or a problem when there is no text left. */
function single(context: FileContext, draft: ArticleDraft): Outcome {
  const text = draft.text.trim();
  if (text === '') return { articles: [], problems: [{ path: context.path, reason: 'no article text after cleaning' }] };
  const url = normalizeUrl(draft.url);
  const title = draft.title?.trim() || shorten(splitSentences(text.split('\n\n')[0] ?? '')[0] ?? '');
  // Without a URL the id comes from the file's name and content, never its absolute path, so the same
  // file gets the same id on every machine and in every folder.
  const id = url === null ? stableId('a-', 'file:', context.base, title, text) : stableId('a-', url);
  const article: Article = {
    id,
    title,
    text,
    // Last resort: the file's own name. Each file is one source; naming it after its folder would make
    // every unattributed file look like the same outlet ("Only seeds reports ...").
    source: draft.source?.trim() || hostOf(url) || fileStem(context.base) || context.folder || 'file',
    url,
    path: context.path,
    published: isoDate(draft.published),
  };
  return { articles: [article], problems: [] };
}

function normalizeUrl(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  try {
    return new URL(value.trim()).href;
  } catch {
    // Not an absolute URL (a bare slug in front matter): keep it as written so it still names the article.
    return value.trim();
  }
}

/** Host of a URL without "www.", or null. */
function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    // A relative URL has no host: the caller falls back to the folder name.
    return null;
  }
}

/** "000_9c4c.txt" -> "000_9c4c"; JSON array items ("a.json#2") keep their index. */
function fileStem(base: string): string {
  return base.replace(/\.(txt|md|markdown|html?|json)(#\d+)?$/i, '$2');
}
