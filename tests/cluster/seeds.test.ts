// The five seed articles, raw (boilerplate and all), as EVALUATION.md "Seeds" describes the expected stories.
import { describe, expect, it } from 'vitest';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import { seedArticles } from './seed-articles.ts';

describe('seeds', () => {
  const articles = seedArticles();
  const engine = createStoryEngine();
  const placed = new Map(articles.map((a) => [a.id, engine.add(a)]));
  const story = (id: string): string => placed.get(id)!.storyId;

  it('puts 000 and 001 in one story, with 001 a rewrite of 000', () => {
    expect(story('001')).toBe(story('000'));
    expect(placed.get('001')!.rewriteOf).toBe('000');
    expect(placed.get('000')!.rewriteOf).toBeNull();
  });

  it('puts 002 and 003 (the later interview) in one story, apart from 000/001', () => {
    expect(story('003')).toBe(story('002'));
    expect(story('002')).not.toBe(story('000'));
    expect(placed.get('003')!.rewriteOf).toBeNull();
  });

  it('keeps 004 (the earlier press conference) out of the 000/001 story', () => {
    expect(story('004')).not.toBe(story('000'));
  });

  it('explains the rewrite with its similarity and the shared names', () => {
    const why = engine.explain('001')!;
    expect(why.decision).toBe('rewrite');
    expect(why.rewriteOf).toBe('000');
    expect(why.rewriteSimilarity).toBeGreaterThan(0.15);
    expect(why.sharedNames).toEqual(expect.arrayContaining(['Rutte', 'NATO']));
  });

  it('explains the join of 003 and compares 003 with 002 on request', () => {
    const why = engine.explain('003')!;
    expect(why.decision).toBe('joined-story');
    expect(why.score).toBeGreaterThanOrEqual(why.threshold);
    const pair = engine.explain('003', '002')!;
    expect(pair.pairSimilarity).toBeGreaterThan(0);
    expect(pair.sharedNames).toEqual(expect.arrayContaining(['Rutte', 'NATO']));
    expect(pair.sharedTerms.length).toBeGreaterThan(0);
    expect(engine.explain('003', 'nope')).toBeUndefined();
  });
});
