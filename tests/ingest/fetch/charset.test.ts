import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBody } from '../../../src/ingest/fetch/charset.ts';

const xml = (encoding: string, body: string): string => `<?xml version="1.0" encoding="${encoding}"?><title>${body}</title>`;

describe('decodeBody', () => {
  it('uses the HTTP charset first', () => {
    const bytes = iconv.encode(xml('utf-8', 'Привет'), 'koi8-r');
    expect(decodeBody(bytes, 'text/xml; charset=KOI8-R').text).toContain('Привет');
  });
  it('falls back to the XML declaration when the header label is unknown', () => {
    const bytes = iconv.encode(xml('windows-1251', 'Привет'), 'windows-1251');
    const decoded = decodeBody(bytes, 'text/xml; charset=x-no-such-charset');
    expect([decoded.text.includes('Привет'), decoded.encoding]).toEqual([true, 'windows-1251']);
  });
  it('does not believe a UTF-8 label on Latin-1 bytes', () => {
    const bytes = iconv.encode(xml('iso-8859-1', 'café'), 'latin1');
    expect(decodeBody(bytes, 'application/rss+xml; charset=utf-8').text).toContain('café');
  });
  it('lets a byte order mark win over a wrong label', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml('utf-16', 'ü'), 'utf-16le')]);
    const decoded = decodeBody(bytes, 'text/xml; charset=iso-8859-1');
    expect(decoded.text.startsWith('<?xml')).toBe(true);
    expect(decoded.text).toContain('ü');
  });
  it('reads <meta charset> in HTML and defaults to UTF-8, then windows-1252', () => {
    const html = iconv.encode('<html><head><meta charset="shift_jis"></head><body>日本</body></html>', 'shift_jis');
    expect(decodeBody(html, 'text/html').text).toContain('日本');
    expect(decodeBody(Buffer.from('<a>naïve</a>'), null).encoding).toBe('utf-8');
    expect(decodeBody(Buffer.from([0x3c, 0x61, 0x3e, 0x93, 0x3c]), null).text).toBe('<a>\u201c<');
  });
});
