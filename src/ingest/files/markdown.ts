// Markdown to plain text, enough for cleaning and summarizing: markup goes, words stay. The first
// level-one heading ("# Title" or a "===" underline) is the article's title.

export interface MarkdownText {
  readonly title: string | null;
  readonly text: string;
}

export function markdownToText(markdown: string): MarkdownText {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let title: string | null = null;
  const out: string[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    const next = lines[i + 1] ?? '';
    if (title === null && line.trim() !== '' && /^=+\s*$/.test(next)) {
      title = inline(line);
      i += 1;
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading !== null) {
      const text = inline(heading[2] ?? '');
      if (title === null && heading[1] === '#') title = text;
      else out.push('', text, '');
      continue;
    }
    // Thematic breaks and setext "---" underlines: a paragraph break.
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('');
      continue;
    }
    // Reference-style link definitions ("[1]: https://...") are not prose.
    if (/^\s{0,3}\[[^\]]+\]:\s+\S+/.test(line)) continue;
    out.push(inline(line.replace(/^\s{0,3}>\s?/, '').replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')));
  }
  return { title, text: out.join('\n') };
}

/** Inline markup: images dropped, links to their text, emphasis, code spans and HTML tags unwrapped. */
function inline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](\S(?:.*?\S)?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .trim();
}
