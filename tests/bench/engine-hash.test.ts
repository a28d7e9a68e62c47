// `npm run engine-hash` is what commit messages cite for "same engine output": it must give the same hash
// for the same input every time, in any process, and a different one when any decision or any number in
// an explanation changes.
import { describe, expect, it } from 'vitest';
import { combine, engineHashInput, hashPart, type HashPart } from '../../bench/engine-hash.ts';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import { STORY_ENGINE_DEFAULTS } from '../../src/cluster/options.ts';

const { parts } = await engineHashInput();
const synthetic = parts.find((p) => p.name.startsWith('synthetic'))!;
const small: HashPart = { name: 'synthetic head', articles: synthetic.articles.slice(0, 300) };

describe('engine hash', () => {
  it('always covers seeds/ and the synthetic stream, which need nothing outside the repo', () => {
    expect(parts[0]).toMatchObject({ name: 'seeds' });
    expect(parts[0]!.articles.length).toBeGreaterThan(0);
    expect(synthetic.articles).toHaveLength(2000);
  });

  it('is the same for the same input through two fresh engines', () => {
    expect(hashPart(small)).toEqual(hashPart(small));
  });

  it('changes when an article changes, when an engine setting changes, and when a part is missing', () => {
    const base = hashPart(small);
    const [first, ...rest] = small.articles;
    const edited = { ...small, articles: [{ ...first!, title: `${first!.title} update` }, ...rest] };
    expect(hashPart(edited).sha256).not.toBe(base.sha256);
    // A setting that moves weights but may leave every assignment alone: the explanations' numbers differ.
    const reweighted = hashPart(small, () => createStoryEngine({ titleWeight: STORY_ENGINE_DEFAULTS.titleWeight + 0.5 }));
    expect(reweighted.sha256).not.toBe(base.sha256);
    const other = hashPart({ name: 'seeds', articles: parts[0]!.articles });
    expect(combine([base, other])).not.toBe(combine([base]));
  });
});
