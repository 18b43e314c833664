// What the family chose to move, from what the scan found.
import type { MigrationSelection, ScanReport } from '../../src/contract/index.ts';

export interface Selection {
  /** Calendar keys (ScanReport.calendars[].key) to copy. */
  calendars: string[];
  contacts: boolean;
  tasks: boolean;
  files: boolean;
  photos: boolean;
  /** Keep the copies edited in Google Photos beside their originals. */
  editedPhotos: boolean;
  notes: boolean;
  /**
   * The names the family typed for the folders that receive the photos and the notes, as typed
   * ('' or absent: the default, "Photos" and "Notes" in the family's language).
   */
  photosFolder?: string;
  notesFolder?: string;
  /** Google's "other contacts": people it added by itself, never saved by the family. */
  otherContacts: boolean;
}

/**
 * Everything that can move is chosen at first; Google's generated calendars never are, nor the
 * people Google added to the contacts by itself (the family never saved them).
 */
export function defaultSelection(report: ScanReport): Selection {
  return {
    calendars: report.calendars
      .filter((calendar) => calendar.generated === null && calendar.events > 0)
      .map((calendar) => calendar.key),
    contacts: report.contacts.count > 0,
    tasks: report.tasks.count > 0,
    files: report.files.count > 0,
    photos: report.photos.count > 0,
    editedPhotos: true,
    notes: report.notes.count > 0,
    otherContacts: false,
  };
}

export function nothingSelected(selection: Selection): boolean {
  return (
    selection.calendars.length === 0 &&
    !selection.contacts &&
    !selection.otherContacts &&
    !selection.tasks &&
    !selection.files &&
    !selection.photos &&
    !selection.notes
  );
}

/**
 * A folder name as typed, as the migration command takes it: spaces around it dropped, and
 * nothing (the default name) when nothing is left.
 */
export function chosenFolder(typed: string | undefined): string | undefined {
  const name = typed?.trim() ?? '';
  return name === '' ? undefined : name;
}

/** The choice as the migration command takes it. */
export function toMigrationSelection(selection: Selection): MigrationSelection {
  const photosFolder = chosenFolder(selection.photosFolder);
  const notesFolder = chosenFolder(selection.notesFolder);
  return {
    calendars: selection.calendars,
    contacts: selection.contacts,
    tasks: selection.tasks,
    files: selection.files,
    photos: selection.photos,
    editedPhotos: selection.editedPhotos,
    notes: selection.notes,
    ...(photosFolder === undefined ? {} : { photosFolder }),
    ...(notesFolder === undefined ? {} : { notesFolder }),
    otherContacts: selection.otherContacts,
  };
}
