// One slash command from acknowledgement to answer. Discord wants a response within 3 seconds, so the
// command is deferred at once; the handler's reply then edits that deferred message (the token stays
// valid for 15 minutes) and longer replies continue as follow-ups.
import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandHandler, CommandReply, CommandRequest } from '../../commands/types.ts';
import { UserError } from '../../domain/errors.ts';
import type { Logger } from '../../ops/logger.ts';
import { answersInChannel, isCommandName, requestText } from './commands.ts';
import { truncate } from './escape.ts';
import { DISCORD_LIMITS } from './limits.ts';
import type { DiscordMessage } from './render.ts';
import { renderDiscordReply } from './render-reply.ts';

export interface InteractionDeps {
  readonly handler: CommandHandler;
  /** Discord user ids that count as admins even without Manage Server. */
  readonly adminUserIds: readonly string[];
  readonly logger: Logger;
}

export const FAILURE_TEXT = 'Sorry, that did not work. The error has been logged; please try again later.';

/** Whether the caller may change feeds and settings: Manage Server in this guild, or listed in config. */
export function isDiscordAdmin(interaction: ChatInputCommandInteraction, adminUserIds: readonly string[]): boolean {
  if (adminUserIds.includes(interaction.user.id)) return true;
  // memberPermissions already counts Administrator as having every permission.
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
}

export async function handleChatCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const name = interaction.commandName;
  if (!isCommandName(name)) {
    // A command left over from an older registration: answer rather than let Discord show "failed".
    await interaction.reply({ content: `Unknown command /${name}.`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  const text = requestText(name, interaction.options);
  const inChannel = answersInChannel(name);
  await interaction.deferReply(inChannel ? {} : { flags: MessageFlags.Ephemeral });

  const request: CommandRequest = {
    platform: 'discord',
    command: name,
    text,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    isAdmin: async () => isDiscordAdmin(interaction, deps.adminUserIds),
  };
  let reply: CommandReply;
  try {
    reply = await deps.handler.handle(request);
  } catch (error) {
    deps.logger.error(`discord: /${name} failed for user ${interaction.user.id} in ${interaction.channelId}`, error);
    const message = error instanceof UserError ? truncate(error.message, 300) : FAILURE_TEXT;
    reply = { visibility: 'ephemeral', text: message };
  }
  await sendReply(interaction, renderDiscordReply(reply), inChannel, reply.visibility === 'ephemeral');
}

/**
 * The deferred message already has its visibility. A reply meant only for the caller after a public
 * deferral (say "no story matches") removes the public placeholder and follows up privately. The
 * other way round stays private: visibility is only ever narrowed after the acknowledgement, never
 * widened, so nothing a handler meant for one person can end up in the channel by accident.
 */
async function sendReply(
  interaction: ChatInputCommandInteraction,
  messages: readonly DiscordMessage[],
  deferredInChannel: boolean,
  wantsEphemeral: boolean,
): Promise<void> {
  const ephemeral = wantsEphemeral || !deferredInChannel;
  const followUp = (message: DiscordMessage) =>
    interaction.followUp({ ...payload(message), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  const [first, ...rest] = messages;
  if (first === undefined) return;
  if (deferredInChannel && wantsEphemeral) {
    await interaction.deleteReply();
    await followUp(first);
  } else {
    await interaction.editReply(payload(first));
  }
  for (const message of rest) await followUp(message);
}

function payload(message: DiscordMessage) {
  return {
    content: truncate(message.content, DISCORD_LIMITS.content),
    embeds: message.embeds,
    allowedMentions: { parse: [] },
  };
}
