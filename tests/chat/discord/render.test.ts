import { describe, expect, it } from 'vitest';
import { escapeDiscord, safeUrl, truncate } from '../../../src/chat/discord/escape.ts';
import { embedLength } from '../../../src/chat/discord/embed-parts.ts';
import { renderDiscordStory, renderDiscordUpdate } from '../../../src/chat/discord/render.ts';
import { chunkLines, renderDiscordDigest, renderDiscordReply } from '../../../src/chat/discord/render-reply.ts';
import type { DigestStory } from '../../../src/domain/digest.ts';
import { expectWithinLimits, liveMentions } from './limits-check.ts';
import { article, story } from './stories.ts';

describe('escaping', () => {
  it('makes markdown, mentions and line-start syntax literal', () => {
    expect(escapeDiscord('**bold** _it_ ~~s~~ `c` ||spoiler|| [x](y)')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\| \\[x\\](y)',
    );
    expect(escapeDiscord('<@123456789> <@&42> <#7> <t:0:R>')).toBe('\\<@123456789> \\<@&42> \\<#7> \\<t:0:R>');
    expect(escapeDiscord('hi @everyone and @Here')).toBe('hi @\u200beveryone and @\u200bHere');
    expect(escapeDiscord('# Head\n> quote\n- item\n1. first\n-# small')).toBe(
      '\\# Head\n\\> quote\n\\- item\n1\\. first\n\\-# small',
    );
    expect(escapeDiscord('a\\b')).toBe('a\\\\b');
    expect(liveMentions(escapeDiscord('\\<@123456789012345678>'))).toEqual([]);
    expect(escapeDiscord('bad \ud800 half')).toBe('bad \ufffd half');
  });

  it('cuts without splitting a surrogate pair or leaving a dangling backslash', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('ab\\*cd', 4)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('links only plain http(s) URLs, with parentheses and @ encoded', () => {
    expect(safeUrl('https://example.com/a_(b)?q=@everyone')).toBe('https://example.com/a_%28b%29?q=%40everyone');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://user:pw@example.com/')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(`https://example.com/${'a'.repeat(600)}`)).toBeNull();
  });
});

describe('renderDiscordStory', () => {
  it('renders headline, linked markers, one field per source and coverage in the footer', () => {
    const message = renderDiscordStory(story('s1'));
    const [embed] = message.embeds;
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(message.content).toBe('📰 NATO rules out \\*membership\\* for Ukraine (s1)');
    expect(embed?.title).toBe('NATO rules out \\*membership\\* for Ukraine (s1)');
    expect(embed?.url).toBe('https://example.com/a');
    expect(embed?.description).toBe(
      'Rutte said membership is off the table. [[1]](https://example.com/a)[[2]](https://example.org/c) ' +
        'Only one outlet reports this @\u200beveryone. [[2]](https://example.org/c)',
    );
    expect(embed?.fields).toEqual([
      { name: '[1] RT', value: '[Title s1-a](https://example.com/a)\nalso republished by TROIB' },
      { name: '[2] MENAFN', value: '[Title s1-c](https://example.org/c)' },
    ]);
    expect(embed?.footer?.text).toBe('2 sources (+1 republished) · first seen 14 Mar 2025 · updated 15 Mar 2025');
    expectWithinLimits(message);
  });

  it('leaves markers plain when the source has no web address', () => {
    const s = story('s2', {
      sources: [{ n: 1, article: article('x', 'Local file', null), rewrites: [] }],
      summary: [{ text: 'From a file.', sources: ['x'], markers: [1] }],
    });
    const [embed] = renderDiscordStory(s).embeds;
    expect(embed?.description).toBe('From a file. [1]');
    expect(embed?.url).toBeUndefined();
    expect(embed?.fields?.[0]?.value).toBe('Title x');
  });

  it('shows only-here lines when the story carries them, ignores a malformed field', () => {
    const withLines = { ...story('s3'), onlyHere: [{ source: 'MENAFN', text: 'A detail @here only they report.' }] };
    const [embed] = renderDiscordStory(withLines).embeds;
    expect(embed?.fields?.[0]).toEqual({ name: 'Single-source reports', value: 'Only MENAFN reports: A detail @\u200bhere only they report.' });
    // Stored stories from older versions (or bad JSON) may carry anything: the guard skips it.
    const malformed = { ...story('s4'), onlyHere: [{ source: 1 }] } as unknown as DigestStory;
    expect(renderDiscordStory(malformed).embeds[0]?.fields?.map((f) => f.name)).toEqual(['[1] RT', '[2] MENAFN']);
  });

  it('keeps 6,000 characters with a 10k summary and 200 sources, naming the rest', () => {
    const sources = Array.from({ length: 200 }, (_, i) => ({
      n: i + 1,
      article: article(`a${i}`, `Outlet ${i + 1}`, `https://example.com/${i}`, 'T'.repeat(300)),
      rewrites: [],
    }));
    const long = story('s5', {
      headline: 'H'.repeat(1000),
      sources,
      summary: Array.from({ length: 20 }, (_, i) => ({ text: 'word '.repeat(100), sources: [], markers: [i + 1, i + 2] })),
    });
    const message = renderDiscordStory(long);
    expectWithinLimits(message);
    const [embed] = message.embeds;
    expect(embed?.title?.endsWith('…')).toBe(true);
    expect(embed?.description?.length).toBeGreaterThan(3000);
    expect(embed?.fields?.at(-1)?.name).toBe('More sources');
    expect(embed?.fields?.at(-1)?.value).toMatch(/and \d+ more$/);
  });
});

describe('renderDiscordUpdate', () => {
  it('says only what is new: the added sources and the new sentences', () => {
    const base = story('u1');
    const grown = {
      ...base,
      sources: [...base.sources, { n: 3, article: article('u1-d', 'AP', 'https://ap.example/d'), rewrites: [] }],
      articleCount: 4,
    };
    const message = renderDiscordUpdate({
      story: grown,
      newSentences: [{ text: 'AP adds that talks resume Monday.', sources: ['u1-d'], markers: [3] }],
      newSources: [3],
    });
    expect(message.content).toBe('+1 source: AP');
    const [embed] = message.embeds;
    expect(embed?.description).toBe('AP adds that talks resume Monday. [[3]](https://ap.example/d)');
    expect(embed?.description).not.toContain('Rutte');
    expect(embed?.fields?.map((f) => f.name)).toEqual(['[3] AP']);
    expect(embed?.footer?.text).toBe('now 3 sources (+1 republished)');
    expectWithinLimits(message);
  });
});

describe('renderDiscordReply and digests', () => {
  it('escapes text and items into the content', () => {
    const [message, ...rest] = renderDiscordReply({ visibility: 'ephemeral', text: 'Feeds *here*:', items: ['@everyone feed', 'b'] });
    expect(rest).toEqual([]);
    expect(message?.content).toBe('Feeds \\*here\\*:\n• @\u200beveryone feed\n• b');
    expect(message?.allowedMentions).toEqual({ parse: [] });
  });

  it('splits 12 stories into messages of at most 10 embeds, and long lists over a few messages', () => {
    const stories = Array.from({ length: 12 }, (_, i) => story(`d${i}`));
    const messages = renderDiscordReply({ visibility: 'channel', text: 'Preview', stories });
    expect(messages.map((m) => m.embeds.length)).toEqual([10, 2]);
    expect(messages[0]?.content).toBe('Preview');
    const items = Array.from({ length: 1000 }, (_, i) => `feed ${i} https://example.com/feed/${i}`);
    const list = renderDiscordReply({ visibility: 'ephemeral', items });
    expect(list.length).toBe(4);
    expect(list.at(-1)?.content).toMatch(/… and \d+ more$/);
    for (const m of list) expectWithinLimits(m);
  });

  it('packs a digest by the 6,000 total as well as the embed count', () => {
    const big = (id: string) => story(id, { summary: [{ text: 'x '.repeat(2000), sources: [], markers: [1] }] });
    const messages = renderDiscordDigest({ generatedAt: '2025-03-15T08:00:00Z', stories: [big('a'), big('b'), big('c')] });
    expect(messages.length).toBe(3);
    for (const m of messages) {
      expect(m.embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(6000);
      expectWithinLimits(m);
    }
  });

  it('keeps the handlers\' `code` spans and breaks mentions inside them', () => {
    const [message] = renderDiscordReply({ visibility: 'ephemeral', text: 'Usage: `/feeds add <url>` or *not* `@everyone <@123456789>`' });
    expect(message?.content).toBe('Usage: `/feeds add <url>` or \\*not\\* `@\u200beveryone <\u200b@123456789>`');
    expect(liveMentions(message?.content ?? '')).toEqual([]);
  });

  it('never sends an empty message', () => {
    expect(renderDiscordReply({ visibility: 'ephemeral' })[0]?.content).toBe('Done.');
    expect(chunkLines([], 2000, 4)).toEqual([]);
  });
});
