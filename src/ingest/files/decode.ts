// Bytes to text for article files: UTF-8 (with or without BOM) and UTF-16 with a BOM, a declared HTML
// charset, and Windows-1252 as the fallback for legacy 8-bit text, which is what invalid UTF-8 in an
// English news file almost always is. Binary files are refused rather than decoded into garbage.
import iconv from 'iconv-lite';

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** How many leading bytes are inspected for NUL bytes and a <meta charset>. */
const SNIFF_BYTES = 4096;

export function decodeText(bytes: Buffer, isHtml: boolean): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'file is empty' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: iconv.decode(bytes.subarray(2), 'utf-16le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: iconv.decode(bytes.subarray(2), 'utf-16be') };
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not text' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const declared = isHtml ? declaredCharset(head.toString('latin1')) : null;
  if (declared !== null && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) {
    return { ok: true, text: iconv.decode(body, declared) };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    // Not valid UTF-8: legacy 8-bit text. Windows-1252 maps every byte, so this cannot fail.
    return { ok: true, text: iconv.decode(body, 'windows-1252') };
  }
}

/** Charset from <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">. */
export function declaredCharset(head: string): string | null {
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}
