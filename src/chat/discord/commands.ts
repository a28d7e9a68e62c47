// The slash commands as Discord registers them, and the mapping from a command's options back to the
// argument text the platform-neutral handlers parse (the same text a Slack user would type).
//
//   /story query:<q>                                   -> "q"
//   /digest                                            -> ""
//   /digest preview:True                               -> "preview"
//   /feeds list                                        -> "list"
//   /feeds add url:<u>                                 -> "add <u>"
//   /feeds remove id:<id>                              -> "remove <id>"
//   /digest-settings schedule cron:<c> [tz:<zone>]     -> 'schedule "<c>" tz <zone>' (tz part only when given)
//   /digest-settings quiet range:<HH:MM-HH:MM>         -> "quiet HH:MM-HH:MM"
//   /digest-settings size n:<n>                        -> "size n"
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandName } from '../../commands/types.ts';

type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

const string = (name: string, description: string, extra: { max_length?: number } = {}): APIApplicationCommandBasicOption => ({
  type: ApplicationCommandOptionType.String,
  name,
  description,
  required: true,
  ...extra,
});

const subcommand = (
  name: string,
  description: string,
  options: APIApplicationCommandBasicOption[] = [],
): APIApplicationCommandSubcommandOption => ({ type: ApplicationCommandOptionType.Subcommand, name, description, options });

// Guild only: digests are posted to server channels, and "Manage Server" only means something there.
const base = (): Pick<CommandJson, 'type' | 'contexts'> => ({
  type: ApplicationCommandType.ChatInput,
  contexts: [InteractionContextType.Guild],
});

export const DISCORD_COMMANDS: readonly CommandJson[] = [
  {
    ...base(),
    name: 'story',
    description: 'Show the story that best matches a few words (older ones from the archive)',
    options: [string('query', 'Words from the story, e.g. "nato membership"', { max_length: 200 })],
  },
  {
    ...base(),
    name: 'digest',
    description: 'Post the latest stories, or preview them just for you',
    options: [
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'preview',
        description: 'Show the digest only to you instead of posting it',
        required: false,
      },
    ],
  },
  {
    ...base(),
    name: 'feeds',
    description: 'List, add or remove the feeds this channel follows (admins)',
    options: [
      subcommand('list', 'List the feeds this channel follows'),
      subcommand('add', 'Follow a feed (admins only)', [string('url', 'Feed or site address (https://...)', { max_length: 2000 })]),
      subcommand('remove', 'Stop following a feed (admins only)', [string('id', 'Feed id from /feeds list', { max_length: 100 })]),
    ],
  },
  {
    ...base(),
    name: 'digest-settings',
    description: 'Change when and how much this channel gets (admins only)',
    options: [
      subcommand('schedule', 'When digests are posted', [
        string('cron', 'Cron expression, e.g. "0 8 * * 1-5"', { max_length: 100 }),
        { ...string('tz', 'IANA time zone, e.g. Europe/Berlin', { max_length: 64 }), required: false },
      ]),
      subcommand('quiet', 'Hours with no posts', [string('range', 'HH:MM-HH:MM, e.g. 22:00-07:00', { max_length: 11 })]),
      subcommand('size', 'Stories per digest', [
        { type: ApplicationCommandOptionType.Integer, name: 'n', description: 'Number of stories (1-50)', required: true, min_value: 1, max_value: 50 },
      ]),
    ],
  },
];

/** What the mapping needs from discord.js's option resolver (so it can be tested without an interaction). */
export interface OptionReader {
  getSubcommand(required: false): string | null;
  getString(name: string): string | null;
  getInteger(name: string): number | null;
  getBoolean(name: string): boolean | null;
}

const NAMES: readonly CommandName[] = ['story', 'digest', 'feeds', 'digest-settings'];

export function isCommandName(name: string): name is CommandName {
  return (NAMES as readonly string[]).includes(name);
}

/** The argument text for the handler, in the order it parses (see the table at the top). */
export function requestText(command: CommandName, options: OptionReader): string {
  const str = (name: string) => (options.getString(name) ?? '').trim();
  switch (command) {
    case 'story':
      return str('query');
    case 'digest':
      return options.getBoolean('preview') === true ? 'preview' : '';
    case 'feeds': {
      const sub = options.getSubcommand(false) ?? 'list';
      if (sub === 'add') return `add ${str('url')}`;
      if (sub === 'remove') return `remove ${str('id')}`;
      return sub;
    }
    case 'digest-settings': {
      const sub = options.getSubcommand(false) ?? '';
      if (sub === 'schedule') {
        // The cron has spaces, so it is quoted; quotes typed by the user would end it early.
        const cron = str('cron').replace(/"/g, '');
        const tz = str('tz');
        return tz === '' ? `schedule "${cron}"` : `schedule "${cron}" tz ${tz}`;
      }
      if (sub === 'quiet') return `quiet ${str('range')}`;
      if (sub === 'size') return `size ${options.getInteger('n') ?? ''}`.trim();
      return sub;
    }
  }
}

/**
 * Whether the deferred answer should be public. Only /story answers the channel; /digest posts its
 * stories through the sink and only confirms to the caller, and feeds and settings are private.
 */
export function answersInChannel(command: CommandName): boolean {
  return command === 'story';
}
