// Runs our parser over feedparser's test corpus (read in place from ../shared, never copied) and scores
// the expectations that matter to a digest bot. Shared by the corpus test and bench/feeds.bench.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeBody } from '../../../src/ingest/fetch/charset.ts';
import { parseFeed } from '../../../src/ingest/feeds/parse-feed.ts';
import type { ParsedFeed } from '../../../src/ingest/feeds/types.ts';
import { FeedParseError } from '../../../src/ingest/feeds/types.ts';
import { conjuncts, evaluate, parseExpectation, Unsupported } from './feedparser-expect.ts';

export const CORPUS_DIR = new URL('../../../../shared/data/feeds/feedparser-tests', import.meta.url).pathname;
// feedparser's own test server: relative links in the corpus resolve against this origin.
const DOC_ORIGIN = 'http://127.0.0.1:8097/tests/';

export interface CorpusReport {
  files: number;
  crashes: Array<{ file: string; error: string }>;
  parseErrors: number;
  applicable: number;
  passed: number;
  failures: Array<{ file: string; expect: string }>;
  notApplicable: Map<string, number>;
  /** lostItems: ill-formed files whose source has items but that yielded neither items nor an error. */
  illformed: { total: number; withItems: number; clearError: number; noItemsInSource: number; lostItems: string[] };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : /\.(xml|rdf|json)$/i.test(name) ? [path] : [];
  });
}

function expectationOf(text: string): string | undefined {
  return /Expect:\s*([\s\S]*?)\s*(?:-->|"\s*,|\n)/.exec(text)?.[1];
}

const EMPTY: ParsedFeed = { format: 'rss', title: '', link: null, feedUrl: '', items: [], recovered: false };

export async function runCorpus(dir = CORPUS_DIR): Promise<CorpusReport> {
  const report: CorpusReport = {
    files: 0, crashes: [], parseErrors: 0, applicable: 0, passed: 0, failures: [], notApplicable: new Map(),
    illformed: { total: 0, withItems: 0, clearError: 0, noItemsInSource: 0, lostItems: [] },
  };
  const skip = (reason: string): void => {
    report.notApplicable.set(reason, (report.notApplicable.get(reason) ?? 0) + 1);
  };
  for (const path of listFiles(dir)) {
    const file = relative(dir, path);
    report.files += 1;
    const bytes = readFileSync(path);
    let feed: ParsedFeed = EMPTY;
    try {
      feed = await parseFeed(decodeBody(bytes).text, DOC_ORIGIN + file);
    } catch (error) {
      if (error instanceof FeedParseError) report.parseErrors += 1;
      else report.crashes.push({ file, error: String(error) });
    }
    if (file.startsWith('illformed')) {
      report.illformed.total += 1;
      if (feed.items.length > 0) report.illformed.withItems += 1;
      else if (feed === EMPTY) report.illformed.clearError += 1;
      else if (!/<(\w+:)?(item|entry)[\s>]/i.test(bytes.toString('latin1'))) report.illformed.noItemsInSource += 1;
      else report.illformed.lostItems.push(file);
    }
    const source = expectationOf(bytes.toString('latin1'));
    if (source === undefined) {
      skip('no Expect line');
      continue;
    }
    let parts;
    try {
      parts = conjuncts(parseExpectation(source));
    } catch {
      skip('expression syntax');
      continue;
    }
    let applicable = 0;
    let ok = true;
    const reasons: string[] = [];
    for (const part of parts) {
      try {
        const result = evaluate(part, feed);
        applicable += 1;
        ok &&= Boolean(result);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        reasons.push(error.message);
      }
    }
    if (applicable === 0) {
      skip(reasons.find((r) => r !== 'bozo') ?? reasons[0] ?? 'empty');
      continue;
    }
    report.applicable += 1;
    if (ok) report.passed += 1;
    else report.failures.push({ file, expect: source });
  }
  return report;
}
