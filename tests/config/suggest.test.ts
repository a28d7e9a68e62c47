import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../src/config/suggest.ts';
import { keysAt } from '../../src/config/schema-keys.ts';
import { configSchema } from '../../src/config/schema.ts';

describe('did-you-mean suggestions', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('config', 'confg')).toBe(1);
    expect(editDistance('format', 'fromat')).toBe(1);
    expect(editDistance('size', 'sizes')).toBe(1);
    expect(editDistance('json', 'yaml')).toBe(4);
  });

  it('suggests close names and full names for a typed prefix, and nothing for unrelated words', () => {
    expect(suggest('confg', ['config', 'sources', 'format'])).toEqual(['config']);
    expect(suggest('allow', ['pollIntervalMinutes', 'teaserWords', 'allowPrivateAddresses', 'allowAddresses'])).toEqual([
      'allowAddresses',
      'allowPrivateAddresses',
    ]);
    expect(suggest('colour', ['config', 'sources', 'format', 'size'])).toEqual([]);
    expect(didYouMean('sise', ['size', 'sources'])).toBe(" (did you mean 'size'?)");
    expect(didYouMean('zzz', ['size'])).toBe('');
  });

  it('reads the valid keys at a config path from the schema, picking the source type that was written', () => {
    expect(keysAt(configSchema, ['feeds'], {})).toEqual(['pollIntervalMinutes', 'teaserWords', 'allowPrivateAddresses', 'allowAddresses']);
    expect(keysAt(configSchema, ['sources', 0], { sources: [{ type: 'feed' }] })).toEqual(['type', 'url', 'name']);
    expect(keysAt(configSchema, ['sources', 0], { sources: [{ type: 'files' }] })).toEqual(['type', 'path']);
    expect(keysAt(configSchema, ['channels', 0, 'schedule'], {})).toEqual(['cron', 'timezone']);
    expect(keysAt(configSchema, [], {})).toContain('channels');
  });
});
