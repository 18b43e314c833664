// One file or folder as files.list describes it, kept to what the reader uses. Parsed once from
// Google's answer so that the rest never meets an optional field it did not expect.
import type { drive_v3 } from '@googleapis/drive';

export interface DriveItem {
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
  /** Folder ids; several for files placed in more than one folder before 2020. */
  readonly parents: readonly string[];
  /** Bytes of a stored file; null for Google's own documents (they have none before export). */
  readonly size: number | null;
  readonly md5Checksum: string | null;
  readonly modifiedTime: Date | null;
  /** Never changes: orders same-named files in a folder the same way on every reading. */
  readonly createdTime: string;
  readonly ownedByMe: boolean;
}

/** The fields asked of files.list (Drive v3 `fields` syntax). */
export const LIST_FIELDS =
  'nextPageToken, incompleteSearch, files(id, name, mimeType, parents, size, md5Checksum, ' +
  'modifiedTime, createdTime, ownedByMe, trashed, shortcutDetails)';

/** A listed file, or null when Google left out what every file has (an id, a name, a type). */
export function driveItemOf(file: drive_v3.Schema$File): DriveItem | null {
  if (!file.id || typeof file.name !== 'string' || !file.mimeType) return null;
  const size = file.size === undefined || file.size === null ? null : Number(file.size);
  const modified = file.modifiedTime ? new Date(file.modifiedTime) : null;
  return {
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: file.parents ?? [],
    size: size !== null && Number.isSafeInteger(size) && size >= 0 ? size : null,
    md5Checksum: file.md5Checksum ?? null,
    modifiedTime: modified !== null && !Number.isNaN(modified.getTime()) ? modified : null,
    createdTime: file.createdTime ?? '',
    ownedByMe: file.ownedByMe ?? true,
  };
}
