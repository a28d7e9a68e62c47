// The five seeds as the product feeds them to the engine: read and cleaned by the real file source (boilerplate
// gone, 002's duplicated block collapsed, its headline found), in file order, as EVALUATION.md "Seeds" asks.
// All five share the topic words (NATO, Ukraine, Rutte, peace, membership): the events must be told apart by
// the words that only some of them share.
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import type { Assignment } from '../../src/domain/story.ts';
import type { StoryEngine } from '../../src/cluster/types.ts';
import { readArticleFiles } from '../../src/ingest/file-source.ts';
import { SEEDS_DIR } from './seed-articles.ts';

describe('seeds through the file source', () => {
  let engine: StoryEngine;
  const placed = new Map<string, Assignment>();
  const idOf = new Map<string, string>();
  const story = (seed: string): string => placed.get(seed)!.storyId;

  beforeAll(async () => {
    const { articles } = await readArticleFiles([SEEDS_DIR]);
    expect(articles.map((a) => basename(a.path ?? '').slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    engine = createStoryEngine();
    for (const article of articles) {
      const seed = basename(article.path ?? '').slice(0, 3);
      idOf.set(seed, article.id);
      placed.set(seed, engine.add(article));
    }
  });

  it('puts 000 and 001 in one story, with 001 a rewrite of 000', () => {
    expect(story('001')).toBe(story('000'));
    expect(placed.get('001')!.rewriteOf).toBe(idOf.get('000'));
    expect(placed.get('000')!.rewriteOf).toBeNull();
  });

  // Known miss (issue 13, see seeds.test.ts): the learned placement merges 002-004 into the 000/001 story.
  it.fails('keeps 002 (a later interview) out of the 000/001 story although it shares all its topic words (known miss)', () => {
    expect(story('002')).not.toBe(story('000'));
    const why = engine.explain(idOf.get('002')!)!;
    expect(why.decision).toBe('new-story');
    expect(why.score).toBeLessThan(why.threshold);
  });

  it('puts 003 with 002: the same interview', () => {
    expect(story('003')).toBe(story('002'));
    expect(placed.get('003')!.rewriteOf).toBeNull();
    const why = engine.explain(idOf.get('003')!)!;
    expect(why.decision).toBe('joined-story');
    const pair = engine.explain(idOf.get('003')!, idOf.get('002')!)!;
    expect(pair.sharedNames).toEqual(expect.arrayContaining(['NATO', 'Rutte']));
    expect(pair.sharedTerms.length).toBeGreaterThan(0);
  });

  it.fails('keeps 004 (the earlier press conference) out of the 000/001 story (known miss)', () => {
    expect(story('004')).not.toBe(story('000'));
  });
});
