// The one refusal every admin-only command gives: short, polite, and only to the caller.
import type { CommandReply, CommandRequest } from './types.ts';

// Each platform names its admins differently; the refusal uses the words its users know.
const WHO: Record<CommandRequest['platform'], string> = {
  slack: 'workspace admins',
  discord: 'members with the Manage Server permission',
  console: 'admins',
};

export function notAdmin(platform: CommandRequest['platform']): CommandReply {
  return {
    visibility: 'ephemeral',
    text: `Sorry, only ${WHO[platform]} can change feeds and digest settings. Ask one of them to do it for you.`,
  };
}
