// The file source on a temporary folder holding every supported format and every kind of bad file.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.ts';
import { stableId } from '../../src/domain/ids.ts';
import { readArticleFiles } from '../../src/ingest/file-source.ts';

const PARAGRAPH = 'The council approved the new budget on Tuesday after a long debate about schools and roads.';

const HTML = `<!doctype html><html><head><meta charset="utf-8">
<title>Council passes budget | Example Times</title>
<meta property="og:title" content="Council passes budget after long debate - Example Times">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2025-03-14T09:30:00+01:00">
<link rel="canonical" href="https://www.example.com/news/budget?utm=x">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Council passes budget</h1>
<p>${PARAGRAPH}</p>
<p>The mayor said the plan would add three new bus lines and repair twenty bridges over the next two years, paid for by a small rise in property tax.</p>
<p>Opposition members said the rise was too steep for families already struggling with higher rents and energy bills this winter.</p>
<p>Share this article</p>
</article><footer>Copyright 2025 Example Times</footer></body></html>`;

let dir: string;
let result: Awaited<ReturnType<typeof readArticleFiles>>;
const byPath = (name: string): Article | undefined => result.articles.find((a) => a.path === join(dir, name));
const problem = (name: string): string | undefined => result.problems.find((p) => p.path === join(dir, name))?.reason;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'file-source-'));
  const write = (name: string, content: string | Buffer): void => writeFileSync(join(dir, name), content);
  write('a-plain.txt', `\uFEFF403\nSorry!!\nCouncil passes budget\n${PARAGRAPH}\nShare.\nLeave A Reply\n`);
  write('b-front.md', `---\ntitle: "Budget \u201Cpassed\u201D"\nurl: https://example.org/budget\nsource: Town Gazette\npublished: 2025-03-14\n---\n# Heading replaced by front matter\n\n${PARAGRAPH}\n\nThe **mayor** said [more](https://x.y) about \`roads\`.\n\n- first point of the plan\n`);
  write('c-page.html', HTML);
  write('d-many.json', JSON.stringify([
    { title: 'First story | Wire', text: PARAGRAPH, url: 'https://news.example.net/1', published: '2025-03-14T08:00:00Z' },
    { title: 'No text here' },
    { headline: 'Second', content: `<p>${PARAGRAPH}</p><p>Second paragraph of the item.</p>`, source: { name: 'Wire' } },
  ]));
  write('e-one.json', JSON.stringify({ body: PARAGRAPH }));
  write('f-legacy.txt', Buffer.from('Caf\xe9 owners protest\nThe caf\xe9 owners marched on Friday over rents.\n', 'latin1'));
  write('g-plain-md.md', `Heading without hashes\n\n${PARAGRAPH}\n`);
  write('bad-empty.txt', '');
  write('bad-binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
  write('bad-broken.json', '{"title": "x", ');
  write('bad-boilerplate.txt', 'Share.\nLeave A Reply\nExit mobile version\n');
  write('bad-front.txt', '---\ntitle: [unclosed\n---\nBody text.\n');
  write('bad-huge.txt', `Big\n${'word '.repeat(3000)}`);
  write('image.png', 'not an article');
  write('.hidden.txt', 'Hidden\nShould not be read at all.');
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', 'inner.txt'), 'Inner\nNested folders are not read.');
  result = await readArticleFiles([dir, join(dir, 'image.png'), join(dir, 'missing.txt'), join(dir, 'a-plain.txt')], { maxBytes: 10_000 });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readArticleFiles', () => {
  it('reads folder entries in name order, non-recursively, skipping hidden and foreign files', () => {
    expect(result.articles.map((a) => a.path)).toEqual(
      ['a-plain.txt', 'b-front.md', 'c-page.html', 'd-many.json', 'd-many.json', 'e-one.json', 'f-legacy.txt', 'g-plain-md.md'].map((n) => join(dir, n)),
    );
  });

  it('plain text: BOM and banners skipped, first meaningful line is the title, footers cleaned', () => {
    const article = byPath('a-plain.txt')!;
    expect(article.title).toBe('Council passes budget');
    expect(article.text).toBe(PARAGRAPH);
    expect(article.url).toBeNull();
    // No outlet in the text: the file's own name stands for it.
    expect(article.source).toBe('a-plain');
    expect(article.published).toBeNull();
    expect(article.id).toMatch(/^a-[0-9a-f]{16}$/);
  });

  it('front matter overrides title, url, source and published; Markdown becomes plain text', () => {
    const article = byPath('b-front.md')!;
    expect(article).toMatchObject({ title: 'Budget "passed"', url: 'https://example.org/budget', source: 'Town Gazette' });
    expect(article.published).toBe('2025-03-14T00:00:00.000Z');
    expect(article.id).toBe(stableId('a-', 'https://example.org/budget'));
    expect(article.text).toBe(`${PARAGRAPH}\n\nThe mayor said more about roads.\n\nfirst point of the plan`);
  });

  it('Markdown without a # heading takes its title from the first line', () => {
    expect(byPath('g-plain-md.md')).toMatchObject({ title: 'Heading without hashes', text: PARAGRAPH });
  });

  it('HTML: main text by extraction, metadata from og and canonical tags', () => {
    const article = byPath('c-page.html')!;
    expect(article.title).toBe('Council passes budget after long debate');
    expect(article.url).toBe('https://www.example.com/news/budget?utm=x');
    expect(article.source).toBe('Example Times');
    expect(article.published).toBe('2025-03-14T08:30:00.000Z');
    expect(article.text).toContain(PARAGRAPH);
    expect(article.text).toContain('Opposition members said');
    expect(article.text).not.toMatch(/Share this article|Copyright|Home/);
  });

  it('JSON: arrays and single objects, HTML content, nested source, bad items reported', () => {
    const [first, second] = result.articles.filter((a) => a.path === join(dir, 'd-many.json'));
    expect(first).toMatchObject({ title: 'First story', source: 'news.example.net', published: '2025-03-14T08:00:00.000Z' });
    expect(second).toMatchObject({ title: 'Second', source: 'Wire', text: `${PARAGRAPH}\n\nSecond paragraph of the item.` });
    expect(problem('d-many.json')).toMatch(/^item 1: no text/);
    expect(byPath('e-one.json')).toMatchObject({ title: PARAGRAPH, text: PARAGRAPH });
  });

  it('decodes legacy 8-bit text as Windows-1252', () => {
    expect(byPath('f-legacy.txt')).toMatchObject({ title: 'Café owners protest' });
  });

  it('reports every bad file with its path and a reason, and never throws', () => {
    expect(problem('bad-empty.txt')).toBe('file is empty');
    expect(problem('bad-binary.txt')).toMatch(/binary/);
    expect(problem('bad-broken.json')).toMatch(/^invalid JSON/);
    expect(problem('bad-boilerplate.txt')).toBe('no article text after cleaning');
    expect(problem('bad-front.txt')).toMatch(/^invalid front matter/);
    expect(problem('bad-huge.txt')).toMatch(/over the 10000-byte cap/);
    expect(problem('image.png')).toMatch(/unsupported file type ".png"/);
    expect(problem('missing.txt')).toBe('no such file or folder');
    expect(result.problems.some((p) => p.path.includes('hidden') || p.path.includes('nested'))).toBe(false);
  });

  it('reads a file named twice only once', () => {
    expect(result.articles.filter((a) => a.path === join(dir, 'a-plain.txt'))).toHaveLength(1);
  });

  it('ids do not depend on the folder: the same file elsewhere gets the same id', async () => {
    const other = mkdtempSync(join(tmpdir(), 'file-source-other-'));
    try {
      writeFileSync(join(other, 'a-plain.txt'), `Council passes budget\n${PARAGRAPH}\n`);
      const again = await readArticleFiles([other]);
      expect(again.articles[0]?.id).toBe(byPath('a-plain.txt')?.id);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('resolves relative paths against the cwd option', async () => {
    const relative = await readArticleFiles(['a-plain.txt'], { cwd: dir });
    expect(relative.articles[0]).toMatchObject({ path: 'a-plain.txt', title: 'Council passes budget' });
  });
});
