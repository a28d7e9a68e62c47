// Discord's documented message and embed limits (CHAT-PLATFORMS.md), in one typed constant so the
// renderers, the splitter and the property tests agree on the same numbers.
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Sum of title, description, field names and values, footer text and author name over all embeds. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  threadName: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
} as const;

/** Discord's answer must never ping anyone: feed text can contain "@everyone". */
export const NO_MENTIONS = { parse: [] as [] } as const;
