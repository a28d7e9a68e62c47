// Entry point of the `news-digest` bin.
import { COMMANDS } from './commands.ts';
import { dispatch } from './dispatch.ts';

const code = await dispatch(process.argv.slice(2), COMMANDS, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
