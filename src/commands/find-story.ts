// Find the story a user means by a few words (`/story nato`): platform-neutral, used by the CLI and
// the chat commands. A small BM25 over each story's titles (weighted) and text.
import { firstAndLast, type StoryMaterial } from '../digest/story-material.ts';
import { terms } from '../text/tokens.ts';

/** Title words count this many times more than body words: a headline says what the story is about. */
const TITLE_WEIGHT = 3;
/** BM25 saturation and length normalization (the usual defaults). */
const K1 = 1.2;
const B = 0.75;
/** Share of the query's distinct terms a story must contain to count as a match. */
const MIN_TERM_COVERAGE = 0.5;

export interface StoryMatch {
  readonly material: StoryMaterial;
  readonly score: number;
}

export interface FindResult {
  /** Best match first; empty when nothing matches. */
  readonly matches: readonly StoryMatch[];
  /** The most recent stories, to suggest when nothing matches. */
  readonly recent: readonly StoryMaterial[];
}

export function findStories(query: string, stories: readonly StoryMaterial[], limit = 5): FindResult {
  const queryTerms = [...new Set(terms(query))];
  const docs = stories.map((material) => ({ material, counts: termCounts(material) }));
  const avgLength = docs.reduce((sum, d) => sum + d.counts.length, 0) / Math.max(docs.length, 1);
  const documentFrequency = new Map<string, number>();
  for (const term of queryTerms) {
    documentFrequency.set(term, docs.filter((d) => d.counts.tf.has(term)).length);
  }
  const matches: StoryMatch[] = [];
  for (const doc of docs) {
    let score = 0;
    let matched = 0;
    for (const term of queryTerms) {
      const tf = doc.counts.tf.get(term) ?? 0;
      if (tf === 0) continue;
      matched += 1;
      const df = documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.counts.length) / Math.max(avgLength, 1)));
    }
    if (queryTerms.length > 0 && matched / queryTerms.length >= MIN_TERM_COVERAGE) {
      matches.push({ material: doc.material, score });
    }
  }
  // Equal scores (a query that fits several stories alike): the most recent story first.
  const newest = (m: StoryMatch): string => firstAndLast(m.material).last ?? '';
  matches.sort(
    (a, b) => b.score - a.score || newest(b).localeCompare(newest(a)) || a.material.story.id.localeCompare(b.material.story.id),
  );
  const recent = [...stories]
    .sort((a, b) => (firstAndLast(b).last ?? '').localeCompare(firstAndLast(a).last ?? ''))
    .slice(0, limit);
  return { matches: matches.slice(0, limit), recent };
}

function termCounts(material: StoryMaterial): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  let length = 0;
  const add = (text: string, weight: number) => {
    for (const term of terms(text)) {
      tf.set(term, (tf.get(term) ?? 0) + weight);
      length += weight;
    }
  };
  for (const { article } of material.articles) {
    add(article.title, TITLE_WEIGHT);
    add(article.text, 1);
  }
  return { tf, length };
}
