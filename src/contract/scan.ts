// Reading where the family's data is — a Google Takeout archive (one or many parts, or an
// unpacked folder), or another host's account — into an inventory.
import { z } from 'zod';
import { command, job } from './define.ts';
import { JobRef } from './jobs.ts';
import { Problem } from './problem.ts';

/**
 * Where the data comes from, as it crosses the service boundary (src/sources/source-spec.ts is
 * its one reader). A DAV account is connected first, exactly as a destination (`connect`), and
 * named by its id: the password never travels again.
 */
export const SourceSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('takeout'),
    /** Archive parts (.zip, .tgz) and/or unpacked folders, all from the same export. */
    paths: z.array(z.string().min(1)).min(1),
  }),
  z.object({ kind: z.literal('dav'), accountId: z.string().min(1) }),
  /** A Google account the family signed in to (startGoogleSignIn's session). */
  z.object({
    kind: z.literal('google'),
    sessionId: z.string().min(1),
    /** Drive files others shared with the family: only when asked. */
    sharedWithMe: z.boolean().optional(),
  }),
]);
export type SourceSpec = z.infer<typeof SourceSpec>;

/**
 * `source`, or the older `paths` (a Takeout's parts) that existing callers still send: exactly
 * one of the two.
 */
export const SourceChoice = z.object({
  /** Archive parts (.zip, .tgz) and/or unpacked folders: the same as a 'takeout' source. */
  paths: z.array(z.string().min(1)).min(1).optional(),
  source: SourceSpec.optional(),
});

export function oneSource(input: { paths?: unknown; source?: unknown }): boolean {
  return (input.paths === undefined) !== (input.source === undefined);
}
export const oneSourceMessage = 'give either `source` or `paths`, not both and not neither';

export const ScanInput = SourceChoice.refine(oneSource, { error: oneSourceMessage });

export const ArchiveSummary = z.object({
  path: z.string(),
  name: z.string(),
  format: z.enum(['zip', 'tgz', 'folder']),
  /** Regular files read from this part. */
  entries: z.number().int().nonnegative(),
  /** Size on disk: the archive file, or the files of an unpacked folder. */
  bytes: z.number().nonnegative(),
});

export const CalendarSummary = z.object({
  /** Stable within this export: the archive entry the calendar was read from. */
  key: z.string(),
  name: z.string(),
  /** CSS colour such as #9fc6e7, when Google wrote one. */
  color: z.string().nullable(),
  /** Distinct UIDs: a series with its moved and cancelled instances counts once. */
  events: z.number().int().nonnegative(),
  /** Calendars Google generates and that are not copied as events (see DESIGN.md). */
  generated: z.enum(['birthdays', 'holidays']).nullable(),
});

export const ContactsSummary = z.object({
  /**
   * Distinct people the family saved, across every label file: what moves when contacts are
   * chosen. A person Google also keeps among its "other contacts" counts here, once.
   */
  count: z.number().int().nonnegative(),
  /** The family's own labels (Google's system groups `myContacts` and `starred` left out). */
  labels: z.array(z.string()),
  /** People marked with the star (Google's `starred` group). */
  starred: z.number().int().nonnegative(),
  /**
   * "Other contacts": people Google added by itself (people written to once), never saved by the
   * family (no `myContacts`); not in `count`, moved only when asked for.
   */
  otherContacts: z.number().int().nonnegative(),
});

export const TasksSummary = z.object({
  /** Tasks that will move: all but the deleted ones. */
  count: z.number().int().nonnegative(),
  lists: z.array(z.object({ title: z.string(), count: z.number().int().nonnegative() })),
  /** Among them, completed tasks the family had cleared from their lists (Google's `hidden`). */
  cleared: z.number().int().nonnegative(),
});

export const CannotMoveKind = z.enum(['form', 'site', 'map', 'shortcut', 'other']);
export type CannotMoveKind = z.infer<typeof CannotMoveKind>;

export const CannotMove = z.object({
  where: z.string(),
  kind: CannotMoveKind,
  /** Why, in the service's language. */
  reason: z.string(),
});

export const FilesSummary = z.object({
  /** The top-level folder recognised as Drive, or null when the export has no Drive. */
  folder: z.string().nullable(),
  count: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  /** Office documents, among them those Google converted from Docs, Sheets and Slides. */
  documents: z.object({
    count: z.number().int().nonnegative(),
    byFormat: z.record(z.string(), z.number().int().nonnegative()),
  }),
  cannotMove: z.array(CannotMove),
});

/**
 * Google Photos in the export: each picture or video once, however many album folders also hold
 * it, dated from the JSON file Google wrote beside it.
 */
export const PhotosSummary = z.object({
  /** The top-level folder recognised as Google Photos (by its content), or null. */
  folder: z.string().nullable(),
  /** Pictures and videos that can move, each once (edited copies included). */
  count: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  /** Among them, videos (a live photo's short video included). */
  videos: z.number().int().nonnegative(),
  /** Among them, copies the family edited in Google Photos (kept beside the original). */
  edited: z.number().int().nonnegative(),
  /** Bytes of the edited copies (what leaving them out saves). */
  editedBytes: z.number().nonnegative(),
  /** Live photos: a still and its short video, kept together. */
  livePhotos: z.number().int().nonnegative(),
  /** Pictures without any date Google kept (they go in a folder of their own, named). */
  undated: z.number().int().nonnegative(),
  /** Copies of the same picture in several folders (an album and its year), moved once. */
  duplicates: z.number().int().nonnegative(),
  albums: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative() })),
});
export type PhotosSummary = z.infer<typeof PhotosSummary>;

/** Google Keep in the export: one note per note, whatever files Google wrote for it. */
export const NotesSummary = z.object({
  /** The top-level folder recognised as Keep (by its content), or null. */
  folder: z.string().nullable(),
  /** Notes that can move (archived included, trashed not). */
  count: z.number().int().nonnegative(),
  archived: z.number().int().nonnegative(),
  /** Notes the family had thrown away in Keep: not moved, counted. */
  trashed: z.number().int().nonnegative(),
  /** Pictures and recordings attached to the notes that move. */
  attachments: z.number().int().nonnegative(),
  labels: z.array(z.string()),
});
export type NotesSummary = z.infer<typeof NotesSummary>;

export const noPhotos: PhotosSummary = {
  folder: null,
  count: 0,
  bytes: 0,
  videos: 0,
  edited: 0,
  editedBytes: 0,
  livePhotos: 0,
  undated: 0,
  duplicates: 0,
  albums: [],
};
export const noNotes: NotesSummary = {
  folder: null,
  count: 0,
  archived: 0,
  trashed: 0,
  attachments: 0,
  labels: [],
};

export const OtherProduct = z.object({
  /** A Google product Baluchon does not move (mail, photos, notes…), so the family knows. */
  product: z.enum(['mail', 'photos', 'keep', 'other']),
  folder: z.string(),
  entries: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
});

export const ScanReport = z.object({
  archives: z.array(ArchiveSummary),
  /**
   * File names of the parts of this export that seem to be missing (a gap in `-001`, `-002`…,
   * no `-001`, or parts the export's index page names): a hint, the family may go on.
   */
  missingParts: z.array(z.string()),
  calendars: z.array(CalendarSummary),
  contacts: ContactsSummary,
  tasks: TasksSummary,
  files: FilesSummary,
  photos: PhotosSummary,
  notes: NotesSummary,
  others: z.array(OtherProduct),
  problems: z.array(Problem),
});
export type ScanReport = z.infer<typeof ScanReport>;

export const ScanProgress = z.object({
  phase: z.enum(['listing', 'reading']),
  entriesDone: z.number().int().nonnegative(),
  entriesTotal: z.number().int().nonnegative(),
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
});
export type ScanProgress = z.infer<typeof ScanProgress>;

export const scanJobs = {
  scan: job(ScanProgress, ScanReport),
};

export const scanCommands = {
  startScan: command(ScanInput, JobRef),
};
