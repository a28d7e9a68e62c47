// In-memory twin of the Fetcher port: URL -> body (or an error to throw), with a log of requests.
import type { FetchOutcome, FetchRequest, Fetcher } from '../../../src/ingest/fetch/safe-fetch.ts';

export function createFakeFetcher(pages: Record<string, string | Error>): Fetcher & { readonly requests: FetchRequest[] } {
  const requests: FetchRequest[] = [];
  return {
    requests,
    fetch(request: FetchRequest): Promise<FetchOutcome> {
      requests.push(request);
      const page = pages[request.url];
      if (page instanceof Error) return Promise.reject(page);
      if (page === undefined) return Promise.reject(new Error(`no fake page for ${request.url}`));
      return Promise.resolve({
        kind: 'ok', url: request.url, status: 200, contentType: null, body: Buffer.from(page), etag: null, lastModified: null,
      });
    },
  };
}
