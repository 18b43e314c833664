// Every page of a Google list method: the first request without `pageToken`, then one per
// `nextPageToken` until none is given (Calendar and Tasks APIs, "Pagination"). Each page goes
// through GoogleApiContext.call, so backoff, cancel and pause reach every request. One page is
// asked for ahead, no more: memory holds at most two pages.
import type { GoogleApiContext } from '../../../google/google-api-context.ts';

export interface GooglePage<T> {
  readonly items?: T[] | null;
  readonly nextPageToken?: string | null;
}

export async function* allPages<T>(
  api: GoogleApiContext,
  page: (signal: AbortSignal, pageToken: string | undefined) => Promise<{ data: GooglePage<T> }>,
): AsyncGenerator<T[]> {
  const fetchPage = (token: string | undefined): Promise<{ data: GooglePage<T> }> => {
    const request = api.call((signal) => page(signal, token));
    // Awaited below; this only keeps a page nobody waits for any more (the reader stopped on an
    // error) from being an unhandled rejection.
    request.catch(() => undefined);
    return request;
  };
  const seen = new Set<string>();
  let next = fetchPage(undefined);
  for (;;) {
    const { data } = await next;
    const token = data.nextPageToken ?? undefined;
    // A token given twice would page forever: Google never does, a broken proxy might.
    const more = token !== undefined && token !== '' && !seen.has(token);
    if (more) {
      seen.add(token);
      // The next page is asked for before this one is handed over: the network works while the
      // reader converts.
      next = fetchPage(token);
      // Let the request reach the wire before the reader's conversion holds the event loop
      // (the client prepares it over a few turns: auth header, then the socket write).
      for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    }
    yield data.items ?? [];
    if (!more) return;
  }
}
