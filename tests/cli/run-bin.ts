// Runs the real `news-digest` bin in a child process, as an operator would, and returns what it printed.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers.ts';

const run = promisify(execFile);
const BIN = join(ROOT, 'bin', 'news-digest.js');

export interface BinResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** `env` is the whole environment of the child (plus PATH), so a developer's own settings cannot leak in. */
export async function runBin(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<BinResult> {
  const env = { PATH: process.env.PATH ?? '', ...options.env };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: options.cwd, env, timeout: 30_000 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number | string };
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : -1 };
  }
}
