// feedparser's corpus: no crash on any file, and at least 95% of the applicable expectations hold.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, runCorpus } from './corpus-eval.ts';

describe.skipIf(!existsSync(CORPUS_DIR))('feedparser corpus', () => {
  it('never crashes and meets the 95% target on digest-relevant expectations', async () => {
    const report = await runCorpus();
    expect(report.files).toBeGreaterThan(900);
    expect(report.crashes).toEqual([]);
    expect(report.applicable).toBeGreaterThan(250);
    expect(report.passed / report.applicable).toBeGreaterThanOrEqual(0.95);
    expect(report.illformed.lostItems).toEqual([]);
  });
});
