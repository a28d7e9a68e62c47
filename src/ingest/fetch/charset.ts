// Bytes to text for feeds and pages. Order of evidence: byte order mark, then the HTTP header, then the
// XML declaration or HTML <meta charset>, then UTF-8. A label that iconv-lite does not know, or a UTF-8
// label on bytes that are not UTF-8 (a common server misconfiguration), falls through to the next clue,
// and finally to windows-1252, which decodes any byte sequence the way browsers do for legacy pages.
import iconv from 'iconv-lite';

const BOMS: ReadonlyArray<readonly [readonly number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function bomEncoding(bytes: Uint8Array): string | undefined {
  for (const [marks, encoding] of BOMS) {
    if (marks.every((b, i) => bytes[i] === b)) return encoding;
  }
  // UTF-16 without a BOM still starts with "<" as one of two bytes.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[3] === 0x3f) return 'utf-16be';
  return undefined;
}

export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII-compatible in every encoding we can reach here, so latin1 is a safe peek.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1] !== undefined) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head);
  return meta?.[1]?.toLowerCase();
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isUtf8Label(label: string): boolean {
  return /^utf-?8$/i.test(label);
}

export interface DecodedText {
  readonly text: string;
  /** The encoding actually used, for diagnostics (`feed check`). */
  readonly encoding: string;
}

export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = bomEncoding(bytes);
  const candidates = [bom, charsetFromContentType(contentType), declaredCharset(bytes)].filter(
    (label): label is string => label !== undefined && iconv.encodingExists(label),
  );
  for (const label of candidates) {
    // A UTF-8 label is only believed when the bytes agree; other labels cannot be verified this cheaply.
    if (isUtf8Label(label) && label !== bom && !isValidUtf8(bytes)) continue;
    return { text: stripBom(iconv.decode(Buffer.from(bytes), label)), encoding: label };
  }
  if (isValidUtf8(bytes)) return { text: stripBom(Buffer.from(bytes).toString('utf8')), encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
