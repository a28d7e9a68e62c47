// The Discord adapter's public surface: what main.ts, the CLI and the outbox need.
export { type DiscordApp, type DiscordAppOptions, DISCORD_APP_DEFAULTS, createDiscordApp } from './app.ts';
export { type DiscordSinkOptions, createDiscordSink } from './sink.ts';
export { type DiscordErrorCode, DiscordDeliveryError } from './errors.ts';
export { type RegisterOptions, type RegisterResult, registerDiscordCommands } from './register.ts';
export { DISCORD_COMMANDS, requestText } from './commands.ts';
export { DISCORD_LIMITS } from './limits.ts';
export { type DiscordMessage, renderDiscordStory, renderDiscordUpdate } from './render.ts';
export { packEmbeds, renderDiscordDigest, renderDiscordReply } from './render-reply.ts';
