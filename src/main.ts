// Composition root for `npm start`: the same as `news-digest start`, with any extra flags passed on.
import { COMMANDS } from './cli/commands.ts';
import { dispatch } from './cli/dispatch.ts';

process.exitCode = await dispatch(['start', ...process.argv.slice(2)], COMMANDS, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
