// What each Drive MIME type becomes on the family's new space. Google's own types have no bytes
// to download: Docs, Sheets, Slides and Drawings are exported (files.export) in an open format
// first and in Microsoft's when Google refuses that one as too large (its export is capped at
// 10 MB, TAKEOUT-NOTES §6.4); Forms, Sites, My Maps and shortcuts cannot move at all and are
// reported with the same kinds, and under the same names, as the archive path reports the
// pointer files Takeout writes for them (src/takeout/drive-files.ts POINTERS).
import type { CannotMoveKind } from '../../../contract/scan.ts';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
const GOOGLE_APPS = 'application/vnd.google-apps.';

/** One format to try, with the extension the exported file's name gets. */
export interface ExportFormat {
  readonly mimeType: string;
  readonly extension: string;
}

const ODT = { mimeType: 'application/vnd.oasis.opendocument.text', extension: 'odt' };
const DOCX = {
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
};
const ODS = { mimeType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' };
const XLSX = {
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
};
const ODP = { mimeType: 'application/vnd.oasis.opendocument.presentation', extension: 'odp' };
const PPTX = {
  mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  extension: 'pptx',
};
// Drive offers no ODG for Drawings (developers.google.com/workspace/drive/api/guides/
// ref-export-formats: PDF, JPEG, PNG, SVG only). SVG keeps the drawing as shapes that
// LibreOffice Draw and Inkscape open and edit; PDF, kept as shapes too, when SVG is refused.
const SVG = { mimeType: 'image/svg+xml', extension: 'svg' };
const PDF = { mimeType: 'application/pdf', extension: 'pdf' };

/** Google's documents that can be exported, the formats in the order they are tried. */
const EXPORTS: Readonly<Record<string, readonly ExportFormat[]>> = {
  [`${GOOGLE_APPS}document`]: [ODT, DOCX],
  [`${GOOGLE_APPS}spreadsheet`]: [ODS, XLSX],
  [`${GOOGLE_APPS}presentation`]: [ODP, PPTX],
  [`${GOOGLE_APPS}drawing`]: [SVG, PDF],
};

/**
 * Google's types that cannot move, with the archive's kind and the extension of the pointer
 * file Takeout (Drive for desktop) writes for them, so both paths name them alike.
 */
const POINTERS: Readonly<Record<string, { kind: CannotMoveKind; extension: string }>> = {
  [`${GOOGLE_APPS}form`]: { kind: 'form', extension: 'gform' },
  [`${GOOGLE_APPS}site`]: { kind: 'site', extension: 'gsite' },
  [`${GOOGLE_APPS}map`]: { kind: 'map', extension: 'gmap' },
  [`${GOOGLE_APPS}shortcut`]: { kind: 'shortcut', extension: 'glink' },
  [`${GOOGLE_APPS}fusiontable`]: { kind: 'other', extension: 'gtable' },
  [`${GOOGLE_APPS}jam`]: { kind: 'other', extension: 'gjam' },
  [`${GOOGLE_APPS}script`]: { kind: 'other', extension: 'gscript' },
};

export type DriveKind =
  | { readonly type: 'folder' }
  | { readonly type: 'binary' }
  | { readonly type: 'export'; readonly formats: readonly ExportFormat[] }
  | { readonly type: 'cannot-move'; readonly kind: CannotMoveKind; readonly extension: string };

export function driveKindOf(mimeType: string): DriveKind {
  if (mimeType === FOLDER_MIME) return { type: 'folder' };
  const formats = EXPORTS[mimeType];
  if (formats !== undefined) return { type: 'export', formats };
  const pointer = POINTERS[mimeType];
  if (pointer !== undefined) return { type: 'cannot-move', ...pointer };
  // Any other Google type (Vids, a type Google adds tomorrow) has no bytes of its own here.
  if (mimeType.startsWith(GOOGLE_APPS)) {
    const suffix = mimeType.slice(GOOGLE_APPS.length).replace(/[^a-z0-9]/gi, '');
    return { type: 'cannot-move', kind: 'other', extension: `g${suffix}` };
  }
  return { type: 'binary' };
}

/** Office formats, counted by extension as the archive path counts them. */
export const OFFICE_EXTENSIONS: ReadonlySet<string> = new Set([
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'odg',
]);
