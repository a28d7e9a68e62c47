import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.ts';
import { EXTRACTIVE_DEFAULTS } from '../../src/summarize/defaults.ts';
import { summarizeStory } from '../../src/summarize/extractive.ts';
import { onlyHere, whatsNew } from '../../src/summarize/updates.ts';
import { seedArticles } from './seed-articles.ts';

const seeds = new Map(seedArticles().map((a) => [a.id, a]));
const pick = (...ids: string[]): Article[] => ids.map((id) => seeds.get(id)!);

describe('whatsNew', () => {
  const first = pick('002', '003');
  const posted = { sentences: summarizeStory({ articles: first }, EXTRACTIVE_DEFAULTS.budget).sentences, articleIds: first.map((a) => a.id) };

  it('returns null when no article was added', () => {
    expect(whatsNew(posted, { articles: first })).toBeNull();
  });

  it('returns null when the added article only rewrites what was known', () => {
    const [a, b] = pick('000', '001');
    const before = { sentences: summarizeStory({ articles: [a!] }, EXTRACTIVE_DEFAULTS.budget).sentences, articleIds: [a!.id] };
    // 001 is a sentence-by-sentence rewrite of 000: nothing in it is news once 000 was known.
    const update = whatsNew(before, { articles: [a!, b!], rewriteOf: new Map([['001', '000']]) });
    expect(update?.sentences.map((s) => s.text) ?? null).toBeNull();
  });

  it('treats a declared rewrite as old news as a whole; the same text undeclared is judged sentence by sentence', () => {
    const [a, b] = pick('000', '001');
    const before = { sentences: summarizeStory({ articles: [a!] }, EXTRACTIVE_DEFAULTS.budget).sentences, articleIds: [a!.id] };
    const added = 'Rutte also said NATO defence ministers will meet in Brussels next week to speed up air defence deliveries to Ukraine.';
    const longer = { ...b!, text: `${b!.text}\n\n${added}` };
    // Declared (the near-duplicate index said 001 rewrites 000): the report was known, whatever its wording.
    expect(whatsNew(before, { articles: [a!, longer], rewriteOf: new Map([['001', '000']]) })).toBeNull();
    // Not declared: each sentence is judged on its own, by word overlap, and a loose paraphrase of 000 ("sought
    // NATO membership") passes for news: the declaration, not a threshold tuned under one pair, decides above.
    const update = whatsNew(before, { articles: [a!, longer] });
    expect(update).not.toBeNull();
    expect(update!.sentences.every((s) => s.sources.includes('001'))).toBe(true);
  });

  it('reports only new information from the added article, cited to it', () => {
    const update = whatsNew(posted, { articles: [...first, seeds.get('004')!] });
    expect(update).not.toBeNull();
    expect(update!.newArticleIds).toEqual(['004']);
    expect(update!.sentences.length).toBeGreaterThan(0);
    const postedTexts = new Set(posted.sentences.map((s) => s.text));
    for (const s of update!.sentences) {
      expect(postedTexts.has(s.text)).toBe(false);
      expect(s.sources).toContain('004');
      expect(seeds.get('004')!.text.replace(/\s+/g, ' ')).toContain(s.text.slice(-30));
    }
  });
});

describe('onlyHere', () => {
  it('finds sentences a single article carries, and none shared by 000 and its rewrite 001', () => {
    const story = { articles: pick('000', '001', '004'), rewriteOf: new Map([['001', '000']]) };
    const found = onlyHere(story);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(EXTRACTIVE_DEFAULTS.onlyHereLimit);
    for (const { articleId, sentence } of found) {
      expect(['000', '001', '004']).toContain(articleId);
      // The Witkoff meeting is in both 000 and 001, so it is not "only here".
      expect(sentence).not.toMatch(/Witkoff, met/);
    }
    expect(found.some((f) => f.articleId === '004')).toBe(true);
  });

  it('leaves out what the summary above already says, also in other words', () => {
    const story = { articles: pick('000', '004') };
    const found = onlyHere(story);
    const offTheTable = found.find((f) => /off the table/.test(f.sentence));
    expect(offTheTable?.articleId).toBe('000');
    // The summary took the same fact from the rewrite 001, in its words.
    const fromRewrite =
      "Secretary General Mark Rutte has confirmed that NATO membership for Kiev is not being considered in the US and Russia's efforts to achieve peace in the Ukraine conflict.";
    const without = onlyHere(story, undefined, [fromRewrite]);
    expect(without.map((f) => f.sentence)).not.toContain(offTheTable!.sentence);
    expect(without.length).toBeGreaterThan(0);
    // Unrelated summary text takes nothing away.
    expect(onlyHere(story, undefined, ['Markets rose on Friday.'])).toEqual(found);
  });

  it('is empty when every article comes from one outlet, and compares outlets, not articles', () => {
    const as = (source: string, ...ids: string[]): Article[] => pick(...ids).map((a) => ({ ...a, source }));
    expect(onlyHere({ articles: as('The Guardian', '000', '004') })).toEqual([]);
    // Case and spacing do not make a second outlet.
    expect(onlyHere({ articles: [...as('The Guardian', '000'), ...as(' the  guardian', '004')] })).toEqual([]);
    const twoOutlets = onlyHere({ articles: [...as('The Guardian', '000'), ...as('Pravda.Ru', '004')] });
    expect(twoOutlets.length).toBeGreaterThan(0);
    // 000 and its rewrite 001 both say NATO membership is "off the table". From one outlet, that fact is
    // still only that outlet's; from two outlets, it is not exclusive.
    const sameOutlet = onlyHere({ articles: [...as('The Guardian', '000', '001'), ...as('Pravda.Ru', '004')] });
    expect(sameOutlet.some((f) => /off the table/.test(f.sentence))).toBe(true);
    const threeOutlets = onlyHere({ articles: [...as('The Guardian', '000'), ...as('TROIB', '001'), ...as('Pravda.Ru', '004')] });
    expect(threeOutlets.some((f) => /off the table/.test(f.sentence))).toBe(false);
  });

  it('is empty for a one-article story', () => {
    expect(onlyHere({ articles: pick('004') })).toEqual([]);
  });
});
