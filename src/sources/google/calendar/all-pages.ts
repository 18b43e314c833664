// Every page of a Google list method: the first request without `pageToken`, then one per
// `nextPageToken` until none is given (Calendar and Tasks APIs, "Pagination"). Each page goes
// through GoogleApiContext.call, so backoff, cancel and pause reach every request.
import type { GoogleApiContext } from '../../../google/google-api-context.ts';

export interface GooglePage<T> {
  readonly items?: T[] | null;
  readonly nextPageToken?: string | null;
}

export async function* allPages<T>(
  api: GoogleApiContext,
  page: (signal: AbortSignal, pageToken: string | undefined) => Promise<{ data: GooglePage<T> }>,
): AsyncGenerator<T[]> {
  let pageToken: string | undefined;
  const seen = new Set<string>();
  do {
    const token = pageToken;
    const { data } = await api.call((signal) => page(signal, token));
    yield data.items ?? [];
    pageToken = data.nextPageToken ?? undefined;
    // A token given twice would page forever: Google never does, a broken proxy might.
    if (pageToken !== undefined && seen.has(pageToken)) break;
    if (pageToken !== undefined) seen.add(pageToken);
  } while (pageToken !== undefined && pageToken !== '');
}
