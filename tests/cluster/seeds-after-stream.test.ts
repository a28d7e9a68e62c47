// The seeds placed after 300 BASIL articles were ingested first (issue 13): where an article goes must not
// depend on what the stream happened to hold before. BASIL comes from ../shared/data (EVALUATION.md); the
// test is skipped where that folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import type { StoryEngine } from '../../src/cluster/types.ts';
import type { Assignment } from '../../src/domain/story.ts';
import type { Article } from '../../src/domain/article.ts';
import { seedArticles } from './seed-articles.ts';

const BASIL = join(import.meta.dirname, '../../../shared/data/clustering/basil.clusters.jsonl');

function basilArticles(): Article[] {
  return readFileSync(BASIL, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Article & { url: string })
    .map((row) => ({ ...row, url: row.url === '' ? null : row.url, path: null }))
    .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
}

describe.skipIf(!existsSync(BASIL))('seeds after 300 BASIL articles', () => {
  // Built in beforeAll, not in the describe body: vitest runs a skipped describe's body too.
  let engine: StoryEngine;
  let placed: Map<string, Assignment>;
  beforeAll(() => {
    engine = createStoryEngine();
    for (const article of basilArticles()) engine.add(article);
    placed = new Map(seedArticles().map((a) => [a.id, engine.add(a)]));
  });
  const story = (id: string): string => placed.get(id)!.storyId;

  it('puts 000 and 001 in one story, with 001 a rewrite of 000', () => {
    expect(story('001')).toBe(story('000'));
    expect(placed.get('001')!.rewriteOf).toBe('000');
  });

  it('puts 002 and 003 (the later interview) in one story, and no BASIL article joins a seed story', () => {
    expect(story('003')).toBe(story('002'));
    const seeds = new Set(placed.keys());
    for (const id of new Set([story('000'), story('002'), story('004')])) {
      expect(engine.story(id)!.articleIds.every((a) => seeds.has(a))).toBe(true);
    }
  });

  // Known miss (issue 13, see seeds.test.ts): no general signal measured tells these events apart.
  it.fails('keeps 002-004 out of the 000/001 story (known miss)', () => {
    expect(story('002')).not.toBe(story('000'));
    expect(story('004')).not.toBe(story('000'));
  });
});
