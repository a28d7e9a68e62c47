// Cleaning on the five seeds (real scraped articles) and on hand-made cases.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_RULES } from '../../src/ingest/boilerplate-rules.ts';
import { cleanArticleText, cleanTitle, isBoilerplateLine, splitPlainText } from '../../src/ingest/clean.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const seedNames = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
const seed = (prefix: string): string => readFileSync(join(SEEDS, seedNames.find((n) => n.startsWith(prefix))!), 'utf8');
const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('cleaning the seeds', () => {
  it.each(seedNames)('%s: no boilerplate line survives in the title or body', (name) => {
    const { title, text } = splitPlainText(readFileSync(join(SEEDS, name), 'utf8'));
    expect(title).not.toBe('');
    expect(isBoilerplateLine(title)).toBe(false);
    for (const paragraph of text.split('\n\n')) expect(isBoilerplateLine(paragraph), paragraph).toBe(false);
    expect(text).not.toMatch(/[\u2018\u2019\u201C\u201D]/);
    expect(text).not.toMatch(/\n{3,}| {2,}/);
  });

  it('000: share and reply footers go, the report stays', () => {
    const { title, text } = splitPlainText(seed('000'));
    expect(title).toBe("Russia has long identified Kiev's aspirations to join the bloc as among the key causes of the conflict");
    for (const gone of ['share this story', 'Read the full article', 'Share.', 'Leave A Reply', 'Exit mobile version']) {
      expect(text).not.toContain(gone);
    }
    expect(text).toContain('NATO membership for Kiev is off the table');
    expect(text).toContain('"There are many ways to [provide security guarantees]... But for NATO');
    expect(text.endsWith("ready to discuss Trump's ceasefire proposal.")).toBe(true);
  });

  it('001: the headline is the title, the teaser that repeats the lead and the credit go', () => {
    const { title, text } = splitPlainText(seed('001'));
    expect(title).toBe("NATO Leader States Ukraine's Membership is Not Considered");
    expect(text).not.toContain('Russia has long regarded');
    expect(text).not.toContain('contributed to this article');
    expect(text.startsWith('Secretary General Mark Rutte has confirmed')).toBe(true);
    expect(text).toContain('he explained.');
  });

  it('002: the error banner, the block printed twice and the disclaimer go', () => {
    const { title, text } = splitPlainText(seed('002'));
    expect(title).toBe('NATO director excludes Ukrainian membership under peace agreement');
    for (const gone of ['403', 'Sorry!!', "doesn't exist", 'Legal Disclaimer', 'without warranty', 'kindly contact', 'Comments', 'No comment']) {
      expect(text).not.toContain(gone);
    }
    expect(count(text, "Russia has long opposed Ukraine's NATO ambitions")).toBe(1);
    expect(count(text, 'Moscow has repeatedly opposed the idea of sending Western troops')).toBe(1);
    expect(text.startsWith('(MENAFN) NATO Secretary General Mark Rutte')).toBe(true);
    expect(text.split('\n\n')).toHaveLength(5);
  });

  it('003: a long first line is a lead: the title is cut from it and it stays in the body', () => {
    const { title, text } = splitPlainText(seed('003'));
    expect(title.startsWith('RT reported that on April 5, NATO Secretary General Mark Rutte')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(125);
    expect(text.startsWith('RT reported that on April 5')).toBe(true);
    expect(text).toContain('Dmitry Medvedev warned');
  });

  it('004: the telegram footer, credits and report form go; quotes and the encyclopedia paragraph stay', () => {
    const { title, text } = splitPlainText(seed('004'));
    expect(title).toBe('NATO pedals back on Ukraine: Putin is a strong negotiator who can secure peace deal');
    for (const gone of ['Subscribe', 'Telegram', "Author's name", 'Editor Dmitry', 'Report spelling error', 'Error page url', 'Text containing error', 'Your comment']) {
      expect(text).not.toContain(gone);
    }
    expect(text).toContain('"If we ultimately want to reach a peace agreement, we need him."');
    // The NATO paragraph under "Details" is real text (no rule deletes it; see boilerplate-rules.test.ts).
    expect(text.endsWith("The organization's strategic concepts include deterrence.")).toBe(true);
  });
});

describe('cleanArticleText', () => {
  it('normalizes quotes, dashes, spaces and line ends', () => {
    expect(cleanArticleText('\uFEFF\u201CYes,\u201D she said \u2014 twice.\r\n\r\n  It\u2019s  \u00A0done.  ')).toBe(
      '"Yes," she said - twice.\n\nIt\'s done.',
    );
  });

  it('joins hard-wrapped lines but keeps one-paragraph-per-line text apart', () => {
    expect(cleanArticleText('The minister said the talks\nwould resume next week.\nA second paragraph.')).toBe(
      'The minister said the talks would resume next week.\n\nA second paragraph.',
    );
  });

  it('collapses a block printed twice, wherever the copy is', () => {
    const block = 'First paragraph of the block.\nSecond paragraph of the block.';
    expect(cleanArticleText(`Lead.\n${block}\n${block}\nEnd.`)).toBe(
      'Lead.\n\nFirst paragraph of the block.\n\nSecond paragraph of the block.\n\nEnd.',
    );
  });

  it('drops a teaser whose cut-off sentence reappears, keeps an ellipsis that ends a quote', () => {
    const lead = 'The central bank raised rates by half a point on Thursday to fight inflation.';
    expect(cleanArticleText(`Markets fell. The central bank raised rates by half a point...\n${lead}`)).toBe(lead);
    const kept = 'He paused and said: "We will see what happens next and then we decide..."';
    expect(cleanArticleText(`${kept}\nOther text.`)).toBe(`${kept}\n\nOther text.`);
  });

  it('no block starts at a blank line (dropBoilerplateLines keeps blank lines without trying the rules)', () => {
    for (const rule of BLOCK_RULES) expect(rule.start.test(''), rule.why).toBe(false);
  });

  it('collapses space runs wherever they are, and only trims when there are none', () => {
    expect(cleanArticleText(' One\ttwo.\n\nThree  four -  five.\f\n\n\vSix. ')).toBe('One two.\n\nThree four - five.\n\nSix.');
    expect(cleanArticleText(' One two. \n\n\u00A0Three four. ')).toBe('One two.\n\nThree four.');
  });

  it('returns an empty string for boilerplate only', () => {
    expect(cleanArticleText('Share.\nLeave A Reply\n\nExit mobile version')).toBe('');
  });
});

describe('cleanTitle', () => {
  it.each([
    ['Rutte rules out NATO seat for Kyiv | Reuters', 'Rutte rules out NATO seat for Kyiv'],
    ['Rutte rules out NATO seat for Kyiv - BBC News', 'Rutte rules out NATO seat for Kyiv'],
    ['Rutte rules out NATO seat \u2014 The Guardian', 'Rutte rules out NATO seat'],
    ['Talks resume | World | example.com', 'Talks resume'],
    ['Ukraine war - live updates', 'Ukraine war - live updates'],
    ['Biden - Putin', 'Biden - Putin'],
    ['  \u201CPeace\u201D   talks\n resume  ', '"Peace" talks resume'],
  ])('%j -> %j', (raw, expected) => {
    expect(cleanTitle(raw)).toBe(expected);
  });
});
