// Block Kit for one story (its own message, the thread anchor) and for an update posted in its thread.
// Pure functions of the digest data: every output stays within SLACK_LIMITS whatever the feed text is.
import type { DigestSource, DigestStory } from '../../domain/digest.ts';
import type { StoryUpdate } from '../sink.ts';
import { coverageLabel, timeLabel } from '../story-labels.ts';
import { type Block, type SlackLimits, type SlackMessage, SLACK_LIMITS, context, header, packLines, section } from './blocks.ts';
import { clip, clipPlain, linkMrkdwn, oneLine } from './mrkdwn.ts';

export interface SlackRenderOptions {
  /** Number shown before the headline when several stories share a message ("2. ..."). */
  readonly index?: number;
  readonly limits?: SlackLimits;
}

/** Share of the message budget each part may take, so one runaway part cannot crowd out the others. */
const PART_BUDGET = {
  summary: 6000,
  onlyHere: 1500,
  /** One summary sentence; long enough for any real sentence, short enough to leave room for markers. */
  sentence: 1200,
  /** The [n] links after one sentence; past this they are shown unlinked, then as [+k]. */
  markers: 400,
  onlyHereLine: 600,
  sourceTitle: 150,
  sourceName: 80,
  /** Rewrite links on one source line before "and N more". */
  rewritesLine: 1200,
  /** Kept free at the end of the sources list for the "...and N more sources" line. */
  moreLine: 40,
} as const;

/** A single-source statement ("Only X reports ..."). DigestStory may gain this field; read it defensively. */
export interface OnlyHereLine {
  readonly source: string;
  readonly text: string;
}

function isOnlyHereLine(value: unknown): value is OnlyHereLine {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['source'] === 'string' && typeof record['text'] === 'string';
}

export function onlyHereOf(story: DigestStory): readonly OnlyHereLine[] {
  const value: unknown = (story as DigestStory & { readonly onlyHere?: unknown }).onlyHere;
  return Array.isArray(value) ? value.filter(isOnlyHereLine) : [];
}

export function renderSlackStory(story: DigestStory, options: SlackRenderOptions = {}): SlackMessage {
  const limits = options.limits ?? SLACK_LIMITS;
  const prefix = options.index === undefined ? '' : `${options.index}. `;
  const title = clipPlain(oneLine(`${prefix}${oneLine(story.headline) || 'Untitled story'}`), limits.headerChars);
  const contextText = clip(storyContext(story), limits.contextChars);
  let budget = limits.messageChars - title.length - contextText.length;

  const summary = takeLines(
    story.summary.map((sentence) => sentenceLine(story, sentence.text, sentence.markers)),
    Math.min(budget, PART_BUDGET.summary),
  );
  const summaryTexts = packLines(summary.taken, limits.sectionChars, ' ');
  budget -= charsOf(summaryTexts);

  const onlyHere = takeLines(
    onlyHereOf(story).map((line) => `_${clip(`Only ${oneLine(line.source)} reports: ${oneLine(line.text)}`, PART_BUDGET.onlyHereLine)}_`),
    Math.min(budget, PART_BUDGET.onlyHere),
  );
  const onlyHereTexts = packLines(onlyHere.taken, limits.sectionChars);
  budget -= charsOf(onlyHereTexts);

  const sourceTexts = packLines(sourceLines(story.sources, budget), limits.sectionChars);

  const blocks: Block[] = [
    header(title),
    ...summaryTexts.map(section),
    ...onlyHereTexts.map(section),
    context(contextText),
    ...sourceTexts.map(section),
  ];
  const fallback = clip(`${oneLine(story.headline)} (${coverageLabel(story)})`, limits.fallbackChars);
  return { text: fallback, blocks };
}

/** A thread reply with only what is new: the added sources and the sentences not posted before. */
export function renderSlackUpdate(update: StoryUpdate, options: Omit<SlackRenderOptions, 'index'> = {}): SlackMessage {
  const limits = options.limits ?? SLACK_LIMITS;
  const { story } = update;
  const contextText = clip(storyContext(story), limits.contextChars);
  let budget = limits.messageChars - contextText.length;

  const added = update.newSources
    .map((n) => story.sources.find((source) => source.n === n))
    .filter((source): source is DigestSource => source !== undefined);
  const headline = added.length === 0 ? '*Update*' : `*Update: +${added.length} source${added.length === 1 ? '' : 's'}:*`;
  const links = takeLines(
    added.map((source) => linkMrkdwn(source.article.url, `[${source.n}] ${clipPlain(oneLine(source.article.source), PART_BUDGET.sourceName)}`)),
    Math.min(budget, limits.sectionChars) - headline.length - PART_BUDGET.moreLine,
  );
  const more = links.left > 0 ? ` and ${links.left} more` : '';
  const lead = `${headline} ${links.taken.join(', ')}${more}`.trimEnd();
  budget -= lead.length;

  const sentences = takeLines(
    update.newSentences.map((sentence) => sentenceLine(story, sentence.text, sentence.markers)),
    Math.min(budget, PART_BUDGET.summary),
  );
  const sentenceTexts = packLines(sentences.taken, limits.sectionChars, ' ');
  const nothing = added.length === 0 && sentenceTexts.length === 0 ? ' no new details.' : '';

  const blocks: Block[] = [section(`${lead}${nothing}`), ...sentenceTexts.map(section), context(contextText)];
  const what = [
    added.length > 0 ? `+${added.length} source${added.length === 1 ? '' : 's'}` : '',
    sentences.taken.length > 0 ? `${sentences.taken.length} new detail${sentences.taken.length === 1 ? '' : 's'}` : '',
  ].filter((part) => part !== '');
  const fallback = clip(`Update: ${oneLine(story.headline)}${what.length > 0 ? ` (${what.join(', ')})` : ''}`, limits.fallbackChars);
  return { text: fallback, blocks };
}

/** "3 sources (+1 republished) · first seen 14 Mar 2025": the same words as the console, unescaped. */
function storyContext(story: DigestStory): string {
  const time = timeLabel(story);
  return `${coverageLabel(story)}${time === null ? '' : ` · ${time}`}`;
}

/** One summary sentence, escaped and clipped, followed by its [n] markers linked to the sources. */
function sentenceLine(story: DigestStory, text: string, numbers: readonly number[]): string {
  const body = clip(oneLine(text), PART_BUDGET.sentence);
  const marks = markerLinks(story.sources, numbers);
  return marks === '' ? body : `${body} ${marks}`;
}

/** `<url|[1]><url|[2]>`; unlinked `[n]` when a link would not fit, then `[+k]` for the rest. */
export function markerLinks(sources: readonly DigestSource[], numbers: readonly number[]): string {
  let out = '';
  for (const [i, n] of numbers.entries()) {
    const source = sources.find((s) => s.n === n);
    const linked = linkMrkdwn(source?.article.url ?? null, `[${n}]`);
    const plain = `[${n}]`;
    const rest = `[+${numbers.length - i}]`;
    if (out.length + linked.length + rest.length <= PART_BUDGET.markers) out += linked;
    else if (out.length + plain.length + rest.length <= PART_BUDGET.markers) out += plain;
    else return `${out}${rest}`;
  }
  return out;
}

/** Numbered source lines within `budget` chars, ending with "...and N more sources" when some do not fit. */
function sourceLines(sources: readonly DigestSource[], budget: number): string[] {
  const lines = sources.map(sourceLine);
  const fit = takeLines(lines, budget - PART_BUDGET.moreLine);
  if (fit.left === 0) return fit.taken;
  return [...fit.taken, `…and ${fit.left} more source${fit.left === 1 ? '' : 's'}`];
}

/** `*[1]* <url|RT>: Title · also republished by <url|TROIB>, ...` */
function sourceLine(source: DigestSource): string {
  const name = clipPlain(oneLine(source.article.source) || 'unknown source', PART_BUDGET.sourceName);
  const title = oneLine(source.article.title);
  let line = `*[${source.n}]* ${linkMrkdwn(source.article.url, name)}`;
  if (title !== '') line += `: ${clip(title, PART_BUDGET.sourceTitle)}`;
  if (source.rewrites.length === 0) return line;
  const copies = takeLines(
    source.rewrites.map((copy) => linkMrkdwn(copy.url, clipPlain(oneLine(copy.source) || 'unknown source', PART_BUDGET.sourceName))),
    PART_BUDGET.rewritesLine,
  );
  const more = copies.left > 0 ? ` and ${copies.left} more` : '';
  return `${line} · _also republished by_ ${copies.taken.join(', ')}${more}`;
}

/** The leading lines whose lengths, plus one separator each, fit `budget`; and how many did not. */
function takeLines(lines: readonly string[], budget: number): { taken: string[]; left: number } {
  const taken: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    taken.push(line);
    used += line.length + 1;
  }
  return { taken, left: lines.length - taken.length };
}

function charsOf(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + text.length, 0);
}
