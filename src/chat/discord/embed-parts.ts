// Building blocks of a story embed: the cited summary, the source fields, and the length Discord counts.
// Each part is built to a character budget so the whole embed stays within Discord's limits.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { DigestSource, DigestStory } from '../../domain/digest.ts';
import { ELLIPSIS, escapeInline, safeUrl, truncate } from './escape.ts';
import { DISCORD_LIMITS } from './limits.ts';

/** The characters Discord counts toward the 6,000 total of a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** "[[2]](https://...)" where source 2 has a web address, else a plain "[2]". */
export function markerLinks(numbers: readonly number[], sources: readonly DigestSource[]): string {
  return numbers
    .map((n) => {
      const url = safeUrl(sources.find((s) => s.n === n)?.article.url ?? null);
      return url === null ? `[${n}]` : `[[${n}]](${url})`;
    })
    .join('');
}

/**
 * Sentences with their linked markers, as many whole sentences as fit in `limit`; a sentence that does
 * not fit is cut (its markers dropped, since a half link would break) and ends the text.
 */
export function citedText(sentences: DigestStory['summary'], sources: readonly DigestSource[], limit: number): string {
  let out = '';
  for (const sentence of sentences) {
    const text = escapeInline(sentence.text);
    const links = markerLinks(sentence.markers, sources);
    const piece = `${out === '' ? '' : ' '}${text}${links === '' ? '' : ` ${links}`}`;
    if (out.length + piece.length <= limit) {
      out += piece;
      continue;
    }
    const room = limit - out.length - (out === '' ? 0 : 1);
    // Too little room for a readable fragment: just mark that more was said.
    if (room < 24) return out.length + 2 <= limit ? `${out} ${ELLIPSIS}`.trimStart() : out;
    return `${out}${out === '' ? '' : ' '}${truncate(text, room)}`;
  }
  return out;
}

/** One field per source: "[n] Outlet" over a link to the article, plus who republished it. */
export function sourceField(source: DigestSource): APIEmbedField {
  const name = truncate(`[${source.n}] ${escapeInline(source.article.source)}`, DISCORD_LIMITS.fieldName);
  const title = truncate(escapeInline(source.article.title), 200) || 'article';
  const url = safeUrl(source.article.url);
  let value = url === null ? title : `[${title}](${url})`;
  if (source.rewrites.length > 0) value += `\n${listWithRest('also republished by ', source.rewrites.map((r) => r.source), 400)}`;
  return { name, value: truncate(value, DISCORD_LIMITS.fieldValue) };
}

/** "prefix A, B, C and 4 more" within `limit` characters; names are escaped unless already `escaped`. */
export function listWithRest(prefix: string, names: readonly string[], limit: number, escaped = false): string {
  let out = prefix;
  for (let i = 0; i < names.length; i++) {
    const name = escaped ? (names[i] ?? '') : escapeInline(names[i] ?? '');
    const separator = i === 0 ? '' : ', ';
    const left = names.length - i - 1;
    const tail = left > 0 ? ` and ${left} more` : '';
    if (out.length + separator.length + name.length + tail.length > limit) {
      const rest = ` and ${names.length - i} more`;
      return i === 0 ? truncate(`${prefix}${names.length} outlets`, limit) : truncate(`${out}${rest}`, limit);
    }
    out += separator + name;
  }
  return out;
}

// Room kept for the "More sources" summary field when not every source gets its own field.
const MORE_RESERVE = 120;

/**
 * Source fields within `budget` characters and the 25-field cap (minus `reserved` fields already used):
 * one field per source while they fit, then one "More sources" field naming the rest.
 */
export function sourceFields(sources: readonly DigestSource[], budget: number, reserved = 0): APIEmbedField[] {
  const maxFields = DISCORD_LIMITS.fields - reserved;
  const fields: APIEmbedField[] = [];
  let used = 0;
  let i = 0;
  for (; i < sources.length; i++) {
    const source = sources[i];
    if (source === undefined) break;
    const field = sourceField(source);
    const size = field.name.length + field.value.length;
    const isLast = i === sources.length - 1;
    const slots = isLast ? maxFields : maxFields - 1;
    const reserve = isLast ? 0 : MORE_RESERVE;
    if (fields.length >= slots || used + size + reserve > budget) break;
    fields.push(field);
    used += size;
  }
  const rest = sources.slice(i);
  const name = 'More sources';
  const room = Math.min(DISCORD_LIMITS.fieldValue, budget - used - name.length);
  if (rest.length > 0 && room >= 20 && fields.length < maxFields) {
    // "[n]" followed by a name is not link syntax, so only the outlet name needs escaping.
    const labels = rest.map((s) => `[${s.n}] ${escapeInline(s.article.source)}`);
    fields.push({ name, value: listWithRest('', labels, room, true) });
  }
  return fields;
}
