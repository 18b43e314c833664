// What the scan reads while it walks the export: every file outside Drive that could be a
// calendar, contacts or tasks (by extension, then by content), what Google Photos and Keep need
// (a few numbers and a title per photo's sidecar, each album's title, each Keep note), and a
// sniff of JSON files to name the products Baluchon does not move. Results of a file are kept
// only once the file was read to its end: a file cut short by damaged data counts for nothing
// and is named instead.
import type { Readable } from 'node:stream';
import { MAX_INDEX_BYTES, mayBeIndexPage, partNamesInIndex } from './archive-index.ts';
import { CALENDAR_KEEP, CalendarTally } from './calendar-tally.ts';
import type { CalendarFacts } from './calendar-tally.ts';
import type { CalendarFile } from '../sources/calendar-identity.ts';
import type { ContentLine } from './content-line.ts';
import { ContactsFileTally } from './contacts-tally.ts';
import { ContentLineSplitter } from './content-lines.ts';
import { isKnownDriveFolder } from './drive-files.ts';
import { baseName, extensionOf, topFolder } from './entry-path.ts';
import { ICalComponentReader } from './ical-components.ts';
import { KeepNote } from '../notes/keep-note.ts';
import { isAlbumDescription } from './photos-folders.ts';
import type { ProblemTally } from './problem-tally.ts';
import { MAX_SIDECAR_BYTES, readAlbumDescription, readSidecar } from './sidecar-facts.ts';
import type { AlbumDescription, SidecarFacts } from './sidecar-facts.ts';
import { MAX_TASKS_BYTES, readTasks, TasksFormatError } from './read-tasks.ts';
import type { TasksFacts } from './read-tasks.ts';
import { SNIFF_BYTES, sniff } from './sniff-content.ts';
import type { Sniffed } from './sniff-content.ts';
import { takeoutProblem } from './takeout-problems.ts';
import type { ProblemSink, TakeoutEntry, TakeoutVisitor } from './takeout-source.ts';
import { VCardReader } from './vcard-cards.ts';

export interface ContentLimits {
  /** A calendar or contacts file larger than this is not one (50,000 events weigh ~60 MB). */
  readonly maxContentBytes: number;
  /** Nor a task list larger than this (it is read whole, to be parsed as JSON). */
  readonly maxTasksBytes: number;
  /** A photo's sidecar larger than this is not read (its picture is then undated). */
  readonly maxSidecarBytes: number;
  /** Nor a Keep note (Keep caps a note at 20,000 characters; with its HTML copy, far less). */
  readonly maxNoteBytes: number;
}

export const defaultContentLimits: ContentLimits = {
  maxContentBytes: 512 * 1024 * 1024,
  maxTasksBytes: MAX_TASKS_BYTES,
  maxSidecarBytes: MAX_SIDECAR_BYTES,
  maxNoteBytes: 1024 * 1024,
};

const CALENDAR_EXTENSIONS = new Set(['ics', 'ical', 'icalendar', 'ifb']);
const CONTACTS_EXTENSIONS = new Set(['vcf', 'vcard']);
/** After this many JSON files of one kind, a folder's other JSON files are not opened. */
const JSON_SNIFFS_PER_FOLDER = 8;

export interface ContactsFile {
  readonly path: string;
  readonly tally: ContactsFileTally;
}

export class ScanVisitor implements TakeoutVisitor {
  readonly calendars = new Map<string, CalendarFacts>();
  /** Per calendar entry, what its identity is judged on (src/sources/calendar-identity.ts). */
  readonly calendarFiles = new Map<string, CalendarFile & { header: readonly ContentLine[] }>();
  readonly contacts: ContactsFile[] = [];
  readonly tasks = new Map<string, TasksFacts>();
  /** Each Tasks.json as read (a few megabytes at most): the source's task lists come from it. */
  readonly tasksText = new Map<string, string>();
  /** Per top-level folder, how many files of each kind its sniffed files were. */
  readonly sniffed = new Map<string, Map<Sniffed, number>>();
  /** Part names read on the export's index page (see archive-index.ts). */
  readonly partsInIndex = new Set<string>();
  /** What Google Photos' library is built from (photos-library.ts): per sidecar, a few numbers. */
  readonly photoSidecars = new Map<string, SidecarFacts>();
  /** Each album's description file, by path. */
  readonly albumDescriptions = new Map<string, AlbumDescription>();
  /** Each Keep note that could be read, by the path of its JSON. */
  readonly keepNotes = new Map<string, KeepNote>();
  readonly #report: ProblemSink;
  readonly #limits: ContentLimits;

  constructor(report: ProblemSink, limits: Partial<ContentLimits> = {}) {
    this.#report = report;
    this.#limits = { ...defaultContentLimits, ...limits };
  }

  visit(entry: TakeoutEntry): boolean {
    const top = topFolder(entry.path);
    // Files in Drive are the family's files, whatever they contain (a .ics kept in Drive is a file).
    if (top !== '' && isKnownDriveFolder(top)) return false;
    if (mayBeIndexPage(entry.path, entry.size)) return true;
    const extension = extensionOf(entry.path);
    if (CALENDAR_EXTENSIONS.has(extension) || CONTACTS_EXTENSIONS.has(extension)) {
      // Judged before opening: the declared size is all there is to go on.
      return !this.#tooLarge(entry, this.#limits.maxContentBytes);
    }
    if (extension === 'json') return !this.#settled(top) || isTasksName(entry.path);
    return extension === '';
  }

  async read(entry: TakeoutEntry, content: Readable): Promise<void> {
    if (mayBeIndexPage(entry.path, entry.size)) {
      await this.#indexPage(content);
      return;
    }
    const chunks = content[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const head: Buffer[] = [];
    let headBytes = 0;
    let finished = false;
    while (headBytes < SNIFF_BYTES) {
      const next = await chunks.next();
      if (next.done === true) {
        finished = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.length;
    }
    const sniffed = sniff(Buffer.concat(head, headBytes));
    const album = sniffed === 'json' && isAlbumDescription(entry.path);
    // An album's description is Google Photos' too: its folder is never settled as another
    // product's (the sidecars after it must still be read).
    const kind: Sniffed = album ? 'photos' : sniffed;
    const top = topFolder(entry.path);
    this.#count(top, kind);
    const rest = async function* (): AsyncGenerator<Buffer> {
      yield* head;
      if (finished) return;
      for (;;) {
        const next = await chunks.next();
        if (next.done === true) return;
        yield next.value;
      }
    };
    if (kind === 'calendar') await this.#calendar(entry, rest());
    else if (kind === 'contacts') await this.#contacts(entry, rest());
    else if (kind === 'tasks') await this.#tasks(entry, rest());
    else if (album) await this.#album(entry, rest());
    else if (kind === 'photos') await this.#sidecar(entry, rest());
    else if (kind === 'keep') await this.#note(entry, rest());
    else this.#notContent(entry, kind);
  }

  /** A photo's sidecar: its title and dates (numbers), never its text. */
  async #sidecar(entry: TakeoutEntry, content: AsyncIterable<Buffer>): Promise<void> {
    const text = await readUpTo(entry, content, this.#limits.maxSidecarBytes);
    const facts = text === null ? null : readSidecar(text);
    if (facts === null) {
      // The picture still moves, undated: what is damaged is only what Google wrote of it.
      this.#report(takeoutProblem('photo-sidecar-unreadable', entry.path));
      return;
    }
    this.photoSidecars.set(entry.path, facts);
  }

  async #album(entry: TakeoutEntry, content: AsyncIterable<Buffer>): Promise<void> {
    const text = await readUpTo(entry, content, this.#limits.maxSidecarBytes);
    const description = text === null ? null : readAlbumDescription(text);
    // Without it the album keeps its folder's name: nothing worth a problem.
    if (description !== null) this.albumDescriptions.set(entry.path, description);
  }

  async #note(entry: TakeoutEntry, content: AsyncIterable<Buffer>): Promise<void> {
    const text = await readUpTo(entry, content, this.#limits.maxNoteBytes);
    let data: unknown = null;
    try {
      data = text === null ? null : JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      data = null;
    }
    const note = KeepNote.safeParse(data);
    if (!note.success) {
      this.#report(takeoutProblem('keep-note-unreadable', entry.path));
      return;
    }
    this.keepNotes.set(entry.path, note.data);
  }

  async #calendar(entry: TakeoutEntry, content: AsyncIterable<Buffer>): Promise<void> {
    if (this.#tooLarge(entry, this.#limits.maxContentBytes)) return;
    const tally = new CalendarTally();
    const reader = new ICalComponentReader(
      (item) => {
        tally.add(item);
      },
      { keep: CALENDAR_KEEP },
    );
    await feed(content, reader);
    this.calendars.set(entry.path, tally.result(stem(entry.path)));
    this.calendarFiles.set(entry.path, tally.file(stem(entry.path)));
    this.#contentProblems(entry, tally.problems, 'calendar-damaged');
  }

  async #contacts(entry: TakeoutEntry, content: AsyncIterable<Buffer>): Promise<void> {
    if (this.#tooLarge(entry, this.#limits.maxContentBytes)) return;
    const tally = new ContactsFileTally();
    const reader = new VCardReader((item) => {
      tally.add(item);
    });
    await feed(content, reader);
    this.contacts.push({ path: entry.path, tally });
    this.#contentProblems(entry, tally.problems, 'contacts-damaged');
  }

  async #tasks(entry: TakeoutEntry, content: AsyncIterable<Buffer>): Promise<void> {
    const limit = this.#limits.maxTasksBytes;
    if (this.#tooLarge(entry, limit)) return;
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of content) {
      bytes += chunk.length;
      // The declared size may lie (a tgz has no directory to check it against).
      if (bytes > limit) {
        this.#report(takeoutProblem('content-too-large', entry.path));
        return;
      }
      chunks.push(chunk);
    }
    try {
      const text = Buffer.concat(chunks, bytes).toString('utf8');
      this.tasks.set(entry.path, readTasks(text));
      this.tasksText.set(entry.path, text);
    } catch (error) {
      if (!(error instanceof TasksFormatError)) throw error;
      this.#report(takeoutProblem('tasks-unreadable', entry.path));
    }
  }

  async #indexPage(content: Readable): Promise<void> {
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of content as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      // The declared size may lie (a tgz has no directory to check it against).
      if (bytes > MAX_INDEX_BYTES) return;
      chunks.push(chunk);
    }
    const html = Buffer.concat(chunks, bytes).toString('utf8');
    for (const name of partNamesInIndex(html)) this.partsInIndex.add(name);
  }

  /** A file that should have been a calendar, contacts or tasks by its name, but is not. */
  #notContent(entry: TakeoutEntry, kind: Sniffed): void {
    const extension = extensionOf(entry.path);
    if (CALENDAR_EXTENSIONS.has(extension)) {
      this.#report(takeoutProblem('calendar-unreadable', entry.path));
    } else if (CONTACTS_EXTENSIONS.has(extension)) {
      this.#report(takeoutProblem('contacts-unreadable', entry.path));
    } else if (isTasksName(entry.path) && kind !== 'keep' && kind !== 'photos') {
      this.#report(takeoutProblem('tasks-unreadable', entry.path));
    }
  }

  #contentProblems(
    entry: TakeoutEntry,
    problems: ProblemTally,
    damaged: 'calendar-damaged' | 'contacts-damaged',
  ): void {
    const line = problems.firstDamage();
    if (line !== null) this.#report(takeoutProblem(damaged, entry.path, { line }));
    const repaired = problems.get('repaired-line');
    if (repaired !== undefined) {
      this.#report(takeoutProblem('lines-repaired', entry.path, { count: repaired.count }));
    }
  }

  #tooLarge(entry: TakeoutEntry, limit: number): boolean {
    if (entry.size <= limit) return false;
    this.#report(takeoutProblem('content-too-large', entry.path));
    return true;
  }

  #count(top: string, kind: Sniffed): void {
    let kinds = this.sniffed.get(top);
    if (kinds === undefined) {
      kinds = new Map();
      this.sniffed.set(top, kinds);
    }
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }

  /**
   * A folder already known to hold the JSON of a product Baluchon does not read (My Activity,
   * Chrome…). Google Photos' and Keep's are never settled: every sidecar and note is read.
   */
  #settled(top: string): boolean {
    const kinds = this.sniffed.get(top);
    if (kinds === undefined) return false;
    if ((kinds.get('photos') ?? 0) > 0 || (kinds.get('keep') ?? 0) > 0) return false;
    for (const [kind, count] of kinds) {
      if (kind !== 'tasks' && count >= JSON_SNIFFS_PER_FOLDER) return true;
    }
    return false;
  }
}

/** A small JSON file's whole text; null when larger than `limit` (declared or read). */
async function readUpTo(
  entry: TakeoutEntry,
  content: AsyncIterable<Buffer>,
  limit: number,
): Promise<string | null> {
  if (entry.size > limit) return null;
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of content) {
    bytes += chunk.length;
    // The declared size may lie (a tgz has no directory to check it against).
    if (bytes > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, bytes).toString('utf8');
}

async function feed(
  content: AsyncIterable<Buffer>,
  reader: ICalComponentReader | VCardReader,
): Promise<void> {
  const splitter = new ContentLineSplitter(reader);
  for await (const chunk of content) splitter.push(chunk);
  splitter.end();
  reader.end();
}

/** Google keeps `Tasks/Tasks.json` untranslated (TAKEOUT-NOTES §1.3): a hint, the content decides. */
function isTasksName(path: string): boolean {
  return baseName(path).toLowerCase() === 'tasks.json';
}

/** The file name without its extension. */
export function stem(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}
