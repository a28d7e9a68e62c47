// Plain-text digest for a terminal: wrapped to the terminal width, bold headlines on a TTY.
import type { Digest, DigestStory } from '../../domain/digest.ts';
import { coverageLabel, markers, sourceLabel, timeLabel } from '../story-labels.ts';

export interface TextOptions {
  readonly width: number;
  readonly color: boolean;
  readonly cwd?: string;
}

const BOLD = (s: string) => `\u001b[1m${s}\u001b[22m`;
const DIM = (s: string) => `\u001b[2m${s}\u001b[22m`;

export function renderDigestText(digest: Digest, options: TextOptions): string {
  if (digest.stories.length === 0) return 'No stories yet.\n';
  const count = digest.stories.length;
  const head = `news-digest: ${count} stor${count === 1 ? 'y' : 'ies'}`;
  return [head, '', ...digest.stories.map((s, i) => renderStoryText(s, i + 1, options))].join('\n');
}

export function renderStoryText(story: DigestStory, index: number | null, options: TextOptions): string {
  const bold = options.color ? BOLD : (s: string) => s;
  const dim = options.color ? DIM : (s: string) => s;
  const lines: string[] = [];
  const prefix = index === null ? '' : `${index}. `;
  const indent = ' '.repeat(prefix.length);
  lines.push(...wrap(`${prefix}${story.headline}`, options.width, indent).map(bold));
  for (const sentence of story.summary) {
    lines.push(...wrap(`${indent}${sentence.text} ${markers(sentence.markers)}`.trimEnd(), options.width, indent));
  }
  for (const only of story.onlyHere ?? []) {
    lines.push(...wrap(`${indent}Only ${only.source} reports: ${only.text}`, options.width, indent).map(dim));
  }
  const time = timeLabel(story);
  lines.push(dim(`${indent}${coverageLabel(story)}${time === null ? '' : ` · ${time}`}`));
  for (const source of story.sources) {
    lines.push(`${indent}[${source.n}] ${sourceLabel(source.article, options.cwd)}`);
    for (const copy of source.rewrites) {
      lines.push(dim(`${indent}    also republished by ${sourceLabel(copy, options.cwd)}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Greedy word wrap; continuation lines get `indent`. A single overlong word stays whole. */
export function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    if (line === '') line = out.length === 0 && text.startsWith(indent) ? `${indent}${word}` : word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      out.push(line);
      line = `${indent}${word}`;
    }
  }
  if (line !== '') out.push(line);
  return out;
}
