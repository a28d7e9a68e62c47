// keyv's stored format, written and read with plain JSON.stringify / JSON.parse whenever that gives the
// same text and value as keyv's own serializer (@keyv/serialize). Its serializer walks every value in
// JavaScript, building the text by concatenation, and its parser calls a reviver on every value; on the
// delivery path (an outbox entry and a post record per message, 1,000 channels at once) that walk was a
// tenth of the bot's CPU. Values the fast path cannot vouch for go through keyv's own functions, so the
// stored text is byte-for-byte what keyv writes, and the SQLite and Redis stores, older data and the
// export/import commands read it unchanged.
import Keyv, { type Deserialize, type KeyvOptions, type Serialize } from 'keyv';

// keyv's own defaults (whatever the installed keyv ships), taken from an instance so that the fallback can
// never drift from the format keyv itself reads.
const keyvDefaults = new Keyv();
const keyvSerialize = keyvDefaults.serialize as (data: unknown) => string;
const keyvDeserialize = keyvDefaults.deserialize as (data: string) => unknown;

/**
 * Where keyv's format differs from JSON, visible in JSON's text:
 * - a string value starting with ':' (keyv writes '::...', and ':base64:...' for a Buffer). In compact JSON
 *   every string value starts right after '{"key":', ',' or '[' (or the text's start), and a '"' inside a
 *   string is always escaped, so such a value shows as `:":`, `,":` or `[":`. Whitespace is allowed for
 *   text that another writer formatted;
 * - a Buffer, which JSON.stringify writes as {"type":"Buffer","data":[...]};
 * - null in an array, which JSON.stringify also writes for a function, a symbol or a hole, where keyv
 *   skips the element.
 * A match only sends the value the slow way (say, a key ending in ','), never the wrong way.
 */
const COLON_STRING = /(?:^|[:,[])\s*":/;
const NOT_JSON_ALIKE = /(?:^|[:,[])\s*":|"type":"Buffer"|[[,]null[\],]/;

export function serializeForKeyv(data: unknown): string {
  const text = JSON.stringify(data) as string | undefined;
  return text === undefined || NOT_JSON_ALIKE.test(text) ? keyvSerialize(data) : text;
}

/** keyv's reviver only touches strings starting with ':'; without any, JSON.parse gives the same value. */
export function deserializeForKeyv(text: string): unknown {
  return COLON_STRING.test(text) ? keyvDeserialize(text) : JSON.parse(text);
}

/** Pass to every Keyv the bot opens (see open-keyv.ts). */
export const KEYV_JSON = {
  serialize: serializeForKeyv as Serialize,
  // keyv's type promises its stored shape ({ value, expires }); JSON.parse returns what was stored.
  deserialize: deserializeForKeyv as Deserialize,
} as const satisfies Partial<KeyvOptions>;
