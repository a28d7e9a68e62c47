// extractArticle on hand-made pages: what Readability keeps that a reader does not want, and the fallbacks.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.ts';

const P = [
  'The city council approved a budget of 2 billion dollars on Tuesday after a debate that lasted eleven hours.',
  'The mayor said the plan would add three bus lines and repair twenty bridges, paid for by a small rise in property tax.',
  'Opposition members said the rise was too steep for families already struggling with higher rents and energy bills.',
  'A final vote on the tax rise itself is expected next month, when the council meets again after the holidays.',
];

function page(inner: string, head = ''): string {
  return `<!doctype html><html><head><title>Council passes budget - Example Times</title>${head}</head><body>
<header><a href="/">Home</a><a href="/news">News</a></header>${inner}<footer>Copyright 2025 Example Times</footer></body></html>`;
}

describe('extractArticle', () => {
  it('keeps the paragraphs and drops captions, credits, bylines, datelines and related-link lists', () => {
    const html = page(`<article>
      <h1>Council passes budget</h1>
      <div class="byline">By Jane Doe</div><time datetime="2025-03-14">March 14, 2025</time>
      <p>${P[0]}</p>
      <figure><img src="a.jpg"><figcaption>The council chamber on Tuesday. Photo: John Roe</figcaption></figure>
      <p>${P[1]}</p>
      <div class="related-stories"><h3>More stories</h3><ul><li><a href="/a">Mayor opens new bridge in the north</a></li>
        <li><a href="/b">Bus fares rise again for the third time</a></li></ul></div>
      <p>${P[2]}</p>
      <h3>Don't miss</h3><ul><li><a href="/c">Ten things to do this weekend in town</a></li><li><a href="/d">Weather: rain all week long</a></li></ul>
      <p>${P[3]}</p>
      <p>Share this article</p>
    </article>`, '<meta property="article:published_time" content="2025-03-14T10:00:00Z">');
    const article = extractArticle(html, 'https://example.com/budget');
    expect(article.method).toBe('readability');
    expect(article.text).toBe(P.join('\n\n'));
    expect(article.title).toBe('Council passes budget');
    expect(article.published).toBe('2025-03-14T10:00:00.000Z');
    expect(article.url).toBe('https://example.com/budget');
  });

  it('reads a table row as one line', () => {
    const html = page(`<article><p>${P[0]}</p><p>${P[1]}</p><table><tr><th>Item</th><th>Cost</th></tr>
      <tr><td>Bridges</td><td>900</td></tr></table><p>${P[2]}</p></article>`);
    expect(extractArticle(html).text).toContain('Item Cost\n\nBridges 900');
  });

  it('falls back to the page body when Readability finds no article', () => {
    const html = page('<div><span>Short notice: the office is closed today because of the storm warning.</span></div>');
    const article = extractArticle(html);
    expect(article.text).toBe('Short notice: the office is closed today because of the storm warning.');
    expect(article.text).not.toContain('Home');
  });

  it('never throws on broken or empty markup', () => {
    expect(extractArticle('').text).toBe('');
    expect(extractArticle('<p>unclosed <b>tags <div>everywhere').text).toContain('unclosed tags');
  });
});
