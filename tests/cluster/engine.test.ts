import { describe, expect, it } from 'vitest';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import { stableId } from '../../src/domain/ids.ts';
import type { Article } from '../../src/domain/article.ts';
import { seedArticles } from './seed-articles.ts';

function article(id: string, title: string, text: string, published: string | null = null): Article {
  return { id, title, text, source: 'test', url: null, path: null, published };
}

// Three unrelated events, two reports each, in distinct words; plus an unrelated filler to give IDF a base.
const QUAKE_A = article(
  'quake-a',
  'Earthquake of magnitude 6.8 strikes southern Peru, damaging homes in Arequipa',
  'A strong earthquake of magnitude 6.8 struck southern Peru on Monday, damaging adobe homes in the Arequipa region and cutting power to thousands, the geophysical institute said. Rescue teams searched collapsed buildings in the town of Chala, where the mayor said two people were missing. The quake was centred 40 kilometres off the coast at a depth of 30 kilometres, and a tsunami warning for the Pacific coast was lifted after an hour.',
);
const QUAKE_B = article(
  'quake-b',
  'Peru quake: Arequipa residents sleep outdoors after magnitude 6.8 tremor',
  'Residents of Arequipa spent the night outdoors after a magnitude 6.8 earthquake shook southern Peru, collapsing houses in Chala and knocking out electricity. The geophysical institute recorded several aftershocks and said the quake was centred off the coast at a depth of 30 kilometres. In Chala, the mayor said two people were missing; a brief tsunami warning was lifted within the hour.',
);
const CHIPS_A = article(
  'chips-a',
  'Semiconductor maker Nexora to build wafer plant in Dresden',
  'Nexora, the semiconductor maker, will build a wafer fabrication plant in Dresden costing 4 billion euros, creating 2,000 jobs, the company announced. Saxony officials welcomed the chip investment. Production of automotive chips at the Dresden plant is due to start in 2027, and the federal government will cover a third of the cost, Nexora chief executive Ilse Brandt said.',
);
const CHIPS_B = article(
  'chips-b',
  'Nexora picks Dresden for 4 billion euro chip factory',
  'Chipmaker Nexora chose Dresden for a new wafer fab worth 4 billion euros, Saxony state officials confirmed, with 2,000 jobs expected when the semiconductor plant opens. Chief executive Ilse Brandt said automotive chips would roll off the Dresden line from 2027, with Berlin paying a third of the cost.',
);
const KIEV = article(
  'kiev',
  'Blackout hits Kiev after strike on Darnytsia power station',
  'Large parts of Kiev lost power after a missile strike on the Darnytsia thermal power station, the city administration said. Engineers at Darnytsia worked through the night; Klitschko urged residents of Kiev to conserve electricity. Metro trains stopped for two hours and water pumping stations switched to generators, the administration added.',
);
const KYIV = article(
  'kyiv',
  'Kyiv blackout: Darnytsia plant hit, Klitschko asks residents to save power',
  'A strike on the Darnytsia heat and power plant left districts of Kyiv without electricity, mayor Klitschko said, asking Kyiv residents to save power while engineers restored the Darnytsia units. The metro halted for two hours and water pumping ran on generators.',
);

describe('story engine', () => {
  it('groups reports of the same event and separates different events', () => {
    const engine = createStoryEngine();
    const placed = [QUAKE_A, CHIPS_A, QUAKE_B, CHIPS_B].map((a) => engine.add(a));
    expect(placed[2]!.storyId).toBe(placed[0]!.storyId);
    expect(placed[3]!.storyId).toBe(placed[1]!.storyId);
    expect(placed[0]!.storyId).not.toBe(placed[1]!.storyId);
    expect(engine.stories().map((s) => s.articleIds)).toEqual([
      ['quake-a', 'quake-b'],
      ['chips-a', 'chips-b'],
    ]);
  });

  it('derives story ids from the opening article and is deterministic', () => {
    const run = (): string[] => {
      const engine = createStoryEngine();
      return [...seedArticles(), QUAKE_A, QUAKE_B, KIEV, KYIV].map((a) => engine.add(a).storyId);
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first[0]).toBe(stableId('s-', '000'));
  });

  it('does not split a story over a name spelled two ways (Kiev/Kyiv)', () => {
    const engine = createStoryEngine();
    engine.add(CHIPS_A);
    const a = engine.add(KIEV);
    const b = engine.add(KYIV);
    expect(b.storyId).toBe(a.storyId);
    expect(engine.explain('kyiv')!.sharedNames).toEqual(expect.arrayContaining(['Kiev/Kyiv', 'Darnytsia', 'Klitschko']));
  });

  it('detects a lightly edited copy as a rewrite', () => {
    const engine = createStoryEngine();
    engine.add(QUAKE_A);
    engine.add(CHIPS_A);
    const edited = article(
      'quake-copy',
      'Magnitude 6.8 earthquake strikes southern Peru',
      QUAKE_A.text.replace('on Monday', 'early on Monday').replace('thousands', 'about 10,000 homes') + '\n\nShare this article',
    );
    const placed = engine.add(edited);
    expect(placed.rewriteOf).toBe('quake-a');
    expect(placed.storyId).toBe(engine.assignment('quake-a')!.storyId);
    const why = engine.explain('quake-copy')!;
    expect(why.decision).toBe('rewrite');
    expect(why.rewriteSimilarity).toBeGreaterThan(0.5);
  });

  it('places each article once: adding it again returns the same assignment', () => {
    const engine = createStoryEngine();
    const first = engine.add(QUAKE_A);
    expect(engine.add({ ...QUAKE_A, title: 'changed' })).toEqual(first);
    expect(engine.stories()).toHaveLength(1);
  });

  it('lets time decay keep a same-topic report years later out of an old story', () => {
    const run = (laterDate: string | null): boolean => {
      const engine = createStoryEngine();
      const old = engine.add({ ...QUAKE_A, published: QUAKE_A.published ?? '2015-03-02T10:00:00Z' });
      engine.add({ ...CHIPS_A, published: '2015-03-02T11:00:00Z' });
      return engine.add({ ...QUAKE_B, published: laterDate }).storyId === old.storyId;
    };
    expect(run('2015-03-03T08:00:00Z')).toBe(true);
    expect(run(null)).toBe(true);
    expect(run('2021-06-01T10:00:00Z')).toBe(false);
  });

  it('answers lookups for unknown ids with undefined', () => {
    const engine = createStoryEngine();
    expect(engine.assignment('x')).toBeUndefined();
    expect(engine.story('x')).toBeUndefined();
    expect(engine.explain('x')).toBeUndefined();
  });

  it('copes with empty and title-only articles', () => {
    const engine = createStoryEngine();
    const empty = engine.add(article('empty', '', ''));
    // Headlines alone are short texts: the placement model asks more overlap of them (its shortness features).
    const titleOnly = engine.add(article('t1', 'Nexora picks Dresden for 4 billion euro chip factory', ''));
    const titleOnly2 = engine.add(article('t2', 'Nexora picks Dresden for its new 4 billion euro chip factory', ''));
    expect(empty.rewriteOf).toBeNull();
    expect(titleOnly2.storyId).toBe(titleOnly.storyId);
    expect(engine.explain('empty')!.decision).toBe('new-story');
  });
});
