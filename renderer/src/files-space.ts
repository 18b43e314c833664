// What goes to the account's files space: Drive's files, and the photos and notes too (the engine
// sends all three there, src/migration/kind-planners.ts `filesAccountKinds`). Connect asks for a
// files account and checks the free space from these, not from the files alone.
import type { ScanReport } from '../../src/contract/index.ts';
import type { Selection } from './selection.ts';

export type FilesSpaceKind = 'files' | 'photos' | 'notes';

/** The kinds chosen that need a files space and have something to move, in the report's order. */
export function filesSpaceKinds(report: ScanReport, selection: Selection): FilesSpaceKind[] {
  const kinds: FilesSpaceKind[] = [];
  if (selection.files && report.files.count > 0) kinds.push('files');
  if (selection.photos && report.photos.count > 0) kinds.push('photos');
  if (selection.notes && report.notes.count > 0) kinds.push('notes');
  return kinds;
}

/**
 * The bytes the chosen kinds take in the files space. The photos' edited copies count only when
 * kept. The notes are left out: the scan does not weigh them (a few kilobytes of text each, their
 * attachments aside), and a free-space check that refuses on a guess would stop a family for
 * nothing.
 */
export function filesSpaceBytes(report: ScanReport, selection: Selection): number {
  const kinds = filesSpaceKinds(report, selection);
  let bytes = 0;
  if (kinds.includes('files')) bytes += report.files.bytes;
  if (kinds.includes('photos')) {
    bytes += report.photos.bytes;
    if (!selection.editedPhotos) bytes -= Math.min(report.photos.editedBytes, report.photos.bytes);
  }
  return bytes;
}
