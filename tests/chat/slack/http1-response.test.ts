// The HTTP/1.1 response reader on raw bytes: every framing the poster may meet, fed whole, byte by byte
// and at every split point, since a socket hands over bytes in whatever pieces it likes.
import { describe, expect, it } from 'vitest';
import { type Http1Response, Http1ResponseParser } from '../../../src/chat/slack/http1-response.ts';

function parseAll(pieces: readonly Buffer[], endAfter = false): Http1Response[] {
  const out: Http1Response[] = [];
  const parser = new Http1ResponseParser((r) => out.push(r));
  for (const piece of pieces) parser.push(piece);
  if (endAfter) parser.end();
  return out;
}

/** The same bytes fed whole, one byte at a time, and cut in two at every position. */
function everySplit(text: string | Buffer, endAfter = false): Http1Response[][] {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const runs = [parseAll([bytes], endAfter), parseAll([...bytes].map((b) => Buffer.from([b])), endAfter)];
  for (let cut = 1; cut < bytes.length; cut += 1) runs.push(parseAll([bytes.subarray(0, cut), bytes.subarray(cut)], endAfter));
  return runs;
}

const ok = '{"ok":true,"ts":"1700000000.000001","text":"Grindavík"}';

describe('HTTP/1.1 response parser', () => {
  it('reads Content-Length bodies, two answers back to back, however the bytes arrive', () => {
    const first = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(ok)}\r\n\r\n${ok}`;
    const second = 'HTTP/1.1 429 Too Many Requests\r\nretry-after: 3\r\ncontent-length: 2\r\n\r\n{}';
    for (const run of everySplit(first + second)) {
      expect(run).toEqual([
        { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(ok)) }, body: ok, close: false },
        { status: 429, headers: { 'retry-after': '3', 'content-length': '2' }, body: '{}', close: false },
      ]);
    }
  });

  it('reads chunked bodies with chunk extensions and trailers, and skips an interim 100 Continue', () => {
    const bytes = Buffer.from(ok);
    const a = bytes.subarray(0, bytes.indexOf(Buffer.from('í')) + 1);
    // The cut between the chunks falls inside the two bytes of "í": the text is decoded after joining.
    const b = bytes.subarray(a.length);
    const bytesOf = Buffer.concat([
      Buffer.from('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n'),
      Buffer.from(`${a.length.toString(16)};name=value\r\n`),
      a,
      Buffer.from(`\r\n${b.length.toString(16).toUpperCase()}\r\n`),
      b,
      Buffer.from('\r\n0\r\nX-Trailer: yes\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n'),
    ]);
    for (const run of everySplit(bytesOf)) {
      expect(run.map((r) => [r.status, r.body, r.close])).toEqual([
        [200, ok, false],
        [204, '', false],
      ]);
    }
  });

  it('reads a body framed by the end of the connection, and flags Connection: close', () => {
    for (const run of everySplit(`HTTP/1.0 200 OK\r\nConnection: close\r\n\r\n${ok}`, true)) {
      expect(run).toEqual([{ status: 200, headers: { connection: 'close' }, body: ok, close: true }]);
    }
  });

  it('an HTTP/1.0 answer closes the connection unless it says keep-alive', () => {
    const [plain, kept] = parseAll([Buffer.from('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\n{}')]);
    expect([plain?.close, kept?.close]).toEqual([true, false]);
  });

  it('joins repeated headers, and accepts repeated equal Content-Length values', () => {
    const [response] = parseAll([Buffer.from('HTTP/1.1 200 OK\r\nVary: a\r\nvary: b\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}')]);
    expect(response?.headers['vary']).toBe('a, b');
    expect(response?.body).toBe('{}');
  });

  it('refuses what it cannot frame safely', () => {
    const bad = [
      'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}XX',
      'SSH-2.0-OpenSSH\r\n\r\n',
      'HTTP/1.1 200 OK\r\nno colon here\r\n\r\n',
    ];
    for (const text of bad) expect(() => parseAll([Buffer.from(text)]), text).toThrow(expect.objectContaining({ code: 'HTTP1_PROTOCOL_ERROR' }));
  });

  it('an answer cut short by the end of the connection is an error, a finished one is not', () => {
    const parser = new Http1ResponseParser(() => undefined);
    parser.push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}'));
    expect(() => parser.end()).toThrow(expect.objectContaining({ code: 'HTTP1_PROTOCOL_ERROR' }));

    const done: Http1Response[] = [];
    const finished = new Http1ResponseParser((r) => done.push(r));
    finished.push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}'));
    expect(() => finished.end()).not.toThrow();
    expect(done).toHaveLength(1);
  });
});
