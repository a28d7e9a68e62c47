// Markdown digest (for files, wikis and chat clients that render Markdown).
import type { Digest, DigestStory } from '../../domain/digest.ts';
import { articleLink, coverageLabel, markers, timeLabel } from '../story-labels.ts';

/** Escape characters Markdown would treat as formatting in feed-supplied text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
}

export function renderDigestMarkdown(digest: Digest, cwd?: string): string {
  if (digest.stories.length === 0) return '_No stories yet._\n';
  return `${digest.stories.map((s) => renderStoryMarkdown(s, cwd)).join('\n')}`;
}

export function renderStoryMarkdown(story: DigestStory, cwd?: string): string {
  const lines = [`## ${escapeMarkdown(story.headline)}`, ''];
  for (const sentence of story.summary) {
    lines.push(`${escapeMarkdown(sentence.text)} ${escapeMarkdown(markers(sentence.markers))}`.trimEnd());
  }
  for (const only of story.onlyHere ?? []) lines.push('', `> Only ${escapeMarkdown(only.source)} reports: ${escapeMarkdown(only.text)}`);
  const time = timeLabel(story);
  lines.push('', `_${coverageLabel(story)}${time === null ? '' : ` · ${time}`}_`, '');
  for (const source of story.sources) {
    lines.push(`${source.n}. ${link(source.article.source, articleLink(source.article, cwd))}`);
    for (const copy of source.rewrites) {
      lines.push(`   - also republished by ${link(copy.source, articleLink(copy, cwd))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function link(label: string, target: string): string {
  return /^https?:\/\//.test(target) ? `[${escapeMarkdown(label)}](<${target}>)` : `${escapeMarkdown(label)} (${escapeMarkdown(target)})`;
}
