// Site boilerplate as data: lines and blocks that scrapers and extractors carry along with an article but
// that no reader wants in a title or a summary. Every rule says why it exists. Lines are matched after
// punctuation normalization (straight quotes, " - " dashes) and space collapsing, and every pattern is
// anchored to the whole line, so a rule can never cut a piece out of a real sentence.

export interface LineRule {
  readonly pattern: RegExp;
  readonly why: string;
}

/**
 * A block starts at a line matching `start` and drops more than that line:
 * - `blank`: up to the next blank line (a wrapped disclaimer printed as several short lines);
 * - `paragraph`: the start line plus the next paragraph (a sidebar heading and its body);
 * - `end`: everything to the end of the text (a form or footer that is always last).
 * `start` never matches a blank line: dropBoilerplateLines keeps blank lines without trying the rules.
 */
export interface BlockRule {
  readonly start: RegExp;
  readonly until: 'blank' | 'paragraph' | 'end';
  readonly why: string;
}

/** Lines longer than this are article prose, whatever they start with: no line rule applies to them. */
export const MAX_BOILERPLATE_LINE = 200;

// Social networks named in share rows and follow prompts.
const NETWORKS = '(?:facebook|twitter|x|telegram|whatsapp|linkedin|reddit|pinterest|email|e-mail|messenger|flipboard|vk|rss|youtube|instagram|tiktok|threads|bluesky|mastodon)';
// A person's name as printed in a credit line: capitalized words, initials and name particles only.
// Words a date-only line is made of: weekdays, months, numbers, times, am/pm and time zones.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const DATE_WORD = [
  '\\d+(?:st|nd|rd|th)?', '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?',
  'jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'june?', 'july?', 'aug(?:ust)?',
  'sep(?:t(?:ember)?)?', 'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?', '[ap]\\.?m\\.?', 'at', 'on',
  'utc', 'gmt', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'pt', 'et', 'ct', 'bst', 'cet', 'cest', 'ist',
].join('|');
const NAME = "\\p{Lu}[\\p{L}.'-]*(?:,? (?:\\p{Lu}[\\p{L}.'-]*|and|&|de|da|van|von|der|al|bin|el|la|le))*";

export const LINE_RULES: readonly LineRule[] = [
  // Error pages captured instead of (or around) the article.
  {
    pattern: /^[45]\d\d(?: (?:forbidden|not found|error|unauthorized|gone|bad request|internal server error|service unavailable|bad gateway|gateway time-?out|too many requests))?[.!]*$/i,
    why: 'HTTP status banner such as "403" or "404 Not Found"',
  },
  { pattern: /^(?:sorry|oops|error|whoops)[!.]*$/i, why: 'error-page exclamation ("Sorry!!")' },
  {
    // Banners are short; a long line that mentions such a page is a sentence about it.
    pattern: /^(?=.{0,120}$)(?:error!? )?.*\b(?:page|content) (?:you (?:were|are) looking for|(?:was )?not found|(?:does ?n[o']t|does not) exist|could not be found|is (?:no longer available|unavailable))\b.*$/i,
    why: 'error-page banner ("the page you were looking for doesn\'t exist")',
  },
  { pattern: /^(?:access denied|forbidden|not found|page not found|service unavailable)[.!]*$/i, why: 'HTTP error text' },
  // Share rows and prompts.
  { pattern: /^(?:you can )?share (?:this|the) (?:story|article|post|page)\b.*$/i, why: 'share prompt' },
  { pattern: new RegExp(`^(?:share|tweet|print|email|save|copy link|pin it|share on ${NETWORKS}|${NETWORKS})[.!:]?$`, 'i'), why: 'share button label' },
  { pattern: new RegExp(`^(?:(?:${NETWORKS}|share|tweet|email|print)[ ,|/·]*){2,}$`, 'i'), why: 'row of share buttons' },
  { pattern: /^read (?:the )?(?:full|whole|original|complete) (?:article|story|report|post)\b.{0,60}$/i, why: 'link to the full article' },
  { pattern: /^(?:read more|continue reading|click here|tap here)\b.{0,80}$/i, why: 'navigation prompt' },
  // Only the bare heading or "Heading: linked title": "Popular support fell" is a sentence, not a heading.
  {
    pattern: /^(?:read (?:also|more|next)|also read|see also|related(?: articles| stories| news| content| posts| coverage)?|more on this(?: story)?|recommended(?: for you)?|most (?:read|popular)|popular now|trending(?: now)?|you (?:may|might) also like)(?:\s*:.{0,120}|[.!]?)$/i,
    why: 'related-links heading',
  },
  // Comment widgets.
  { pattern: /^(?:leave a (?:reply|comment)|post a comment|add a comment|cancel reply|reply|comments?|no comments?(?: yet)?|\d+ comments?|comments are closed\.?|join the (?:conversation|discussion)|show comments|view comments)[.!:]?$/i, why: 'comment widget' },
  { pattern: /^(?:your (?:comment|name|e-?mail(?: address)?|website)|name|e-?mail|website)\s*[:*]?\s*\*?$/i, why: 'comment or report form field' },
  // Mobile theme switches and other site chrome.
  { pattern: /^(?:exit mobile version|switch to (?:desktop|mobile) (?:version|site)|skip to (?:main )?content|back to top|advertisement|advertising|advert|sponsored(?: content)?|loading(?: content| comments)?\s*\.*)$/i, why: 'site chrome' },
  { pattern: /^(?:we use cookies|this (?:site|website) uses cookies)\b.*$/i, why: 'cookie banner' },
  // Newsletter, app and social-channel footers.
  { pattern: new RegExp(`^(?:subscribe|sign up|join|follow)\\b.{0,80}\\b(?:${NETWORKS}|newsletter|channel|alerts|updates|podcast|feed)\\b.{0,60}$`, 'i'), why: 'subscribe/follow footer' },
  { pattern: /^(?:follow us|like us|find us)\b.{0,80}$/i, why: 'social follow prompt' },
  { pattern: /^(?:download|get) (?:our|the) (?:free )?app\b.{0,80}$/i, why: 'app promotion' },
  // Author, editor and contributor credits: bylines are metadata, not article text.
  // The label is case-insensitive ((?i:...)); the name after it must stay capitalized.
  {
    pattern: new RegExp(`^(?i:author'?s? name|author|editor|edited by|written by|reporting by|additional reporting by|editing by|compiled by|translated by|by)\\s*:?\\s+${NAME}\\.?$`, 'u'),
    why: 'author/editor credit line',
  },
  { pattern: /^\(?(?:(?:additional )?reporting|writing|editing) by\b.{0,150}$/i, why: 'wire-service credit line ("Reporting by ...; Editing by ...")' },
  { pattern: /^.{0,120}\b(?:contributed (?:to )?(?:this )?(?:article|report|story|reporting)|contributed reporting)\b.{0,60}$/i, why: 'contributor credit' },
  // "Report spelling error" forms (label and fields).
  { pattern: /^(?:report (?:a )?(?:spelling )?(?:error|typo|mistake)|error page url|text containing (?:the )?error|spotted an error\??)\b.{0,60}$/i, why: 'spelling-error report form' },
  // Datelines, timestamps and reading times printed above or below the text: metadata, not prose.
  {
    pattern: /^(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?\s*[:|-]?\s*(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|yesterday)|\||$).{0,70}$/i,
    why: 'publication or update timestamp',
  },
  { pattern: new RegExp(`^(?=.*\\d)(?=.*\\b${MONTH})(?:(?:${DATE_WORD})(?=[\\s,.:;|/()-]|$)[\\s,.:;|/()-]*)+$`, 'i'), why: 'date-only line' },
  { pattern: /^(?:\d+\s*min(?:ute)?s?\s*read|reading time\s*:?.{0,20}|listen to (?:this|the) (?:article|story))$/i, why: 'reading-time or audio label' },
  // Photo galleries and captions credits: "Image 1 of 5", "(Image: © NASA)", "Getty Images".
  { pattern: /^(?:image|photo|slide|picture)?\s*\d+\s*(?:of|\/)\s*\/?\s*\d+$/i, why: 'gallery counter' },
  { pattern: /^\(?(?:image|photo|picture|photograph|video)s?(?: credit| caption| copyright| source)?\s*:.{0,120}$/i, why: 'image credit or caption label' },
  { pattern: /^\(?(?:image|photo) (?:copyright|caption|credit)\b.{0,150}$/i, why: 'image credit or caption label' },
  { pattern: /^\(?credits?\s*:.{0,100}$/i, why: 'image credit' },
  { pattern: /^(?:[\p{L}. ]{0,40}(?:\/| \| |, ))?(?:getty images|shutterstock|ap photo|afp(?: via getty images)?|epa|reuters)(?:(?:\/| \| |, )[\p{L}. ]{0,40})?$/iu, why: 'photo agency credit' },
  // Filing metadata.
  { pattern: /^(?:filed under|tags?|topics?|categories|category)\s*:.{0,150}$/i, why: 'tag or category list' },
  { pattern: /^source\s*:.{0,60}$/i, why: 'source label under the text' },
  // Legal and copyright lines.
  { pattern: /^(?:©|\(c\)|copyright\b).{0,160}$/i, why: 'copyright line' },
  { pattern: /^all rights reserved\.?$/i, why: 'copyright line' },
  // Decorations: separators, lone numbers (share counts, page numbers), bullets with no words.
  { pattern: /^[\p{P}\p{S}\s]+$/u, why: 'separator or decoration without words' },
  { pattern: /^[\d\s.,:/|-]+$/u, why: 'number-only line (counter, page number, stray date digits)' },
];

export const BLOCK_RULES: readonly BlockRule[] = [
  // MENAFN-style disclaimers are hard-wrapped over several short lines that no line rule could recognize.
  { start: /^legal disclaimer\b.*$/i, until: 'blank', why: 'legal disclaimer, wrapped over several lines' },
  { start: /^disclaimer\s*:.*$/i, until: 'blank', why: 'disclaimer paragraph' },
  // A spelling-error form is the last thing on the page: its fields and buttons follow the label.
  { start: /^report (?:a )?spelling error\b.{0,40}$/i, until: 'end', why: 'spelling-error report form and fields' },
];
