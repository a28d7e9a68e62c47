// Platform-neutral slash commands. A platform adapter (chat/slack, chat/discord) turns its payload into
// a CommandRequest, calls the handler, and renders the CommandReply natively. Handlers never see SDK types.
import type { DigestStory } from '../domain/digest.ts';

export type CommandName = 'story' | 'digest' | 'feeds' | 'digest-settings';

export interface CommandRequest {
  readonly platform: 'slack' | 'discord' | 'console';
  readonly command: CommandName;
  /** The argument text after the command name, already unwrapped of platform markup (Slack <url|label>). */
  readonly text: string;
  /** Platform channel id the command was typed in. */
  readonly channelId: string;
  /** Platform user id of the caller. */
  readonly userId: string;
  /** Whether the caller may change feeds and settings (the platform decides: Slack admins/owners,
   * Discord Manage Server, or user ids listed in config). Called only by commands that need it. */
  isAdmin(): Promise<boolean>;
}

export interface CommandReply {
  /** 'ephemeral': only the caller sees it; 'channel': everyone in the channel. */
  readonly visibility: 'ephemeral' | 'channel';
  /** Plain text (short notices, errors, lists). Renderers escape it. */
  readonly text?: string;
  /** Stories to show in full (for /story and /digest preview). */
  readonly stories?: readonly DigestStory[];
  /** Line items (feeds list, closest headlines) shown under `text`. */
  readonly items?: readonly string[];
}

export interface CommandHandler {
  handle(request: CommandRequest): Promise<CommandReply>;
}
