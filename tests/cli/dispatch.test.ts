import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';
import { dispatch } from '../../src/cli/dispatch.ts';
import { captureIo } from '../helpers.ts';

describe('news-digest command line', () => {
  it('lists the commands with --help and no arguments', async () => {
    for (const argv of [[], ['--help']]) {
      const io = captureIo();
      expect(await dispatch(argv, COMMANDS, io)).toBe(0);
      expect(io.out()).toMatch(/Usage: news-digest <command>/);
      for (const command of COMMANDS) expect(io.out()).toContain(command.name);
    }
  });

  it.each(COMMANDS.map((c) => c.name))('%s --help prints its usage and exits 0', async (name) => {
    const io = captureIo();
    expect(await dispatch([name, '--help'], COMMANDS, io)).toBe(0);
    expect(io.out()).toMatch(new RegExp(`^Usage: news-digest ${name}`));
  });

  it('rejects an unknown flag with one line and exit code 2', async () => {
    const io = captureIo();
    expect(await dispatch(['digest', '--colour'], COMMANDS, io)).toBe(2);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toMatch(/digest: .*--colour/);
  });

  it('rejects a bad flag value with exit code 2', async () => {
    const io = captureIo();
    expect(await dispatch(['digest', '--sources', 'seeds', '--format', 'yaml'], COMMANDS, io)).toBe(2);
    expect(io.err()).toMatch(/--format must be one of text, markdown, json \(got "yaml"\)/);
    const size = captureIo();
    expect(await dispatch(['digest', '--size', '0'], COMMANDS, size)).toBe(2);
    expect(size.err()).toMatch(/--size must be a whole number/);
  });

  it('rejects an unknown command and a missing argument with exit code 2', async () => {
    const io = captureIo();
    expect(await dispatch(['digets'], COMMANDS, io)).toBe(2);
    expect(io.err()).toMatch(/unknown command 'digets'/);
    const story = captureIo();
    expect(await dispatch(['story'], COMMANDS, story)).toBe(2);
    expect(story.err()).toMatch(/story: missing argument/);
  });

  it('reports an invalid config as a user error (exit 1, no stack)', async () => {
    const io = captureIo();
    expect(await dispatch(['digest', '--config', '/nonexistent.yaml'], COMMANDS, io)).toBe(1);
    expect(io.err()).toMatch(/invalid configuration in \/nonexistent.yaml/);
    expect(io.err()).not.toMatch(/at .*\.ts:\d+/);
  });
});
