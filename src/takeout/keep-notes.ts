// Google Keep in a Takeout: one note per JSON file (the `.html` Google writes beside it is the same
// note, never read), with the attachments the export holds. Built after the walk, from the notes
// the walk parsed (src/notes/keep-note.ts) and the merged tree.
//
// Attachments are loose files in the note's folder, named by the note's `filePath`. Google
// sometimes names a picture `.jpeg` in the note and writes it as `.jpg`, or the reverse
// (erikelisath/keep-to-markdown: "Google used '.jpeg' instead of '.jpg'"; marph91/jimmy's Keep
// reader tries other suffixes: "sometimes the extension is changed and referenced incorrectly").
// The names are Google's opaque ids, so a file of the same name with another extension is that
// attachment. One the export lacks is named in a problem; the note moves without it.
import type { ProblemFact } from '../contract/problem.ts';
import type { NotesSummary } from '../contract/scan.ts';
import type { KeepNote } from '../notes/keep-note.ts';
import type { SourceNote } from '../sources/source.ts';
import { splitName } from './photo-names.ts';
import { folderOf } from './photos-folders.ts';
import { takeoutProblem } from './takeout-problems.ts';
import type { TakeoutEntry } from './takeout-source.ts';

export interface KeepLibrary {
  /** The top-level folder recognised as Keep. */
  readonly folder: string;
  /** The notes that move (trashed ones left out), by key. */
  readonly notes: readonly SourceNote[];
  readonly trashed: number;
  /** Attachments' export entries by key (what `feed` opens). */
  readonly entries: ReadonlyMap<string, TakeoutEntry>;
  readonly summary: NotesSummary;
  /** Attachments the notes name but the export lacks: matter only when notes move. */
  readonly problems: readonly ProblemFact[];
}

/** Extensions Google writes for one another (lower-case, without the dot). */
const SAME_FORMAT: readonly (readonly string[])[] = [['jpg', 'jpeg', 'jpe']];

/**
 * The Keep notes of `folder`: `notes` are the parsed JSON notes by path (those the walk could
 * read), `entries` the merged tree's entries below the folder.
 */
export function readKeepNotes(
  folder: string,
  notes: ReadonlyMap<string, KeepNote>,
  entries: readonly TakeoutEntry[],
): KeepLibrary {
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  const byStem = new Map<string, TakeoutEntry[]>();
  for (const entry of entries) {
    const name = entry.path.slice(folderOf(entry.path).length);
    const extension = splitName(name).extension.toLowerCase();
    if (extension === '.json' || extension === '.html') continue;
    const stem = folderOf(entry.path) + splitName(name).stem.toLowerCase();
    const list = byStem.get(stem) ?? [];
    list.push(entry);
    byStem.set(stem, list);
  }
  const moving: SourceNote[] = [];
  const attachmentEntries = new Map<string, TakeoutEntry>();
  const problems: ProblemFact[] = [];
  const labels = new Set<string>();
  let trashed = 0;
  let archived = 0;
  for (const [key, note] of [...notes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!key.startsWith(`${folder}/`)) continue;
    if (note.isTrashed === true) {
      trashed++;
      continue;
    }
    if (note.isArchived === true) archived++;
    for (const label of note.labels ?? []) labels.add(label.name);
    const attachments: SourceNote['attachments'][number][] = [];
    for (const { filePath } of note.attachments ?? []) {
      const entry = attachmentOf(folderOf(key), filePath, byPath, byStem);
      if (entry === null) {
        problems.push(takeoutProblem('keep-attachment-missing', key, { file: filePath }));
        continue;
      }
      attachments.push({ filePath, key: entry.path, size: entry.size });
      attachmentEntries.set(entry.path, entry);
    }
    moving.push({ key, note, attachments });
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return {
    folder,
    notes: moving,
    trashed,
    entries: attachmentEntries,
    summary: {
      folder,
      count: moving.length,
      archived,
      trashed,
      attachments: moving.reduce((sum, note) => sum + note.attachments.length, 0),
      labels: [...labels].sort((a, b) => collator.compare(a, b)),
    },
    problems,
  };
}

/** The export's file for a note's `filePath`: as named, else the same id in the same format. */
function attachmentOf(
  dir: string,
  filePath: string,
  byPath: ReadonlyMap<string, TakeoutEntry>,
  byStem: ReadonlyMap<string, readonly TakeoutEntry[]>,
): TakeoutEntry | null {
  // A name that climbs out of the folder is not an attachment of this note.
  if (filePath.includes('/') || filePath.includes('\\') || filePath === '..') return null;
  const path = dir + filePath.normalize('NFC');
  const exact = byPath.get(path);
  if (exact !== undefined) return exact;
  const { stem, extension } = splitName(filePath.normalize('NFC'));
  const wanted = extension.slice(1).toLowerCase();
  const formats = SAME_FORMAT.find((group) => group.includes(wanted)) ?? [wanted];
  const candidates = byStem.get(dir + stem.toLowerCase()) ?? [];
  const same = candidates.filter((entry) =>
    formats.includes(splitName(entry.path).extension.slice(1).toLowerCase()),
  );
  if (same.length >= 1) return same[0] ?? null;
  // Another extension altogether: only when that id names one file and no other.
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}
