// Issue 19, "noise and wrong words" on the command line, run as real processes: an unknown flag or command
// gets one line with a suggestion, export names a missing folder plainly, and a named input that does not
// exist makes the command exit 1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, tempDir } from '../helpers.ts';
import { runBin } from './run-bin.ts';

const dir = tempDir('news-digest-messages-');
const env = () => ({ STORE_URL: `sqlite://${join(dir.path, 'store.sqlite')}` });

beforeAll(() => {
  mkdirSync(join(dir.path, 'mixed'));
  writeFileSync(join(dir.path, 'mixed', 'good.txt'), 'Harbour reopens\n\nThe harbour of the town reopened on Monday after two weeks of repairs to the pier.\n');
  writeFileSync(join(dir.path, 'mixed', 'empty.txt'), '');
});
afterAll(() => dir.remove());

describe('operator messages', () => {
  it('answers an unknown flag with one line and a did-you-mean, exit 2', async () => {
    const result = await runBin(['digest', '--confg', 'x.yaml'], { cwd: dir.path, env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("news-digest digest: unknown option '--confg' (did you mean '--config'?) (see 'news-digest digest --help')\n");
    const far = await runBin(['export', '--colour'], { cwd: dir.path, env: env() });
    expect(far.stderr).toBe("news-digest export: unknown option '--colour' (see 'news-digest export --help')\n");
    const command = await runBin(['digets'], { cwd: dir.path, env: env() });
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'digets' (did you mean 'digest'?)");
  });

  it('says plainly that the folder of export --out does not exist, and leaves no partial file', async () => {
    const target = join(dir.path, 'missing-dir', 'x.json');
    const result = await runBin(['export', '--out', target], { cwd: dir.path, env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`news-digest export: cannot write ${target}: the folder ${join(dir.path, 'missing-dir')} does not exist (create it first)\n`);
    expect(result.stderr).not.toMatch(/ENOENT|\.partial/);
  });

  it('exits 1 when a named input does not exist, after handling the others', async () => {
    const digest = await runBin(['digest', '--sources', 'missing-dir'], { cwd: dir.path, env: env() });
    expect(digest.code).toBe(1);
    expect(digest.stderr).toContain(`skipped ${join(dir.path, 'missing-dir')}: no such file or folder`);
    const both = await runBin(['digest', '--sources', SEEDS, '--sources', 'missing-dir'], { cwd: dir.path, env: env() });
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/^news-digest: \d stor(y|ies)/);
    const ingest = await runBin(['ingest', 'missing.md'], { cwd: dir.path, env: env() });
    expect(ingest.code).toBe(1);
    expect(ingest.stdout).toContain(`skipped ${join(dir.path, 'missing.md')}: no such file or folder`);
  });

  it('still exits 0 when only files inside a named folder are skipped', async () => {
    const result = await runBin(['ingest', 'mixed'], { cwd: dir.path, env: env() });
    expect(result.stdout).toContain('1 new');
    expect(result.stdout).toContain('empty.txt: file is empty');
    expect(result.code).toBe(0);
  });
});
