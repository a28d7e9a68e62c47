// Every `news-digest` command, in the order `--help` lists them.
import type { CliCommand } from './command.ts';
import { clusterCommand } from './cluster-command.ts';
import { digestCommand } from './digest-command.ts';
import { discordCommand } from './discord-command.ts';
import { doctorCommand } from './doctor-command.ts';
import { exportCommand } from './export-command.ts';
import { explainCommand } from './explain-command.ts';
import { extractCommand } from './extract-command.ts';
import { createFeedCommand } from './feed-command.ts';
import { loadFeedStates } from './feed-states.ts';
import { importCommand } from './import-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { startCommand } from './start-command.ts';
import { storyCommand } from './story-command.ts';
import { summarizeCommand } from './summarize-command.ts';

export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  digestCommand,
  storyCommand,
  ingestCommand,
  explainCommand,
  extractCommand,
  createFeedCommand({ loadFeedStates }),
  clusterCommand,
  summarizeCommand,
  doctorCommand,
  exportCommand,
  importCommand,
  discordCommand,
];
