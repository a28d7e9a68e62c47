import { describe, expect, it } from 'vitest';
import { words } from '../../src/text/tokens.ts';
import type { Article } from '../../src/domain/article.ts';
import { summarizeStory } from '../../src/summarize/extractive.ts';
import { trimmedVariants } from '../../src/summarize/trim.ts';

const limits = { minSentenceWords: 6, maxSentenceWords: 70, minTrimmedWords: 10 };
const article = (id: string, text: string): Article => ({ id, title: '', text, source: id, url: null, path: null, published: null });
const variants = (text: string): string[] => trimmedVariants({ text, tokens: words(text) }, limits).map((v) => v.text);

describe('trimmedVariants', () => {
  it('drops a trailing attribution, participle or relative clause and keeps the main clause', () => {
    expect(variants('Pfizer and BioNTech requested emergency authorization of their vaccine for children ages 5 to 11, the companies announced Thursday.')).toEqual([
      'Pfizer and BioNTech requested emergency authorization of their vaccine for children ages 5 to 11.',
    ]);
    expect(variants('House leaders urged members Thursday to support the latest version of the bill, saying the parties negotiated in good faith.')).toEqual([
      'House leaders urged members Thursday to support the latest version of the bill.',
    ]);
    expect(
      variants('The Attorney General has uncovered $1 billion in wire transfers by the Sackler family, which owns Purdue Pharma, which could suggest attempts to hide its wealth.'),
    ).toEqual([
      'The Attorney General has uncovered $1 billion in wire transfers by the Sackler family, which owns Purdue Pharma.',
      'The Attorney General has uncovered $1 billion in wire transfers by the Sackler family.',
    ]);
  });

  it('never cuts a list, a second main clause, a quotation or a too-short remainder', () => {
    expect(variants('Violence underlined the perils ahead for a country already buffeted by insecurity, a humanitarian crisis and a terrorist threat.')).toEqual([]);
    expect(variants('The council voted to disband the police department on Sunday evening, but the mayor opposed the move.')).toEqual([]);
    expect(variants('"We will defend the island from pressure for reunification," the president said, according to state media.')).toEqual([]);
    expect(variants('Cuomo declared an emergency, which he said is claiming more lives than Covid-19.')).toEqual([]);
  });

  it('keeps the tokens of the trimmed text a prefix of the sentence tokens', () => {
    const text = 'The U.S. military shot down rockets aimed at the Kabul airport on Monday morning, a day after it said that one of its drones struck a vehicle.';
    const [variant] = trimmedVariants({ text, tokens: words(text) }, limits);
    expect(variant?.text).toBe('The U.S. military shot down rockets aimed at the Kabul airport on Monday morning.');
    expect(words(text).slice(0, variant!.tokenCount)).toEqual(words(variant!.text));
  });

  it('recovers the main clause of an excerpt cut off mid-sentence', () => {
    expect(variants('The national debt surpassed $22 trillion for the first time on Tuesday, a milestone that experts warned is further proof the country is on an unsustainable')).toEqual([
      'The national debt surpassed $22 trillion for the first time on Tuesday.',
    ]);
    expect(variants('A scheme to falsely implicate the special counsel in misconduct has been referred to the FBI for review,')).toEqual([
      'A scheme to falsely implicate the special counsel in misconduct has been referred to the FBI for review.',
    ]);
    // No comma to cut at: nothing whole is left.
    expect(variants('Voters headed to the polls Tuesday to determine the balance of power in Washington and across the')).toEqual([]);
  });

  it('lets coverage selection use the recovered clause when every sentence of the story was cut off', () => {
    const story = [
      article('a', 'The national debt surpassed $22 trillion for the first time on Tuesday, a milestone that experts warned is further proof the country is on an unsustainable'),
      article('b', 'The national debt topped $22 trillion for the first time on Tuesday, according to Treasury data released on'),
    ];
    const summary = summarizeStory({ articles: story }, { minSentences: 1, maxSentences: 3, maxWords: 60 });
    expect(summary.sentences.length).toBeGreaterThan(0);
    for (const s of summary.sentences) expect(s.text).toMatch(/on Tuesday\.$/);
  });

  it('falls back to the best cut-off sentence, with an ellipsis, when nothing else is usable', () => {
    const story = [
      article('a', 'Voters headed to the polls Tuesday to determine the balance of power in Washington and across the'),
      article('b', 'Voters went to the polls on Tuesday in a midterm election seen as a referendum on the president and his'),
      article('c', 'Share this story with your friends and followers on every social network you'),
    ];
    const summary = summarizeStory({ articles: story }, { minSentences: 1, maxSentences: 3, maxWords: 60 });
    expect(summary.sentences).toHaveLength(1);
    expect(summary.sentences[0]!.text).toMatch(/^Voters .* the polls .*[a-z]\.\.\.$/);
  });
});

