// Another host's CalDAV/CardDAV/WebDAV account as a source: discovery as for a destination
// (src/dav/discover.ts), calendars, task lists and address books listed with sync-collection
// (RFC 6578) where the collection offers it, else PROPFIND, and read by multiget in batches;
// files by a PROPFIND walk and streamed GETs. Only PROPFIND, REPORT, OPTIONS and GET are ever
// sent: a source is read, never written (tests/sources/dav/read-only.int.spec.ts proves it).
import type { Account } from '../../contract/connect.ts';
import type { ProblemFact } from '../../contract/problem.ts';
import type { DavClient } from '../../dav/dav-client.ts';
import { discover } from '../../dav/discover.ts';
import { listByPropfind } from '../../dav/list-members.ts';
import { parseServerAddress } from '../../dav/server-address.ts';
import { listBySyncCollection } from '../../dav/sync-collection.ts';
import type {
  ReadOptions,
  Source,
  SourceAddressBook,
  SourceCalendar,
  SourceFiles,
  SourceInventory,
  SourceTaskList,
} from '../source.ts';
import { davFacts } from './dav-facts.ts';
import { readDavFiles } from './dav-files.ts';
import { listDavCollections } from './list-collections.ts';
import type { DavCollection } from './list-collections.ts';
import { onceEach, readMembers } from './member-content.ts';
import { readCalendarCollection } from './read-calendars.ts';

type DavHomes = Pick<Account, 'calendarHome' | 'addressbookHome' | 'filesRoot'>;

export interface DavSourceOptions {
  readonly client: DavClient;
  /** The address the family typed for the previous host (discovery starts there). */
  readonly server: string;
  /** The homes when already discovered (the service's connect); else read() discovers them. */
  readonly homes?: DavHomes;
  /**
   * How members are listed: 'auto' uses sync-collection where a collection offers it;
   * 'propfind' forces the PROPFIND listing (servers without RFC 6578; tests of that path).
   */
  readonly listing?: 'auto' | 'propfind';
  /** Resources per multiget (default 50): the most a pass holds in memory at once. */
  readonly batchSize?: number;
  /** Which parts to read (default all): a family moving calendars only skips the files walk. */
  readonly parts?: {
    readonly calendars?: boolean;
    readonly contacts?: boolean;
    readonly files?: boolean;
  };
}

export function openDavSource(options: DavSourceOptions): Source {
  let reading: Promise<SourceInventory> | undefined;
  // Server and user name: what tells this account from another when a run resumes. The address
  // as discovery reads it (scheme, trailing slash), so `host` and `https://host/` are one source;
  // an address that cannot be one fails here, before anything is read (connect.bad-address).
  const base = parseServerAddress(options.server).base;
  return {
    kind: 'dav',
    identity: [{ name: `${base} (${options.client.username})`, size: 0 }],
    read: (readOptions) => (reading ??= readAccount(options, readOptions)),
    // The DavClient (and its sockets) belongs to the caller, who closes it.
    close: () => Promise.resolve(),
  };
}

async function readAccount(
  options: DavSourceOptions,
  { signal, onProgress, onProblem }: ReadOptions,
): Promise<SourceInventory> {
  const { client } = options;
  const homes = options.homes ?? (await discover(client, options.server, signal));
  const report = onceEach((problem: ProblemFact) => {
    onProblem(problem);
  });
  const batchSize = Math.max(1, options.batchSize ?? 50);
  const listMembers = async (collection: DavCollection): Promise<string[]> => {
    const synced =
      options.listing !== 'propfind' && collection.syncToken
        ? await listBySyncCollection(client, collection.url, signal)
        : null;
    const members = synced ?? (await listByPropfind(client, collection.url, signal));
    // A stable order: every pass of the engine must meet the items in the same order.
    return members.map((member) => member.url).sort();
  };
  const want = { calendars: true, contacts: true, files: true, ...options.parts };

  const collections: DavCollection[] = [];
  if (want.calendars && homes.calendarHome !== null) {
    collections.push(...(await listDavCollections(client, homes.calendarHome, signal)));
  }
  const sameHome = homes.addressbookHome === homes.calendarHome && want.calendars;
  if (want.contacts && homes.addressbookHome !== null && !sameHome) {
    collections.push(...(await listDavCollections(client, homes.addressbookHome, signal)));
  }
  const progress = (done: number, total: number): void => {
    onProgress?.({
      phase: 'listing',
      entriesDone: done,
      entriesTotal: total,
      bytesDone: 0,
      bytesTotal: 0,
    });
  };

  const calendars: SourceCalendar[] = [];
  const taskLists: SourceTaskList[] = [];
  const addressBooks: SourceAddressBook[] = [];
  const reading = { client, batchSize, signal, onProblem: report, listMembers };
  let done = 0;
  for (const collection of collections) {
    if (collection.kind === 'calendar' && want.calendars) {
      const { calendar, taskList } = await readCalendarCollection(collection, reading);
      if (calendar !== null) calendars.push(calendar);
      if (taskList !== null) taskLists.push(taskList);
    } else if (collection.kind === 'addressbook' && want.contacts) {
      addressBooks.push(await addressBookOf(collection, reading));
    }
    progress((done += 1), collections.length);
  }

  let files: SourceFiles | null = null;
  if (want.files && homes.filesRoot !== null) {
    files = await readDavFiles(client, homes.filesRoot, signal, (count) => {
      onProgress?.({
        phase: 'reading',
        entriesDone: count,
        entriesTotal: count,
        bytesDone: 0,
        bytesTotal: 0,
      });
    });
  }
  return {
    facts: davFacts({ calendars, taskLists, addressBooks, files }),
    calendars,
    taskLists,
    addressBooks,
    files,
    photos: null,
    notes: null,
  };
}

async function addressBookOf(
  collection: DavCollection,
  reading: {
    client: DavClient;
    batchSize: number;
    signal: AbortSignal;
    onProblem: (problem: ProblemFact) => void;
    listMembers: (collection: DavCollection) => Promise<string[]>;
  },
): Promise<SourceAddressBook> {
  const members = await reading.listMembers(collection);
  return {
    key: collection.path,
    displayName: collection.displayName,
    description: collection.description,
    color: null,
    count: members.length,
    otherContacts: false,
    content: {
      key: collection.path,
      async *open() {
        const cards = readMembers({
          ...reading,
          collection: collection.url,
          kind: 'addressbook',
          members,
        });
        // One vCard per resource (RFC 6352 §5.1), with CRLF line ends as RFC 6350 §3.2 wants.
        for await (const card of cards)
          yield `${card.replace(/\r\n|\r|\n/g, '\r\n').trimEnd()}\r\n`;
      },
    },
  };
}
