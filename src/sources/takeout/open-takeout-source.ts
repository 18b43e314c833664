// A Google Takeout export (.zip, .tgz parts or unpacked folders) as a Source. `read()` walks the
// parts once (src/takeout/read-inventory.ts) and hands out both what "What we found" shows and
// the handles the planners read items from: the calendar's header and identity come from that
// walk, Tasks.json is read during it, Drive's summary is computed once. Afterwards a calendar is
// opened again only by the planner's own passes (src/ical: survey, then prepare). Google Photos
// and Keep come built from the same walk (each picture once, each note), with feeds of their bytes.
import { tmpdir } from 'node:os';
import type { ProblemFact } from '../../contract/problem.ts';
import { createI18n } from '../../i18n/create-i18n.ts';
import type { Translator } from '../../i18n/create-i18n.ts';
import type { BombLimits } from '../../takeout/bomb-limits.ts';
import { openTakeout } from '../../takeout/open-takeout.ts';
import type { Takeout } from '../../takeout/open-takeout.ts';
import { readInventory } from '../../takeout/read-inventory.ts';
import type { TakeoutSources } from '../../takeout/read-inventory.ts';
import type { ContentLimits } from '../../takeout/scan-visitor.ts';
import type { TakeoutEntry } from '../../takeout/takeout-source.ts';
import { calendarIdentity, googleCalendarAliases } from '../calendar-identity.ts';
import type {
  InventoryFacts,
  ReadOptions,
  Source,
  SourceAddressBook,
  SourceCalendar,
  SourceInventory,
} from '../source.ts';
import type { FeedOptions } from './archive-order-feed.ts';
import { countReads, newReadCount } from './read-count.ts';
import type { ReadCount } from './read-count.ts';
import { calendarContent, contactsSource } from './takeout-content.ts';
import { takeoutFiles } from './takeout-files.ts';
import { takeoutNotes } from './takeout-notes.ts';
import { takeoutPhotos } from './takeout-photos.ts';
import { takeoutTaskLists } from './takeout-task-lists.ts';
import { spoolTgzContent } from './tgz-spool.ts';

export interface TakeoutSourceOptions {
  readonly signal?: AbortSignal;
  /** What is judged too large or a trap (tests lower them to use small fixtures). */
  readonly limits?: Partial<BombLimits & ContentLimits>;
  /**
   * The family's language, for the names of the new collections ("Famille (Google)"). Absent
   * (a scan, which shows the calendars' own names): English.
   */
  readonly t?: Translator;
  /**
   * Where the copies of a .tgz's calendars and contacts go (tgz-spool.ts), so that planning
   * does not inflate the part again; default: the system's temporary folder. null: no copies
   * (a scan, which reads nothing after the inventory).
   */
  readonly tmpDir?: string | null;
  /** Memory bounds for Drive files read in archive order (.tgz); see archive-order-feed.ts. */
  readonly feed?: Omit<FeedOptions, 'signal'>;
}

export interface TakeoutSource extends Source {
  readonly kind: 'takeout';
  /** What has been read from the archive so far (the bench prints it). */
  readonly reads: Readonly<ReadCount>;
}

export async function openTakeoutSource(
  paths: readonly string[],
  options: TakeoutSourceOptions = {},
): Promise<TakeoutSource> {
  // Problems met while opening (mixed exports, an unreadable part) and during any later walk
  // are told through the reading's onProblem; those found before it are kept until then.
  const early: ProblemFact[] = [];
  let sink: ((problem: ProblemFact) => void) | null = null;
  const opened = await openTakeout(paths, {
    onProblem: (problem) => {
      if (sink === null) early.push(problem);
      else sink(problem);
    },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  const reads = newReadCount();
  const spool =
    options.tmpDir === null ? null : spoolTgzContent(opened, options.tmpDir ?? tmpdir());
  const takeout = countReads(spool ?? opened, reads, (path) => spool?.spooled(path) === true);
  const t = options.t ?? createI18n('en').t;
  let reading: Promise<SourceInventory> | null = null;
  return {
    kind: 'takeout',
    // The parts' names and sizes: the same export given again resumes its interrupted run.
    identity: opened.parts.map((part) => ({ name: part.name, size: part.bytes })),
    reads,
    read(read: ReadOptions) {
      reading ??= (async () => {
        sink = read.onProblem;
        for (const problem of early.splice(0)) read.onProblem(problem);
        const { facts, sources } = await readInventory(takeout, read.onProblem, {
          signal: read.signal,
          ...(read.onProgress === undefined ? {} : { onProgress: read.onProgress }),
          ...(options.limits === undefined ? {} : { limits: options.limits }),
        });
        // The reasons a Drive item cannot move, in the family's language (the service may word
        // them again in its own).
        const worded: InventoryFacts = {
          ...facts,
          files: {
            ...facts.files,
            cannotMove: facts.files.cannotMove.map((item) => ({
              ...item,
              reason: t(`takeout:cannotMove.${item.kind}`),
            })),
          },
        };
        return inventoryOf(takeout, worded, sources, t, read, options.feed);
      })();
      return reading;
    },
    close: () => (spool ?? opened).close(),
  };
}

async function inventoryOf(
  takeout: Takeout,
  facts: InventoryFacts,
  sources: TakeoutSources,
  t: Translator,
  read: ReadOptions,
  feed: TakeoutSourceOptions['feed'],
): Promise<SourceInventory> {
  const tree = await takeout.entries();
  const entryOf = (path: string): TakeoutEntry[] => {
    const entry = tree.get(path);
    return entry === undefined ? [] : [entry];
  };
  const calendars = facts.calendars.flatMap((calendar): SourceCalendar[] =>
    entryOf(calendar.key).map((entry) => {
      const file = sources.calendarFiles.get(calendar.key) ?? {
        name: calendar.name,
        header: [],
        signs: { events: calendar.events, sampled: 0, birthdayEvents: 0, holidayEvents: 0 },
      };
      const content = calendarContent(entry, file.header, read.signal);
      return {
        key: calendar.key,
        displayName: calendar.name,
        description: content.header['X-WR-CALDESC'] ?? null,
        color: calendar.color,
        count: calendar.events,
        aliases: googleCalendarAliases(
          calendar.name,
          facts.calendars.map((one) => one.name),
        ),
        identity: calendarIdentity(file, t),
        content,
      };
    }),
  );
  const kindProblems: NonNullable<SourceInventory['kindProblems']>[number][] = [];
  const taskLists = sources.tasks.flatMap((path) => {
    const text = sources.tasksText.get(path);
    return text === undefined
      ? []
      : takeoutTaskLists(path, text, t, (problem) => {
          kindProblems.push({ kind: 'tasks', problem });
        });
  });
  // A picture or a Keep attachment the export lacks only matters when that kind moves.
  for (const problem of sources.photos?.problems ?? []) {
    kindProblems.push({ kind: 'photos', problem });
  }
  for (const problem of sources.keep?.problems ?? []) kindProblems.push({ kind: 'notes', problem });
  const contactEntries = sources.contacts.flatMap(entryOf);
  // Every label file in one address book: telling a saved person from one of Google's "other
  // contacts" (and the same person in both) needs every card at once, so they are not split in
  // two books; the planner moves the other contacts only when the family ticked them.
  const addressBooks: SourceAddressBook[] =
    contactEntries.length === 0
      ? []
      : [
          {
            key: 'contacts',
            displayName: t('migration:contacts.book-name'),
            description: t('migration:contacts.book-description'),
            color: null,
            count: facts.contacts.count,
            content: contactsSource(contactEntries, read.signal),
            otherContacts: false,
          },
        ];
  const files =
    sources.driveFolder === null || sources.drive === null
      ? null
      : takeoutFiles(takeout, sources.driveFolder, sources.drive, feed);
  return {
    facts,
    calendars,
    taskLists,
    addressBooks,
    files,
    photos: sources.photos === null ? null : takeoutPhotos(takeout, sources.photos, feed),
    notes: sources.keep === null ? null : takeoutNotes(takeout, sources.keep, feed),
    kindProblems,
  };
}
