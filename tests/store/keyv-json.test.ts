// The fast keyv serializer writes exactly what keyv's own writes and reads back exactly what keyv's own
// reads, including strings starting with ':' (keyv escapes them) and Buffers (base64).
import fc from 'fast-check';
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { deserializeForKeyv, KEYV_JSON, serializeForKeyv } from '../../src/store/keyv-json.ts';

const keyv = new Keyv();
const keyvSerialize = keyv.serialize as (data: unknown) => string;
const keyvDeserialize = keyv.deserialize as (text: string) => unknown;

// Strings rich in the characters that matter: ':' at the start, quotes, commas, brackets, backslashes.
const tricky = fc.string({ unit: fc.constantFrom(':', '"', ',', '[', ']', '{', '}', '\\', ' ', 'a', 'é', 'null', 'base64:') });
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(tricky, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true })),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(tricky, tie('node'), { maxKeys: 4 })),
})).node;

describe('keyv JSON serializer', () => {
  it('writes the same text as keyv for JSON-like values, strings starting with ":" included', () => {
    fc.assert(
      fc.property(value, fc.option(fc.integer()), (v, expires) => {
        const stored = { value: v, expires: expires ?? undefined };
        expect(serializeForKeyv(stored)).toBe(keyvSerialize(stored));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads back what keyv reads, from its own text and from keyv-written text', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = keyvSerialize({ value: v });
        expect(deserializeForKeyv(text)).toEqual(keyvDeserialize(text));
        expect(deserializeForKeyv(serializeForKeyv({ value: v }))).toEqual(keyvDeserialize(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves the cases where keyv differs from JSON to keyv: escaped strings, Buffers, holes and functions in arrays', () => {
    const cases: unknown[] = [
      ':starts with a colon',
      { value: { messageId: ':x', list: [':a', 'b'] } },
      { value: Buffer.from('bytes') },
      { value: { nested: [Buffer.from([0, 255])] } },
      // eslint-disable-next-line no-sparse-arrays
      { value: [1, , 3] },
      { value: [1, () => 2, 3] },
      { value: [undefined, null] },
      null,
    ];
    for (const data of cases) {
      expect(serializeForKeyv(data)).toBe(keyvSerialize(data));
      expect(deserializeForKeyv(keyvSerialize(data))).toEqual(keyvDeserialize(keyvSerialize(data)));
    }
    expect(deserializeForKeyv(keyvSerialize({ value: Buffer.from('bytes') }))).toEqual({ value: Buffer.from('bytes') });
  });

  it('round-trips through a Keyv, reading data an unmodified Keyv wrote', async () => {
    const store = new Map();
    const plain = new Keyv({ store });
    const fast = new Keyv({ store, ...KEYV_JSON });
    const record = { channelId: 'c1', storyId: ':s1', sentences: ['One.', ':two'], messageId: null, version: '2' };
    await plain.set('post:c1:s1', record);
    expect(await fast.get('post:c1:s1')).toEqual(record);
    await fast.set('post:c1:s2', { ...record, storyId: 's2' });
    expect(await plain.get('post:c1:s2')).toEqual({ ...record, storyId: 's2' });
  });
});
