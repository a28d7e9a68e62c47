import { describe, expect, it } from 'vitest';
import { clusterCommand } from '../../src/cli/cluster-command.ts';
import { captureIo } from '../helpers.ts';
import { seedArticles } from './seed-articles.ts';

async function run(input: string, values: Record<string, boolean> = {}) {
  const io = captureIo({ cwd: '/', stdin: input });
  const code = await clusterCommand.run({ values, positionals: [], io });
  return { code, out: io.out(), err: io.err() };
}

const seedLines = seedArticles()
  .map((a) => JSON.stringify({ id: a.id, title: a.title, text: a.text, source: a.source, url: '', published: null }))
  .join('\n');

describe('news-digest cluster', () => {
  it('writes one JSON row per article with story and rewriteOf', async () => {
    const { code, out, err } = await run(`${seedLines}\n`, { json: true });
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = out.trim().split('\n').map((line) => JSON.parse(line) as { id: string; story: string; rewriteOf: string | null });
    expect(rows.map((r) => r.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(rows[1]).toEqual({ id: '001', story: rows[0]!.story, rewriteOf: '000' });
    expect(rows[3]!.story).toBe(rows[2]!.story);
    expect(rows[0]!.rewriteOf).toBeNull();
  });

  it('writes a table without --json', async () => {
    const { code, out } = await run(seedLines);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('id\tstory\trewriteOf');
    expect(lines[2]).toMatch(/^001\ts-[0-9a-f]{16}\t000$/);
  });

  it('reports a malformed line with its number and exit code 1, without a stack', async () => {
    const { code, out, err } = await run(`${seedLines.split('\n')[0]}\n\n{"id": "x", "title": oops}\n`, { json: true });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^news-digest cluster: line 3: not valid JSON/);
  });

  it('rejects rows without an id and duplicate ids', async () => {
    expect((await run('{"title": "t"}\n')).err).toContain('line 1: missing "id"');
    expect((await run('{"id": "a"}\n{"id": "a"}\n')).err).toContain('line 2: duplicate id "a"');
  });

  it('accepts an empty input', async () => {
    expect(await run('', { json: true })).toEqual({ code: 0, out: '', err: '' });
  });
});
