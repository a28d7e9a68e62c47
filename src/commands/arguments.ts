// Split a slash command's argument text into words, honouring "double" and 'single' quotes
// (`/digest-settings schedule "0 8 * * 1-5" tz Europe/Berlin`). Curly quotes count too: phones type them.
export function splitArguments(text: string): string[] {
  const normalized = text.replace(/[\u201C\u201D]/g, '"').replace(/[\u2018\u2019]/g, "'");
  const out: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of normalized.matchAll(pattern)) out.push(match[1] ?? match[2] ?? match[3] ?? '');
  return out;
}
