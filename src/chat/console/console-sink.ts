// The console "chat platform": prints digests to a terminal, so the bot is useful with no tokens.
import type { ChatSink, Delivery } from '../sink.ts';
import { renderDigestText } from './render-text.ts';
import { textWidth } from './text-width.ts';

export interface ConsoleSinkOptions {
  readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly cwd?: string;
}

export function createConsoleSink(options: ConsoleSinkOptions): ChatSink {
  const width = textWidth(options.out);
  const color = options.out.isTTY === true;
  return {
    platform: 'console',
    async deliver(target, digest): Promise<Delivery[]> {
      const stamp = new Date(digest.generatedAt).toISOString().replace('T', ' ').slice(0, 16);
      options.out.write(`\n# ${target} · ${stamp} UTC\n`);
      const textOptions = options.cwd === undefined ? { width, color } : { width, color, cwd: options.cwd };
      options.out.write(renderDigestText(digest, textOptions));
      return digest.stories.map((story) => ({ storyId: story.id, messageId: null }));
    },
    async nothingNew(target, note) {
      options.out.write(`# ${target}: ${note}\n`);
    },
  };
}
