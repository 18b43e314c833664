// The family's Google account read live, through Google's APIs, as a Source: each product the
// family ticked and Google granted is read once by its own reader (calendar/, tasks/, contacts/,
// drive/), and the readings are put together into the inventory the engine already knows from an
// archive. Calendars keep Google's iCalUIDs, contacts get the archive path's UIDs and Drive's
// tree the archive's paths, so an archive moved before and a sign-in later meet on the same
// items: updates, never duplicates.
import { noNotes, noPhotos } from '../../contract/scan.ts';
import type { GoogleApiContext } from '../../google/google-api-context.ts';
import type { GoogleProduct } from '../../google/google-products.ts';
import type { Translator } from '../../i18n/create-i18n.ts';
import type { InventoryFacts, ReadOptions, Source, SourceInventory } from '../source.ts';
import { readGoogleCalendars } from './calendar/read-google-calendars.ts';
import { readGoogleContacts } from './contacts/read-google-contacts.ts';
import { readGoogleDrive } from './drive/read-google-drive.ts';
import type {
  GoogleCalendarsReading,
  GoogleContactsReading,
  GoogleTasksReading,
} from './google-readings.ts';
import type { GoogleDriveLiveReading } from './drive/read-google-drive.ts';
import { readGoogleTasks } from './tasks/read-google-tasks.ts';

export interface GoogleSourceOptions {
  /** The signed-in account, to name the source ("camille.dupont@gmail.com"). */
  readonly email: string | null;
  /** What Google granted (the family may untick a product on Google's consent page). */
  readonly products: readonly GoogleProduct[];
  /** A context for one reading: every request goes through its `call`, under its signal. */
  api(signal: AbortSignal): GoogleApiContext;
  readonly t: Translator;
  /** Where exported documents wait between Google and the new host (Baluchon's data folder). */
  readonly tmpDir: string;
  /** Files shared with the family but owned by others: only when asked. */
  readonly sharedWithMe?: boolean;
}

export function openGoogleSource(options: GoogleSourceOptions): Source {
  let reading: Promise<SourceInventory> | undefined;
  // What the reading leaves to remove when the source closes (Drive's spooled exports).
  const closers: (() => Promise<void>)[] = [];
  return {
    kind: 'google',
    // The account is what tells this source from another when a move resumes.
    identity: [{ name: `Google (${options.email ?? '?'})`, size: 0 }],
    read: (readOptions) => (reading ??= readAccount(options, readOptions, closers)),
    close: async () => {
      for (const close of closers.splice(0)) await close();
    },
  };
}

async function readAccount(
  options: GoogleSourceOptions,
  { signal, onProgress, onProblem }: ReadOptions,
  closers: (() => Promise<void>)[],
): Promise<SourceInventory> {
  const api = options.api(signal);
  const granted = new Set(options.products);
  const base = { api, t: options.t, onProblem };
  // Progress counts the products read: the APIs do not say how many items are coming.
  const products = (['calendar', 'tasks', 'contacts', 'drive'] as const).filter((p) =>
    granted.has(p),
  );
  let done = 0;
  const step = async <T>(work: Promise<T>): Promise<T> => {
    const value = await work;
    done += 1;
    onProgress?.({
      phase: 'reading',
      entriesDone: done,
      entriesTotal: products.length,
      bytesDone: 0,
      bytesTotal: 0,
    });
    return value;
  };
  onProgress?.({
    phase: 'listing',
    entriesDone: 0,
    entriesTotal: products.length,
    bytesDone: 0,
    bytesTotal: 0,
  });
  // One product after the other: Google's per-user quotas are shared by all four APIs' calls
  // only loosely, but a family's account is small enough that order costs little and keeps the
  // rate of requests within what one user may send.
  const calendars: GoogleCalendarsReading | null = granted.has('calendar')
    ? await step(readGoogleCalendars(base))
    : null;
  const tasks: GoogleTasksReading | null = granted.has('tasks')
    ? await step(readGoogleTasks(base))
    : null;
  const contacts: GoogleContactsReading | null = granted.has('contacts')
    ? await step(readGoogleContacts({ ...base, otherContacts: granted.has('other-contacts') }))
    : null;
  const drive: GoogleDriveLiveReading | null = granted.has('drive')
    ? await step(
        readGoogleDrive({
          ...base,
          sharedWithMe: options.sharedWithMe ?? false,
          tmpDir: options.tmpDir,
        }),
      )
    : null;
  if (drive !== null) closers.push(() => drive.close());
  const facts: InventoryFacts = {
    archives: [],
    missingParts: [],
    calendars: calendars?.facts ?? [],
    contacts: contacts?.facts ?? { count: 0, labels: [], starred: 0, otherContacts: 0 },
    tasks: tasks?.facts ?? { count: 0, lists: [], cleared: 0 },
    files: drive?.facts ?? {
      folder: null,
      count: 0,
      bytes: 0,
      documents: { count: 0, byFormat: {} },
      cannotMove: [],
    },
    photos: noPhotos,
    notes: noNotes,
    others: [],
  };
  return {
    facts,
    calendars: calendars?.calendars ?? [],
    taskLists: tasks?.taskLists ?? [],
    addressBooks: contacts?.addressBooks ?? [],
    files: drive?.files ?? null,
    photos: null,
    notes: null,
  };
}
