// The one refusal every admin-only command gives: short, polite, and only to the caller.
import type { CommandReply } from './types.ts';

export const NOT_ADMIN: CommandReply = {
  visibility: 'ephemeral',
  text: 'Sorry, only workspace admins can change feeds and digest settings. Ask an admin to do it for you.',
};
