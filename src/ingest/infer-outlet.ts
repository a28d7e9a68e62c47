// Guess the outlet of a plain-text article from the credits sites print around it, before cleaning
// removes them: a wire-style dateline "(Reuters) -", "(MENAFN)", "... contributed to this article for
// TROIB News", "Subscribe to Pravda.Ru Telegram channel". Used only when nothing better is known.

const NAME = String.raw`([\p{Lu}][\p{L}\p{N}.&'-]*(?: [\p{Lu}][\p{L}\p{N}.&'-]*){0,3}?)`;

// Each rule: a pattern whose first group is the outlet, and why it is trustworthy.
const OUTLET_RULES: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  {
    pattern: new RegExp(String.raw`^(?:[\p{Lu}][\p{L} ,.'-]{0,40} )?\(${NAME}\)\s*(?:[-\u2013\u2014:]\s*)?\p{Lu}`, 'mu'),
    why: 'wire dateline: "(MENAFN) NATO ...", "LONDON (Reuters) - ..."',
  },
  { pattern: new RegExp(String.raw`contributed to this (?:article|report) for ${NAME}\s*\.?\s*$`, 'mu'), why: 'credit footer' },
  { pattern: new RegExp(String.raw`^Subscribe to ${NAME} (?:Telegram|on Telegram|channel|newsletter)`, 'mu'), why: 'subscription footer' },
  {
    pattern: new RegExp(String.raw`^(?:Copyright|\u00A9)\s*(?:\d{4}\s+)?${NAME}\.?\s*(?:All rights reserved\.?)?\s*$`, 'mu'),
    why: 'copyright line',
  },
];

/** Words that look like a dateline outlet but are not one: "(AFP)" is, "(NV)" or "(Photo)" are not. */
const NOT_OUTLETS = new Set(['Photo', 'Video', 'Update', 'Updated', 'Opinion', 'Analysis', 'File', 'Reuters Photo']);

export function inferOutlet(raw: string): string | null {
  for (const rule of OUTLET_RULES) {
    const name = rule.pattern.exec(raw)?.[1]?.trim();
    if (name !== undefined && name.length >= 2 && !NOT_OUTLETS.has(name)) return name;
  }
  return null;
}
