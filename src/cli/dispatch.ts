// Parse argv, pick the command, turn errors into one-line messages and exit codes:
// 0 ok, 1 the command failed, 2 the command line was wrong.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { didYouMean, suggest } from '../config/suggest.ts';
import { NewsDigestError, UserError } from '../domain/errors.ts';
import { UsageError, type CliCommand, type CliIo } from './command.ts';

export async function dispatch(argv: readonly string[], commands: readonly CliCommand[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(topic === undefined ? overview(commands) : `${topic.help.trimEnd()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('news-digest 0.1.0\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    const names = commands.map((c) => c.name);
    io.stderr.write(`news-digest: unknown command '${name}'${didYouMean(name, names)} (commands: ${names.join(', ')})\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help.trimEnd()}\n`);
    return 0;
  }
  // Found before parseArgs, whose message for this case is about positionals that start with '-'.
  const unknown = unknownOption(rest, command.options);
  if (unknown !== undefined) return usage(io, command, unknown);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(io, command, firstLine(error));
  }
  const { min, max } = command.positionals;
  if (parsed.positionals.length < min) return usage(io, command, 'missing argument');
  if (parsed.positionals.length > max) {
    return usage(io, command, `unexpected argument '${parsed.positionals[max] ?? ''}'`);
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, io });
  } catch (error) {
    if (error instanceof UsageError) return usage(io, command, error.message);
    if (error instanceof UserError) {
      io.stderr.write(`news-digest ${command.name}: ${error.message}\n`);
      return 1;
    }
    const code = error instanceof NewsDigestError ? ` [${error.code}]` : '';
    io.stderr.write(`news-digest ${command.name}: ${firstLine(error)}${code}\n`);
    if (io.env.DEBUG !== undefined && error instanceof Error && error.stack !== undefined) {
      io.stderr.write(`${error.stack}\n`);
    }
    return 1;
  }
}

/** "unknown option '--confg' (did you mean '--config'?)" for the first flag the command does not have. */
function unknownOption(args: readonly string[], options: ParseArgsOptionsConfig): string | undefined {
  const longs = Object.keys(options);
  const shorts = new Map(Object.entries(options).flatMap(([long, o]) => (o.short === undefined ? [] : [[o.short, long] as const])));
  let expectsValue = false;
  for (const arg of args) {
    if (expectsValue) {
      expectsValue = false;
      continue;
    }
    if (arg === '--') return undefined;
    let long: string | undefined;
    if (arg.startsWith('--')) {
      const [name = '', value] = arg.slice(2).split('=', 2);
      if (!longs.includes(name)) {
        const close = suggest(name, [...longs, 'help']).map((l) => `'--${l}'`);
        return `unknown option '--${name}'${close.length === 0 ? '' : ` (did you mean ${close.join(' or ')}?)`}`;
      }
      long = value === undefined ? name : undefined;
    } else if (/^-[^-]$/.test(arg)) {
      long = shorts.get(arg.slice(1));
      if (long === undefined) return `unknown option '${arg}'`;
    } else {
      continue; // a positional, or grouped short flags, which parseArgs judges
    }
    expectsValue = long !== undefined && options[long]?.type === 'string';
  }
  return undefined;
}

function usage(io: CliIo, command: CliCommand, message: string): number {
  io.stderr.write(`news-digest ${command.name}: ${message} (see 'news-digest ${command.name} --help')\n`);
  return 2;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'news-digest: groups news articles into stories and posts one cited summary per story.',
    '',
    'Usage: news-digest <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'news-digest <command> --help' for a command's options.",
    '',
  ].join('\n');
}
