// Slash command text arrives in Slack's wire format: links wrapped as <url|label> or <url>, mentions as
// <@U123|name> / <#C123|name>, and &, <, > escaped as entities. Handlers want what the user typed.

const LINK = /<((?:https?|mailto):[^|>\s]+)(?:\|[^>]*)?>/g;
const USER = /<@([A-Z0-9]+)(?:\|([^>]*))?>/g;
const CHANNEL = /<#([A-Z0-9]+)(?:\|([^>]*))?>/g;
const SPECIAL = /<!([a-z]+)(?:\^[^|>]*)?(?:\|([^>]*))?>/g;

export function unwrapSlackText(text: string): string {
  return (
    text
      .replace(LINK, (_m, url: string) => url)
      .replace(USER, (_m, id: string, name?: string) => `@${name !== undefined && name !== '' ? name : id}`)
      .replace(CHANNEL, (_m, id: string, name?: string) => `#${name !== undefined && name !== '' ? name : id}`)
      .replace(SPECIAL, (_m, word: string, label?: string) => (label !== undefined && label !== '' ? label : `@${word}`))
      // Entities last, and &amp; after the others, so "&amp;lt;" stays the literal text "&lt;".
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .trim()
  );
}
