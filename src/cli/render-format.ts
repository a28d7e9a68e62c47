// Render a digest in the format the user asked for on the command line.
import { renderDigestMarkdown } from '../chat/console/render-markdown.ts';
import { renderDigestText } from '../chat/console/render-text.ts';
import { textWidth } from '../chat/console/text-width.ts';
import { digestToJson } from '../digest/digest-json.ts';
import type { Digest } from '../domain/digest.ts';
import type { CliIo } from './command.ts';
import type { Format } from './shared-flags.ts';

export function renderForCli(digest: Digest, format: Format, io: CliIo): string {
  if (format === 'json') return `${JSON.stringify(digestToJson(digest), null, 2)}\n`;
  if (format === 'markdown') return renderDigestMarkdown(digest, io.cwd);
  return renderDigestText(digest, { width: textWidth(io.stdout), color: io.stdout.isTTY === true, cwd: io.cwd });
}
