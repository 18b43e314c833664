// Every page of one People API list, in order: Google hands a `nextPageToken` until the last
// page, and every other parameter must stay the same from page to page (People API
// `connections.list`, `contactGroups.list`, `otherContacts.list`).
import { BaluchonError } from '../../../errors/baluchon-error.ts';

export interface Page {
  readonly nextPageToken?: string | null;
}

export async function forEachPage<T extends Page>(
  fetchPage: (pageToken: string | undefined) => Promise<T>,
  visit: (page: T) => void,
): Promise<void> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    visit(page);
    token =
      page.nextPageToken === null || page.nextPageToken === '' ? undefined : page.nextPageToken;
    // A token handed twice would page forever: that is an answer we do not understand.
    if (token !== undefined && seen.has(token)) {
      throw new BaluchonError('internal', { detail: `Google repeated the page token ${token}` });
    }
    if (token !== undefined) seen.add(token);
  } while (token !== undefined);
}
