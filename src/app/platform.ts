// A chat platform as the running bot sees it: a sink to post through and an app that receives
// commands. Built in main from the environment (tokens), so tests can pass stand-in-backed ones.
import type { ChatSink } from '../chat/sink.ts';
import type { CommandHandler } from '../commands/types.ts';

export interface PlatformAdapter {
  readonly platform: 'slack' | 'discord';
  readonly sink: ChatSink;
  start(handler: CommandHandler): Promise<void>;
  stop(): Promise<void>;
  /** For /healthz: whether the platform connection is up. */
  connected(): boolean;
}
