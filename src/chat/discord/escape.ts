// Making untrusted text (feed titles, summaries, user input) inert in Discord markdown, and cutting it
// to a limit without breaking a surrogate pair or leaving a dangling escape.

// Discord's parser (simple-markdown) treats a backslash before any punctuation as a literal, so escaping
// is invisible to readers. Inline syntax: bold/italic/underline (* _), strike (~), code (`), spoiler (|),
// masked links ([ ]), mentions, channels, emoji and timestamps (all start with <).
const INLINE = /[\\*_~`|[\]<]/g;
// Syntax that only counts at the start of a line: headings and subtext (#, -#), quotes (>), lists.
const LINE_START = /^([ \t]*)([#>+-]|\d+[.)])/gm;
// @everyone and @here ping even without angle brackets; a zero-width space after the @ breaks them.
const MASS_MENTION = /@(everyone|here)/gi;
// C0/C1 controls other than tab and newline render as boxes or confuse clients.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// Half a surrogate pair (bad feed decoding) is invalid UTF-16, which Discord refuses outright.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const ELLIPSIS = '…';

/** Text that needs no escaping (thread names are plain) but must still be valid UTF-16. */
export function wellFormed(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd');
}

/** Escape text that may span several lines (command replies). */
export function escapeDiscord(text: string): string {
  return wellFormed(text)
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_START, (_m, space: string, mark: string) => `${space}${escapeMark(mark)}`)
    .replace(MASS_MENTION, '@\u200b$1');
}

// "1." starts a list; a backslash before a digit is not an escape (it would show), so escape the dot.
function escapeMark(mark: string): string {
  return /^\d/.test(mark) ? `${mark.slice(0, -1)}\\${mark.slice(-1)}` : `\\${mark}`;
}

// Handler texts mark commands as code (`/feeds add <url>`), a convention Slack and Discord share.
const CODE_SPAN = /`([^`\n]+)`/g;

/**
 * Escape a handler's reply text but keep its `code` spans: nothing inside a code span is parsed, so
 * only mentions need breaking there (a zero-width space, since a backslash would show).
 */
export function escapeReplyText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    out += escapeDiscord(text.slice(last, match.index));
    const code = wellFormed(match[1] ?? '').replace(/<([@#])/g, '<\u200b$1').replace(MASS_MENTION, '@\u200b$1');
    out += `\`${code}\``;
    last = match.index + match[0].length;
  }
  return out + escapeDiscord(text.slice(last));
}

/** Escape text that must stay on one line (headlines, sentences, outlet names). */
export function escapeInline(text: string): string {
  return escapeDiscord(text.replace(/\s+/g, ' ').trim());
}

/**
 * Cut `text` to at most `max` UTF-16 units, ending with an ellipsis when cut. Discord counts
 * characters as code points, so counting UTF-16 units errs on the safe side.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  let cut = text.slice(0, max - 1);
  // Never leave half of a surrogate pair (invalid UTF-16 that Discord rejects).
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  // An odd number of trailing backslashes would escape the ellipsis or half an escape sequence.
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

// Longer links eat the 6,000-character budget; such a source is still named, just not linked.
const MAX_URL_LENGTH = 512;

/**
 * An http(s) URL safe to put inside a markdown link target, or null. Parentheses would end the target;
 * credentials are refused (a link must not carry secrets); "@" is percent-encoded after the host so a
 * URL can never spell a mention.
 */
export function safeUrl(raw: string | null): string | null {
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const origin = `${url.protocol}//${url.host}`;
  const rest = url.href.slice(origin.length).replace(/[()@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const href = origin + rest;
  return href.length <= MAX_URL_LENGTH ? href : null;
}
