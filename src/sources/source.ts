// The source port: what the engine needs from any place a family's data comes from — a Google
// Takeout archive, another host's CalDAV/CardDAV/WebDAV account, tomorrow Google's live APIs.
// `scan` shows the inventory and `migrate` plans from the same reading: one `read()` gives both
// the facts "What we found" shows and the handles the planners stream items from. The engine
// never opens a zip entry nor sends a REPORT to a source; it only calls what is declared here.
//
// Every item carries a stable source key (the journal finds it again on a re-run or a resume)
// and every collection a stable key too. A source is only ever read.
import type { Readable } from 'node:stream';
import type { ProblemFact } from '../contract/problem.ts';
import type { MigrationKind } from '../contract/migrate.ts';
import type { ScanProgress, ScanReport } from '../contract/scan.ts';
import type { CalendarSource } from '../ical/calendar-source.ts';
import type { KeepNote } from '../notes/keep-note.ts';
import type { ContactsSource } from '../vcard/survey-address-book.ts';

/** Which kind of place the data comes from (the report and the resume key say it). */
export type SourceKind = 'takeout' | 'dav' | 'google';

/**
 * What one calendar is, decided once by src/sources/calendar-identity.ts and carried with the
 * source: the scan shows it, the migration obeys it, neither decides again.
 */
export type CalendarRole = 'ordinary' | 'birthdays' | 'holidays';

export interface CalendarIdentity {
  readonly role: CalendarRole;
  /** The name to give the new calendar (already in the family's language when generated). */
  readonly displayName: string;
  /**
   * `#rrggbb` (or the CSS3 keyword a COLOR gave), from Google's own, COLOR,
   * X-APPLE-CALENDAR-COLOR or X-OUTLOOK-COLOR; null when none.
   */
  readonly color: string | null;
  readonly description: string | null;
  /** Holidays: the public feeds to subscribe to instead (null: none known for this one). */
  readonly holidayFeeds: readonly { readonly name: string; readonly url: string }[] | null;
}

/** What every collection of a source says of itself. */
export interface SourceCollectionInfo {
  /** Stable across readings of the same source (Takeout: entry path; DAV: collection path). */
  readonly key: string;
  readonly displayName: string;
  readonly description: string | null;
  readonly color: string | null;
  /** Items it holds (events and tasks: one per UID; contacts: one per card). */
  readonly count: number;
  /**
   * Keys other sources give the same collection (a Google calendar read from the archive and
   * read live): the move puts them in one collection, never two (CollectionSpec.aliases).
   */
  readonly aliases?: readonly string[];
}

/** A calendar of events (VEVENT). Its components are read again for each pass of the planner. */
export interface SourceCalendar extends SourceCollectionInfo {
  readonly identity: CalendarIdentity;
  readonly content: CalendarSource;
}

/**
 * A task list, as iCalendar VTODO components: a DAV task list is read as is, the Takeout reader
 * turns Google's Tasks.json into VTODOs (src/tasks) so the engine handles one shape.
 */
export interface SourceTaskList extends SourceCollectionInfo {
  readonly content: CalendarSource;
  /** Items the source already refused (an unreadable task), told as problems of this list. */
  readonly problems: readonly ProblemFact[];
}

/** An address book, as raw vCards. */
export interface SourceAddressBook extends SourceCollectionInfo {
  readonly content: ContactsSource;
  /**
   * Google's "other contacts" (people Google added by itself, never saved by the family): moved
   * only when the family ticks them (MigrationSelection.otherContacts).
   */
  readonly otherContacts: boolean;
}

/** One file of a Drive-like tree. */
export interface SourceFile {
  /** Path inside the tree, `/`-separated, NFC, no leading slash: `Factures/2024.pdf`. */
  readonly path: string;
  /**
   * The journal's key for it when the path is not stable across readings (a photo's folder
   * follows its date and the family's folder names); absent: the path.
   */
  readonly key?: string;
  readonly size: number;
  readonly mtime: Date | null;
  /** A new stream of the whole content; called once per attempt. */
  open(signal: AbortSignal): Promise<Readable>;
}

/** One file handed out by `SourceFiles.feed`, with where its bytes come from this time. */
export interface FedFile {
  readonly file: SourceFile;
  open(signal: AbortSignal): Promise<Readable>;
  /** Called once the engine is done with the file (frees a buffered copy). */
  release?(): void;
}

/** A Drive-like tree of files. */
export interface SourceFiles {
  /** Stable key of the tree (Takeout: 'google-drive'; DAV: the files root's path). */
  readonly key: string;
  /**
   * The name of the new folder that receives the tree, in the family's language ("Mon Drive
   * (ancien hébergeur)"); absent: Google Drive's own (`files:folder.imported-name`).
   */
  readonly folderName?: string;
  /** The files that can move. */
  readonly files: readonly SourceFile[];
  readonly bytes: number;
  /** Files that cannot move (Google forms, sites, maps, shortcuts…), with why. */
  readonly cannotMove: readonly {
    readonly where: string;
    readonly kind: ScanReport['files']['cannotMove'][number]['kind'];
  }[];
  /** Office documents among them, by format (what Google converted Docs, Sheets, Slides to). */
  readonly documents: {
    readonly count: number;
    readonly byFormat: Readonly<Record<string, number>>;
  };
  /**
   * The wanted files, in the order the source reads best (a .tgz only from its start), lazily:
   * memory follows the engine's concurrency, not the number of files.
   */
  feed(wanted: ReadonlySet<string>, signal: AbortSignal): AsyncIterable<FedFile>;
}

/** The bytes of one file of a source, by its key, handed out in the order the source reads best. */
export interface FedContent {
  readonly key: string;
  /** A new stream of the whole content; called once per attempt. */
  open(signal: AbortSignal): Promise<Readable>;
  /** Called once the engine is done with it (frees a buffered copy). */
  release?(): void;
}

/**
 * One picture or video of a Google Photos export, once: its copies in album folders and in the
 * year's folder are the same picture (src/takeout reads which).
 */
export interface SourcePhoto {
  /** Stable across readings: the export path (below `Takeout/`) of the copy that moves. */
  readonly key: string;
  /** Its full original name: the sidecar's title, with the file's own extension when it lost it. */
  readonly name: string;
  readonly size: number;
  /** When it was taken (the sidecar's photoTakenTime, else its creationTime); null: unknown. */
  readonly taken: Date | null;
  /** An edited copy: the key of its original (null: an original). */
  readonly editedOf: string | null;
  /** A live photo's video: the key of its still (they travel together, same folder and stem). */
  readonly liveOf: string | null;
}

export interface SourceAlbum {
  /** The album's name, as the family gave it. */
  readonly name: string;
  readonly description: string | null;
  /** Its pictures' keys (SourcePhoto.key), in the album's order. */
  readonly photos: readonly string[];
}

/** Google Photos: every picture once, with the albums that hold them. */
export interface SourcePhotos {
  /** Stable key of the library ('google-photos'). */
  readonly key: string;
  readonly photos: readonly SourcePhoto[];
  /** Bytes of all the photos (edited copies included). */
  readonly bytes: number;
  readonly albums: readonly SourceAlbum[];
  /** The wanted photos' bytes (by key), lazily: memory follows the engine, not the library. */
  feed(wanted: ReadonlySet<string>, signal: AbortSignal): AsyncIterable<FedContent>;
}

/** One Keep note, as Google wrote it (its JSON; the HTML copy beside it is not read). */
export interface SourceNote {
  /** Stable across readings: the export path of the note's JSON. */
  readonly key: string;
  readonly note: KeepNote;
  /**
   * Its attachments the export holds, by the `filePath` the note names them with (`key`: their
   * export path, for `feed`). An attachment the note names but the export lacks is not here.
   */
  readonly attachments: readonly {
    readonly filePath: string;
    readonly key: string;
    readonly size: number;
  }[];
}

/** Google Keep: the notes that can move (trashed ones only counted). */
export interface SourceNotes {
  /** Stable key ('google-keep'). */
  readonly key: string;
  readonly notes: readonly SourceNote[];
  /** Notes the family had thrown away in Keep: not moved. */
  readonly trashed: number;
  /** The wanted attachments' bytes (by key). */
  feed(wanted: ReadonlySet<string>, signal: AbortSignal): AsyncIterable<FedContent>;
}

/**
 * What "What we found" shows, in the contract's words: the scan's report is this plus the
 * problems met while reading. A DAV source has no archives, no missing parts, no other products.
 */
export type InventoryFacts = Omit<ScanReport, 'problems'>;

/** Everything one reading of a source found: what the scan shows and what the planners use. */
export interface SourceInventory {
  readonly facts: InventoryFacts;
  readonly calendars: readonly SourceCalendar[];
  readonly taskLists: readonly SourceTaskList[];
  readonly addressBooks: readonly SourceAddressBook[];
  readonly files: SourceFiles | null;
  /** Google Photos (a Takeout only). */
  readonly photos: SourcePhotos | null;
  /** Google Keep (a Takeout only). */
  readonly notes: SourceNotes | null;
  /**
   * Problems of a kind that only matter when that kind moves (a task list Google wrote that
   * cannot be read): the planner of the kind tells them; the scan's facts leave them out.
   */
  readonly kindProblems?: readonly {
    readonly kind: MigrationKind;
    readonly problem: ProblemFact;
  }[];
}

export interface ReadOptions {
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Each problem as soon as it is found; the reading goes on. */
  readonly onProblem: (problem: ProblemFact) => void;
}

export interface Source {
  readonly kind: SourceKind;
  /**
   * What a run records to know the same source when it is given again (archive parts' names and
   * sizes; a DAV account's server and user): an interrupted run resumes only from the same one.
   */
  readonly identity: readonly { readonly name: string; readonly size: number }[];
  /** Reads the source once (the inventory); later calls return the same reading. */
  read(options: ReadOptions): Promise<SourceInventory>;
  /** Frees what the source holds open (archive files, sockets). */
  close(): Promise<void>;
}
