import { describe, expect, it } from 'vitest';
import { summarizeCommand } from '../../src/cli/summarize-command.ts';
import { captureIo } from '../helpers.ts';

function fakeIo(input: string) {
  const io = captureIo({ cwd: '/', stdin: input });
  return { io, out: io.out, err: io.err };
}

const row = {
  id: 'story-1',
  articles: [
    {
      title: 'Council approves transport budget - City Times',
      text: 'The city council approved the new budget for public transport on Monday evening after a long debate. Bus fares will fall by ten percent from March under the plan, the transport department said.\n\nShare this article on Facebook.',
      source: 'City Times',
      url: 'https://example.com/a',
    },
    {
      title: 'Transport budget passes',
      text: 'The city council approved a new public transport budget on Monday evening after a long debate. Opposition members argued that the spending plan ignores the growing maintenance backlog of old trams.',
      source: 'Daily',
      url: 'https://example.org/b',
    },
  ],
};

describe('news-digest summarize', () => {
  it('writes one JSON summary per row with sources as article indexes', async () => {
    const { io, out, err } = fakeIo(`${JSON.stringify(row)}\n\n${JSON.stringify({ ...row, id: 2 })}\n`);
    const code = await summarizeCommand.run({ values: { json: true, words: '60' }, positionals: [], io });
    expect(err()).toBe('');
    expect(code).toBe(0);
    const lines = out().trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; headline: string; summary: { text: string; sources: number[] }[] });
    expect(lines.map((l) => l.id)).toEqual(['story-1', 2]);
    const first = lines[0]!;
    expect(first.headline).toBe('Council approves transport budget');
    const words = first.summary.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
    expect(words).toBeLessThanOrEqual(60);
    expect(first.summary.some((s) => s.sources.join() === '0,1')).toBe(true);
    for (const s of first.summary) {
      expect(s.text).not.toMatch(/share/i);
      for (const i of s.sources) expect([0, 1]).toContain(i);
    }
  });

  it('prints readable text with [n] markers without --json', async () => {
    const { io, out } = fakeIo(JSON.stringify(row));
    expect(await summarizeCommand.run({ values: {}, positionals: [], io })).toBe(0);
    expect(out()).toMatch(/^story-1: Council approves transport budget\n {2}- .+\[1\]\[2\]/);
  });

  it('names the line of a malformed row in a one-line error', async () => {
    const { io, out, err } = fakeIo(`${JSON.stringify(row)}\n{"id": 3, "articles": [\n`);
    const code = await summarizeCommand.run({ values: { json: true }, positionals: [], io });
    expect(code).toBe(1);
    expect(err()).toMatch(/^news-digest summarize: line 2: not valid JSON/);
    expect(err().trim().split('\n')).toHaveLength(1);
    expect(out().trim().split('\n')).toHaveLength(1);
  });

  it('rejects a row without articles, naming the field', async () => {
    const { io, err } = fakeIo('{"id": 1, "stories": []}\n');
    expect(await summarizeCommand.run({ values: {}, positionals: [], io })).toBe(1);
    expect(err()).toMatch(/line 1: articles: /);
  });
});
