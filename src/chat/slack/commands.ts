// The four slash commands: ack at once, run the platform-neutral handler, answer through response_url.
import type { App } from '@slack/bolt';
import type { CommandHandler, CommandName, CommandReply, CommandRequest } from '../../commands/types.ts';
import { UserError } from '../../domain/errors.ts';
import type { Logger } from '../../ops/logger.ts';
import { renderSlackReply } from './render-reply.ts';
import { unwrapSlackText } from './unwrap-text.ts';

export const SLACK_COMMANDS: readonly CommandName[] = ['story', 'digest', 'feeds', 'digest-settings'];

/** Commands that search, summarize or build a digest: worth telling the caller we heard them. */
const SLOW_COMMANDS: ReadonlySet<CommandName> = new Set(['story', 'digest']);

export const WORKING_TEXT = 'Working on it…';
export const FAILURE_TEXT = 'Sorry, something went wrong while answering that. The problem has been logged.';

export interface CommandDeps {
  readonly handler: CommandHandler;
  readonly isAdmin: (userId: string) => Promise<boolean>;
  readonly logger: Logger;
}

export function registerSlackCommands(app: App, deps: CommandDeps): void {
  for (const name of SLACK_COMMANDS) {
    app.command(`/${name}`, async ({ command, ack, respond }) => {
      // Slack needs the ack within 3 s; the answer follows through response_url (valid 30 minutes).
      await ack(SLOW_COMMANDS.has(name) ? { response_type: 'ephemeral', text: WORKING_TEXT } : undefined);
      const request: CommandRequest = {
        platform: 'slack',
        command: name,
        text: unwrapSlackText(command.text ?? ''),
        channelId: command.channel_id,
        userId: command.user_id,
        isAdmin: () => deps.isAdmin(command.user_id),
      };
      const reply = await answer(deps, request);
      const responseType = reply.visibility === 'channel' ? 'in_channel' : 'ephemeral';
      for (const message of renderSlackReply(reply)) {
        await respond({
          response_type: responseType,
          text: message.text,
          blocks: [...message.blocks],
          unfurl_links: false,
          unfurl_media: false,
        });
      }
    });
  }
}

/** The handler's reply; a failure becomes a short message for the user and the full error for the log. */
async function answer(deps: CommandDeps, request: CommandRequest): Promise<CommandReply> {
  try {
    return await deps.handler.handle(request);
  } catch (error) {
    if (error instanceof UserError) return { visibility: 'ephemeral', text: error.message };
    deps.logger.error(`slack: /${request.command} failed for ${request.userId} in ${request.channelId}`, error);
    return { visibility: 'ephemeral', text: FAILURE_TEXT };
  }
}
