// Skipped sources and files are reported on stderr, one line each, and never stop a command.
import type { SourceProblem } from '../app/read-sources.ts';
import type { CliIo } from './command.ts';

export function reportProblems(problems: readonly SourceProblem[], io: CliIo): void {
  for (const problem of problems) io.stderr.write(`skipped ${problem.source}: ${problem.reason}\n`);
}
