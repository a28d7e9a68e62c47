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

// The long-running command has stopped; SDK timers (a Slack retry backing off) must not keep the
// process alive. Give stdout a moment to drain, then exit; unref() lets a quiet process end sooner.
const EXIT_GRACE_MS = 1_000;
setTimeout(() => process.exit(process.exitCode ?? 0), EXIT_GRACE_MS).unref();
