// Every file and folder the reading covers, in as many files.list pages as Google needs, and My
// Drive's own id (files.get('root')): items whose parent it is sit at the root of the tree.
//
// The query (Drive's search syntax, developers.google.com/workspace/drive/api/guides/ref-search-
// terms): `trashed = false` leaves the bin out; `'me' in owners` keeps what the family owns,
// which is also what Takeout exports (TAKEOUT-NOTES §1.5); `sharedWithMe = true` adds what others
// shared with them, only when asked. `corpora=user`: My Drive and shared-with-me, not the shared
// drives of a Workspace.
import type { drive_v3 } from '@googleapis/drive';
import { pages } from '../../../google/api/pages.ts';
import type { GoogleApiContext } from '../../../google/google-api-context.ts';
import { driveItemOf, LIST_FIELDS } from './drive-item.ts';
import { FOLDER_MIME } from './drive-kinds.ts';
import type { DriveItem } from './drive-item.ts';

/** A value in Drive's query language: quotes and backslashes escaped (ref-search-terms). */
function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Google's largest page for files.list. */
const PAGE_SIZE = 1000;

function driveQuery(sharedWithMe: boolean): string {
  return sharedWithMe
    ? "trashed = false and ('me' in owners or sharedWithMe = true)"
    : "trashed = false and 'me' in owners";
}

export interface DriveListing {
  readonly rootId: string;
  readonly items: readonly DriveItem[];
  /** Files Google described without an id, a name or a type (never seen; counted, not guessed). */
  readonly unreadable: number;
}

export async function listDrive(
  api: GoogleApiContext,
  client: drive_v3.Drive,
  sharedWithMe: boolean,
  onPage: (itemsSoFar: number) => void,
): Promise<DriveListing> {
  const root = await api.call((signal) =>
    client.files.get({ fileId: 'root', fields: 'id' }, { signal, retry: false }),
  );
  const rootId = root.data.id ?? 'root';
  const items: DriveItem[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  const listAll = async (q: string): Promise<DriveItem[]> => {
    const found: DriveItem[] = [];
    const pagesOf = pages<drive_v3.Schema$File>(async (pageToken) => {
      const { data } = await api.call((signal) =>
        client.files.list(
          {
            q,
            corpora: 'user',
            spaces: 'drive',
            pageSize: PAGE_SIZE,
            fields: LIST_FIELDS,
            ...(pageToken === undefined ? {} : { pageToken }),
          },
          { signal, retry: false },
        ),
      );
      return { items: data.files, nextPageToken: data.nextPageToken };
    });
    for await (const files of pagesOf) {
      for (const file of files) {
        // Asked with `trashed = false`; checked again so a stale index never moves the bin.
        if (file.trashed === true) continue;
        const item = driveItemOf(file);
        if (item === null) unreadable++;
        else if (!seen.has(item.id)) {
          seen.add(item.id);
          items.push(item);
          found.push(item);
        }
      }
      onPage(items.length);
    }
    return found;
  };
  const first = await listAll(driveQuery(sharedWithMe));
  if (sharedWithMe) {
    // Folders someone else owns, whose content the family sees but does not own.
    const waiting = first.filter((item) => item.mimeType === FOLDER_MIME && !item.ownedByMe);
    for (let folder = waiting.shift(); folder !== undefined; folder = waiting.shift()) {
      const inside = await listAll(`${quoted(folder.id)} in parents and trashed = false`);
      waiting.push(...inside.filter((item) => item.mimeType === FOLDER_MIME && !item.ownedByMe));
    }
  }
  return { rootId, items, unreadable };
}
