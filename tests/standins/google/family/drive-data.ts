// The family's Drive as the stand-in serves it, from the same TakeoutSpec the archive is built
// from, so that reading it live hands the engine the same files, at the same paths, with the
// same bytes and dates as the archive (the cross-source test compares what the servers hold).
//
// The archive's Drive files are random bytes drawn when it is rendered (takeout-spec.ts
// driveContent): `pinDriveContent` draws them once, and both the archive and the stand-in are
// made from the pinned spec. The archive's entries all carry build-takeout.ts's date
// (2024-06-01 12:00 UTC): Drive's modifiedTime is the same, so the change fingerprint
// (size, date) of a file is the same on both ways and a family who moved the archive first is
// sent nothing again.
//
// How archive files become Drive items:
// - a folder for each folder of the paths, under My Drive;
// - Takeout's pointer files become the Google items they stand for (`.gform` a Form, `.gmap` a
//   My Maps map, `.glink` a shortcut, `.gsite` a Site), named without the extension;
// - paths in `googleDocs` become Google documents whose export in the path's format is the
//   archive's bytes; with `odfTooLarge`, their ODF export weighs more than the export limit
//   (they come out in the OOXML format, as Takeout's default gives them);
// - every other file is stored as it is.
// `extras` adds what only the live way sees and never moves, or moves once: the same photo in
// a second folder, a file in the bin, a file and a folder someone else shared with the family.
import { driveContent } from '../../../fixtures/takeout/takeout-spec.ts';
import type { DriveFileSpec, TakeoutSpec } from '../../../fixtures/takeout/takeout-spec.ts';
import { FOLDER } from '../drive-api.ts';
import type { StandInDrive, StandInDriveFile } from '../drive-api.ts';

const APPS = 'application/vnd.google-apps.';
/** build-takeout.ts writes every entry with this date. */
export const ARCHIVE_DATE = '2024-06-01T12:00:00.000Z';
export const ROOT_ID = '0AFamilyRootUk9PVA';

const POINTER_TYPES: Readonly<Record<string, string>> = {
  gform: `${APPS}form`,
  gmap: `${APPS}map`,
  glink: `${APPS}shortcut`,
  gsite: `${APPS}site`,
};

const DOCUMENTS: Readonly<Record<string, { type: string; odf: string; ooxml: string }>> = {
  odt: {
    type: `${APPS}document`,
    odf: 'application/vnd.oasis.opendocument.text',
    ooxml: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  docx: {
    type: `${APPS}document`,
    odf: 'application/vnd.oasis.opendocument.text',
    ooxml: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  ods: {
    type: `${APPS}spreadsheet`,
    odf: 'application/vnd.oasis.opendocument.spreadsheet',
    ooxml: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  xlsx: {
    type: `${APPS}spreadsheet`,
    odf: 'application/vnd.oasis.opendocument.spreadsheet',
    ooxml: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
};

export interface DriveDataOptions {
  /** Archive paths that are Google documents live (`.odt`/`.docx`/`.ods`/`.xlsx` only). */
  readonly googleDocs?: readonly { readonly path: string; readonly odfTooLarge?: boolean }[];
  readonly extras?: boolean;
  /** Export limit of the stand-in (Google: 10 MB). */
  readonly exportLimit?: number;
}

/** The spec with every Drive file's bytes drawn once, to build both the archive and the data. */
export function pinDriveContent(spec: TakeoutSpec): TakeoutSpec {
  if (spec.drive === undefined) return spec;
  return {
    ...spec,
    drive: spec.drive.map((file): DriveFileSpec => ({
      ...file,
      content: file.content ?? driveContent(file),
    })),
  };
}

/** The Dupont family's choices: Notes is a Google Doc; Lettre too, too large as .odt. */
export const familyDriveOptions: DriveDataOptions = {
  googleDocs: [
    { path: 'Documents/Notes.odt' },
    { path: 'Documents/Lettre.docx', odfTooLarge: true },
  ],
  extras: true,
  exportLimit: 20_000,
};

/** The stand-in's Drive for a pinned spec (pinDriveContent). */
export function driveData(spec: TakeoutSpec, options: DriveDataOptions = {}): StandInDrive {
  const exportLimit = options.exportLimit ?? 10 * 1024 * 1024;
  const files: StandInDriveFile[] = [];
  const folders = new Map<string, string>();
  let counter = 0;
  const nextId = (kind: string): string => `${kind}-${String(++counter).padStart(4, '0')}`;
  const base = {
    createdTime: '2024-01-15T09:00:00.000Z',
    modifiedTime: ARCHIVE_DATE,
  };
  const folderOf = (path: string): string => {
    if (path === '') return ROOT_ID;
    const known = folders.get(path);
    if (known !== undefined) return known;
    const slash = path.lastIndexOf('/');
    const parent = folderOf(slash < 0 ? '' : path.slice(0, slash));
    const id = nextId('folder');
    folders.set(path, id);
    files.push({ ...base, id, name: path.slice(slash + 1), mimeType: FOLDER, parents: [parent] });
    return id;
  };
  const docs = new Map((options.googleDocs ?? []).map((doc) => [doc.path, doc]));
  const idOfPath = new Map<string, string>();

  for (const file of spec.drive ?? []) {
    if (file.content === undefined) throw new Error(`pinDriveContent first: ${file.path}`);
    const slash = file.path.lastIndexOf('/');
    const parent = folderOf(slash < 0 ? '' : file.path.slice(0, slash));
    const name = file.path.slice(slash + 1);
    const dot = name.lastIndexOf('.');
    const extension = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
    const stem = dot < 0 ? name : name.slice(0, dot);
    const pointer = POINTER_TYPES[extension];
    const doc = docs.get(file.path);
    const id = nextId(pointer !== undefined ? 'google' : doc !== undefined ? 'doc' : 'file');
    idOfPath.set(file.path, id);
    if (pointer !== undefined) {
      files.push({ ...base, id, name: stem, mimeType: pointer, parents: [parent] });
      continue;
    }
    const formats = DOCUMENTS[extension];
    if (doc !== undefined && formats !== undefined) {
      const isOdf = extension === 'odt' || extension === 'ods';
      // The other format's bytes: the ODF one over the limit when asked, else a small file.
      const other =
        doc.odfTooLarge === true && !isOdf
          ? Buffer.alloc(exportLimit + 1, 0x4f)
          : Buffer.from(`${stem} (${isOdf ? 'OOXML' : 'ODF'})`);
      files.push({
        ...base,
        id,
        name: stem,
        mimeType: formats.type,
        parents: [parent],
        exports: {
          [formats.odf]: isOdf ? file.content : other,
          [formats.ooxml]: isOdf ? other : file.content,
        },
      });
      continue;
    }
    files.push({
      ...base,
      id,
      name,
      mimeType: mimeOf(extension),
      parents: [parent],
      content: file.content,
    });
  }

  // Shortcuts point at the file their name names, when there is one ("Raccourci vers Budget").
  for (const [index, file] of files.entries()) {
    if (file.mimeType !== `${APPS}shortcut`) continue;
    const target = files.find(
      (other) =>
        other.mimeType !== `${APPS}shortcut` &&
        file.name.endsWith(other.name.replace(/\.[^.]+$/, '')),
    );
    if (target !== undefined) {
      files[index] = {
        ...file,
        shortcutDetails: { targetId: target.id, targetMimeType: target.mimeType },
      };
    }
  }

  if (options.extras === true) {
    // The same photo in a second folder (Drive allowed several parents before 2020).
    const photoPath = (spec.drive ?? []).find((file) => /\.jpe?g$/i.test(file.path))?.path;
    const photoId = photoPath === undefined ? undefined : idOfPath.get(photoPath);
    if (photoId !== undefined) {
      const souvenirs = folderOf('Souvenirs');
      const at = files.findIndex((file) => file.id === photoId);
      const photo = files[at];
      if (photo !== undefined) files[at] = { ...photo, parents: [...photo.parents, souvenirs] };
    }
    files.push({
      ...base,
      id: nextId('file'),
      name: 'Brouillon jeté.txt',
      mimeType: 'text/plain',
      parents: [ROOT_ID],
      content: Buffer.from('à jeter\n'),
      trashed: true,
    });
    files.push({
      ...base,
      id: nextId('file'),
      name: 'Recette de Mamie.pdf',
      mimeType: 'application/pdf',
      parents: ['0AGrandmaRootXYZ'],
      content: Buffer.from('%PDF-1.4 recette de la tarte aux pommes\n'),
      ownedByMe: false,
      sharedWithMe: true,
    });
    // A folder Grandma shared: its content is not "shared with me" itself, only the folder is.
    const grandmaFolder = nextId('folder');
    files.push({
      ...base,
      id: grandmaFolder,
      name: 'Photos de famille',
      mimeType: FOLDER,
      parents: ['0AGrandmaRootXYZ'],
      ownedByMe: false,
      sharedWithMe: true,
    });
    files.push({
      ...base,
      id: nextId('file'),
      name: 'gâteau.jpg',
      mimeType: 'image/jpeg',
      parents: [grandmaFolder],
      content: Buffer.from('JFIF gâteau au chocolat'),
      ownedByMe: false,
    });
  }
  return { rootId: ROOT_ID, files, exportLimit };
}

function mimeOf(extension: string): string {
  const types: Record<string, string> = {
    pdf: 'application/pdf',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    txt: 'text/plain',
    ics: 'text/calendar',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    odt: 'application/vnd.oasis.opendocument.text',
  };
  return types[extension] ?? 'application/octet-stream';
}
