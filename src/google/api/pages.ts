// Google's list methods page with `pageToken` in and `nextPageToken` out (every API the readers
// use: calendarList, events, people.connections, otherContacts, contactGroups, tasklists, tasks,
// files); the last page has no `nextPageToken`. One loop for all of them, each page fetched
// through `api.call` so that backoff and cancel reach it:
//
//   for await (const items of pages(async (pageToken) => {
//     const { data } = await api.call((signal) =>
//       client.calendarList.list({ maxResults: 250, pageToken }, { signal, retry: false }));
//     return { items: data.items, nextPageToken: data.nextPageToken };
//   })) { … }
import { BaluchonError } from '../../errors/baluchon-error.ts';

export interface Page<T> {
  readonly items?: readonly T[] | null | undefined;
  readonly nextPageToken?: string | null | undefined;
}

/** Each page's items in order, asking for the next page only when the previous was taken. */
export async function* pages<T>(
  fetchPage: (pageToken?: string) => Promise<Page<T>>,
): AsyncGenerator<readonly T[], void, undefined> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield page.items ?? [];
    const next = page.nextPageToken;
    token = next === null || next === undefined || next === '' ? undefined : next;
    // A token handed back twice would loop for ever; stop and say so rather than spin.
    if (token !== undefined) {
      if (seen.has(token)) {
        throw new BaluchonError('internal', { detail: 'Google repeated a pageToken' });
      }
      seen.add(token);
    }
  } while (token !== undefined);
}
