import { describe, expect, it } from 'vitest';
import { inferOutlet } from '../../src/ingest/infer-outlet.ts';

describe('inferOutlet', () => {
  it.each([
    ['(MENAFN) NATO Secretary General Mark Rutte has stated ...', 'MENAFN'],
    ['LONDON (Reuters) - Britain said on Monday ...', 'Reuters'],
    ['Body text.\nAlejandro Jose Martinez contributed to this article for TROIB News', 'TROIB News'],
    ['Body.\n\nSubscribe to Pravda.Ru Telegram channel, Facebook, RSS!', 'Pravda.Ru'],
    ['Body.\n\u00A9 2025 Example Media Group', 'Example Media Group'],
  ])('finds the outlet in %j', (raw, outlet) => {
    expect(inferOutlet(raw)).toBe(outlet);
  });

  it('returns null when nothing names the outlet, and ignores non-outlet brackets', () => {
    expect(inferOutlet('In an interview with New Voice of Ukraine (NV), Mr. Rutte noted ...')).toBeNull();
    expect(inferOutlet('(Photo) A man walks past.')).toBeNull();
    expect(inferOutlet('Plain article text with no credits.')).toBeNull();
  });
});
