import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.ts';
import { EXTRACTIVE_DEFAULTS } from '../../src/summarize/defaults.ts';
import { createExtractiveSummarizer, summarizeStory } from '../../src/summarize/extractive.ts';
import { articleSentences, contentTerms, extractCandidates } from '../../src/summarize/candidates.ts';
import { buildConceptValues } from '../../src/summarize/concept-values.ts';
import { buildStoryModel } from '../../src/summarize/story-model.ts';
import { normalizePunctuation } from '../../src/text/normalize.ts';
import { seedArticles } from './seed-articles.ts';

const seeds = seedArticles();
const byId = new Map(seeds.map((a) => [a.id, a]));
const pick = (...ids: string[]): Article[] => ids.map((id) => byId.get(id)!);

// Lines from the seeds' site chrome; none may reach a headline or a summary sentence.
const BOILERPLATE = [
  /share/i, /legal disclaimer/i, /read the full article/i, /contributed to this article/i, /leave a reply/i,
  /exit mobile/i, /telegram/i, /sorry/i, /\b403\b/, /page you were looking for/i, /without warranty/i,
  /report spelling/i, /your comment/i, /\.\.\.$/, /author/i, /^comments?$/i,
];

function article(id: string, text: string, title = ''): Article {
  return { id, title, text, source: id, url: null, path: null, published: null };
}

function flat(text: string): string {
  return normalizePunctuation(text).replace(/\s+/g, ' ');
}

function jaccard(a: string, b: string): number {
  const x = new Set(contentTerms(a));
  const y = new Set(contentTerms(b));
  const shared = [...x].filter((t) => y.has(t)).length;
  return shared / Math.max(1, x.size + y.size - shared);
}

describe('extractive summarizer on the seeds', () => {
  const stories = [['000', '001'], ['002', '003'], ['002', '003', '004'], ['000', '001', '002', '003', '004'], ['002']];
  for (const ids of stories) {
    it(`story ${ids.join('+')}: no boilerplate, no repeats, real citations, budget kept`, () => {
      const budget = EXTRACTIVE_DEFAULTS.budget;
      const summary = summarizeStory({ articles: pick(...ids) }, budget);
      expect(summary.sentences.length).toBeGreaterThanOrEqual(budget.minSentences);
      expect(summary.sentences.length).toBeLessThanOrEqual(budget.maxSentences);
      const words = summary.sentences.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
      expect(words).toBeLessThanOrEqual(budget.maxWords);
      for (const text of [summary.headline, ...summary.sentences.map((s) => s.text)]) {
        for (const pattern of BOILERPLATE) expect(text, `${pattern} in "${text}"`).not.toMatch(pattern);
      }
      expect(summary.headline.split(/\s+/).length).toBeGreaterThanOrEqual(3);
      const texts = summary.sentences.map((s) => s.text);
      for (let i = 0; i < texts.length; i += 1) {
        for (let j = i + 1; j < texts.length; j += 1) expect(jaccard(texts[i]!, texts[j]!)).toBeLessThan(0.5);
      }
      for (const s of summary.sentences) {
        expect(s.sources.length).toBeGreaterThan(0);
        for (const id of s.sources) expect(ids).toContain(id);
        // The article a sentence came from is always among its sources.
        expect(ids.some((id) => s.sources.includes(id) && flat(byId.get(id)!.text).includes(s.text.slice(-40)))).toBe(true);
      }
    });
  }

  it('cites both 000 and its rewrite 001 for a sentence they both carry', () => {
    const summary = summarizeStory(
      { articles: pick('000', '001'), rewriteOf: new Map([['001', '000']]) },
      EXTRACTIVE_DEFAULTS.budget,
    );
    const shared = summary.sentences.filter((s) => s.sources.includes('000') && s.sources.includes('001'));
    expect(shared.length).toBeGreaterThanOrEqual(2);
  });

  it('never prints the block that 002 repeats twice', () => {
    const summary = summarizeStory({ articles: pick('002') }, { minSentences: 4, maxSentences: 8, maxWords: 400 });
    const texts = summary.sentences.map((s) => s.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeGreaterThanOrEqual(4);
  });

  it('picks a real title as headline, not the "403" of the error page', () => {
    const summary = summarizeStory({ articles: pick('002', '004') }, EXTRACTIVE_DEFAULTS.budget);
    expect(summary.headline).not.toBe('403');
    expect(summary.headline).toMatch(/NATO|Rutte|Ukraine/);
  });

  it('is exposed through the Summarizer port', async () => {
    const summarizer = createExtractiveSummarizer();
    const summary = await summarizer.summarize(
      { id: 's1', articles: pick('000', '001'), rewriteOf: new Map() },
      EXTRACTIVE_DEFAULTS.budget,
    );
    expect(summary.sentences.length).toBeGreaterThan(0);
  });
});

describe('selection rules', () => {
  const lead = 'The city council approved the new budget for public transport on Monday evening after a long debate.';
  const paraphrase = 'The city council approved a new public transport budget on Monday evening after long debate.';
  const other = 'Bus fares will fall by ten percent from March under the plan, the transport department said.';
  const third = 'Opposition members argued that the spending plan ignores the growing maintenance backlog of old trams.';

  it('MMR keeps only one of two near-duplicate sentences', () => {
    const story = [article('a', `${lead} ${other}`), article('b', `${paraphrase} ${third}`)];
    const summary = summarizeStory({ articles: story }, { minSentences: 2, maxSentences: 3, maxWords: 200 });
    const texts = summary.sentences.map((s) => s.text);
    expect(texts.includes(lead) && texts.includes(paraphrase)).toBe(false);
    expect(texts.includes(lead) || texts.includes(paraphrase)).toBe(true);
    // The kept one is carried by both outlets.
    const kept = summary.sentences.find((s) => s.text === lead || s.text === paraphrase)!;
    expect([...kept.sources].sort()).toEqual(['a', 'b']);
  });

  it('avoids a sentence that opens with an unresolved pronoun', () => {
    const pronoun = 'He said the council approved the new budget for public transport after a long debate on Monday.';
    const story = [
      article('a', `Residents gathered outside the town hall before the vote. ${pronoun}`),
      article('b', `${lead} ${other}`),
    ];
    const summary = summarizeStory({ articles: story }, { minSentences: 1, maxSentences: 3, maxWords: 200 });
    expect(summary.sentences.map((s) => s.text)).not.toContain(pronoun);
  });

  it('keeps a quotation whole even when it contains a sentence break', () => {
    const quoted = '"There are many ways to do this... But for us it would be difficult. We will advise," the minister said.';
    expect(articleSentences(`The talks ended on Friday. ${quoted} Officials left the city.`)).toEqual([
      'The talks ended on Friday.',
      quoted,
      'Officials left the city.',
    ]);
    const summary = summarizeStory(
      { articles: [article('a', `${quoted} ${other}`), article('b', `${quoted} ${third}`)] },
      { minSentences: 1, maxSentences: 3, maxWords: 200 },
    );
    for (const s of summary.sentences) expect((s.text.match(/"/g) ?? []).length % 2).toBe(0);
    expect(summary.sentences.map((s) => s.text)).toContain(quoted);
  });

  it('strips wire datelines, in capitals or in title case with the agency, and nothing else', () => {
    const texts = (body: string): string[] => extractCandidates([article('a', body)], EXTRACTIVE_DEFAULTS).map((c) => c.text);
    expect(texts('WASHINGTON (Reuters) - The Senate passed the bill on Tuesday after a long debate.')).toEqual([
      'The Senate passed the bill on Tuesday after a long debate.',
    ]);
    expect(texts('Washington (CNN) \u2014 Dr. Anthony Fauci told lawmakers Tuesday that testing will increase.')).toEqual([
      'Dr. Anthony Fauci told lawmakers Tuesday that testing will increase.',
    ]);
    const named = 'Sen. Rand Paul (R-Ky.) - a frequent critic - questioned Dr. Anthony Fauci at the hearing.';
    expect(texts(named)).toEqual([named]);
  });

  it('treats a quotation without an attribution as leaning on the sentence before it', () => {
    const speaker = 'Pope Francis defended the rights of gay people to form families in a documentary released on Wednesday.';
    const bare = '"They are children of God and have a right to a family. Nobody should be thrown out because of it."';
    const attributed = '"They are children of God and have a right to a family," the pope said in the documentary.';
    const [own, next, said] = extractCandidates([article('a', `${speaker} ${bare} ${attributed}`)], EXTRACTIVE_DEFAULTS);
    expect(own!.dependent).toBe(false);
    expect(next!.dependent).toBe(true);
    expect(said!.dependent).toBe(false);
    // Two outlets carry the quotation, so it is worth a place, but only right after the sentence naming its
    // speaker (article b has the quote first, with no speaker before it).
    const summary = summarizeStory(
      { articles: [article('a', `${speaker} ${bare}`), article('b', `${bare} ${other}`)] },
      { minSentences: 1, maxSentences: 3, maxWords: 200 },
    );
    const texts = summary.sentences.map((s) => s.text);
    expect(texts).toContain(bare);
    expect(texts.indexOf(speaker)).toBe(texts.indexOf(bare) - 1);
  });

  it('respects small budgets and never cuts a sentence', () => {
    const story = [article('a', `${lead} ${other} ${third}`)];
    const summary = summarizeStory({ articles: story }, { minSentences: 1, maxSentences: 4, maxWords: 40 });
    const words = summary.sentences.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
    expect(words).toBeLessThanOrEqual(40);
    for (const s of summary.sentences) expect([lead, other, third]).toContain(s.text);
  });
});

describe('coverage selection', () => {
  const shared = 'Storm Harvey made landfall in Louisiana on Wednesday after flooding Houston for four days.';
  const sharedToo = 'Harvey made landfall in Louisiana on Wednesday, the National Hurricane Center said in a statement.';
  const colour = 'A local bakery in a small village far away reopened its doors to customers after renovations.';

  it('values a word pair that several outlets open with above one that a single article mentions late', () => {
    const story = [article('a', `${shared} Officials said shelters were open.`), article('b', `${sharedToo} ${colour}`)];
    const model = buildStoryModel(story, EXTRACTIVE_DEFAULTS);
    const values = buildConceptValues(model.candidates, story, model.byArticle.map((a) => a.length));
    const valueOf = (c: (typeof model.candidates)[number]): number => {
      const ids = values.conceptsOf[model.candidates.indexOf(c)]!;
      return [...ids].reduce((s, id) => s + values.values[id]!, 0) / Math.max(1, ids.length);
    };
    const lead = model.candidates.find((c) => c.text === shared)!;
    const late = model.candidates.find((c) => c.text === colour)!;
    expect(valueOf(lead)).toBeGreaterThan(2 * valueOf(late));
  });

  it('takes the shared fact and leaves out the unrelated filler when the budget allows only one', () => {
    const story = [article('a', `${shared} Officials said shelters were open.`), article('b', `${colour} ${sharedToo}`)];
    const summary = summarizeStory({ articles: story }, { minSentences: 1, maxSentences: 3, maxWords: 20 });
    const texts = summary.sentences.map((s) => s.text);
    expect(texts).toHaveLength(1);
    expect([shared, sharedToo]).toContain(texts[0]);
  });

  it('still returns the minimum number of sentences when a second one dilutes the summary', () => {
    const story = [article('a', `${shared} ${colour}`)];
    const summary = summarizeStory({ articles: story }, { minSentences: 2, maxSentences: 2, maxWords: 60 });
    expect(summary.sentences).toHaveLength(2);
  });
});
