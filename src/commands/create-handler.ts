// Route a platform-neutral command to its handler. Unexpected failures become a short apology for the
// user and a full error for the log (ARCHITECTURE.md rule 5).
import type { Logger } from '../ops/logger.ts';
import { handleDigest } from './digest-handler.ts';
import { handleFeeds } from './feeds-handler.ts';
import type { CommandServices } from './services.ts';
import { handleSettings } from './settings-handler.ts';
import { handleStory } from './story-handler.ts';
import type { CommandHandler } from './types.ts';

export function createCommandHandler(services: CommandServices, logger: Logger): CommandHandler {
  return {
    async handle(request) {
      try {
        switch (request.command) {
          case 'story':
            return await handleStory(request, services);
          case 'digest':
            return await handleDigest(request, services);
          case 'feeds':
            return await handleFeeds(request, services);
          case 'digest-settings':
            return await handleSettings(request, services);
        }
      } catch (error) {
        logger.error(`/${request.command} failed (${request.platform} channel ${request.channelId})`, error);
        return { visibility: 'ephemeral', text: 'Sorry, something went wrong on our side. Please try again in a minute.' };
      }
    },
  };
}
