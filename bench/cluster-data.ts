// The clustering development sets of ../shared/data/clustering (EVALUATION.md "Story clustering"), as
// streams of gold-labelled articles: in time order where rows are dated, undated rows after, in file order.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/domain/article.ts';

export const DATA_DIR = join(import.meta.dirname, '../../shared/data/clustering');

export interface GoldRow {
  readonly article: Article;
  readonly cluster: string;
}

export interface DataSet {
  readonly name: string;
  readonly rows: readonly GoldRow[];
  /** BCubed F1 target from EVALUATION.md / the issue, when there is one. */
  readonly target: number | null;
}

interface JsonRow {
  id: string;
  title: string;
  text: string;
  source: string;
  url: string;
  published: string | null;
  cluster: string;
}

function jsonl(file: string): GoldRow[] {
  return readFileSync(join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JsonRow)
    .map((row) => ({
      article: {
        id: row.id,
        title: row.title,
        text: row.text,
        source: row.source,
        url: row.url === '' ? null : row.url,
        path: null,
        published: row.published,
      },
      cluster: row.cluster,
    }));
}

/** RFC 4180 fields of one line (the UCI sample has no line breaks inside fields). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

function uci(file: string): GoldRow[] {
  const [header, ...lines] = readFileSync(join(DATA_DIR, file), 'utf8').split('\n');
  const names = csvFields(header ?? '');
  const col = (name: string): number => names.indexOf(name);
  const rows: GoldRow[] = [];
  for (const line of lines) {
    const f = csvFields(line);
    // The sample's last line is truncated: skip rows without a story label or timestamp.
    if (f.length < names.length || f[col('STORY')] === '' || f[col('TIMESTAMP')] === '') continue;
    rows.push({
      article: {
        id: `uci-${f[col('ID')]}`,
        title: f[col('TITLE')]!,
        text: '',
        source: f[col('PUBLISHER')]!,
        url: f[col('URL')]!,
        path: null,
        published: new Date(Number(f[col('TIMESTAMP')])).toISOString(),
      },
      cluster: f[col('STORY')]!,
    });
  }
  return rows;
}

/** Dated rows in time order (stable), then undated rows in file order. */
export function streamOrder(rows: readonly GoldRow[]): GoldRow[] {
  const time = (row: GoldRow): number => (row.article.published === null ? NaN : Date.parse(row.article.published));
  const dated = rows.filter((r) => !Number.isNaN(time(r))).sort((a, b) => time(a) - time(b));
  return [...dated, ...rows.filter((r) => Number.isNaN(time(r)))];
}

export function loadSets(): DataSet[] {
  const sets: DataSet[] = [];
  const add = (name: string, file: string, target: number | null, load: (f: string) => GoldRow[]): void => {
    if (existsSync(join(DATA_DIR, file))) sets.push({ name, rows: streamOrder(load(file)), target });
  };
  add('basil', 'basil.clusters.jsonl', 0.93, jsonl);
  add('multinews-val', 'multinews-val.clusters.jsonl', 0.93, jsonl);
  add('allsides', 'allsides.clusters.jsonl', 0.85, jsonl);
  add('uci-sample', 'uci-news-aggregator-sample.csv', null, uci);
  return sets;
}
