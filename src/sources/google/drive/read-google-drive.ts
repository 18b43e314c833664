// The family's Drive read live through the Drive API, handed to the engine as the same
// SourceFiles the Takeout reader gives (src/sources/takeout/takeout-files.ts): the same tree key
// ('google-drive') and the same paths for the same files, so a family who moved an archive and
// later signs in gets updates, never duplicates.
//
// Google's own documents (Docs, Sheets, Slides, Drawings) have no size until they are exported,
// and the engine needs the exact size before it sends anything: for the free-space check, the
// progress bar, the Content-Length of the upload (upload-body.ts refuses a byte more or less),
// the change fingerprint (`file-v1:<size>:<mtime>`) and the read-back. Which format Google
// accepts also decides the name (`Lettre.odt`, or `Lettre.docx` when the ODF export is refused
// as too large), and the name is the file's key. So each document is exported while reading,
// into a spool file under `tmpDir` (at most Google's 10 MB export cap each), and handed with its
// real size; `release()` deletes the spool once the engine is done with it, a later `open()`
// exports it again, and `close()` removes what is left. Reading costs one export per document:
// a scan of a Drive full of documents takes longer than listing, never more memory.
//
// Stored files are not read while reading: their size and md5Checksum come with the listing,
// and their bytes are streamed (alt=media) when the engine opens them, taken up again with a
// Range when the connection drops (resumable-download.ts).
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { drive } from '@googleapis/drive';
import type { drive_v3 } from '@googleapis/drive';
import type { CannotMoveKind } from '../../../contract/scan.ts';
import type { GoogleApiContext } from '../../../google/google-api-context.ts';
import { extensionOf } from '../../../takeout/entry-path.ts';
import type { FedFile, SourceFile, SourceFiles } from '../../source.ts';
import { driveSourceKey } from '../../takeout/takeout-files.ts';
import type { GoogleDriveReading, GoogleReadOptions } from '../google-readings.ts';
import type { DriveItem } from './drive-item.ts';
import { driveKindOf, OFFICE_EXTENSIONS } from './drive-kinds.ts';
import type { ExportFormat } from './drive-kinds.ts';
import { buildDriveTree } from './drive-tree.ts';
import type { TreeEntry } from './drive-tree.ts';
import { exportDocument } from './export-document.ts';
import { listDrive } from './list-drive.ts';
import type { DriveListing } from './list-drive.ts';
import { openResumable } from './resumable-download.ts';
import { nodeReadable } from './resumable-download.ts';
import type { RangeAnswer } from './resumable-download.ts';
import { runPool } from '../../../util/run-pool.ts';

export interface GoogleDriveReadOptions extends GoogleReadOptions {
  /** Also the files others shared with the family (Takeout leaves them out). */
  readonly sharedWithMe: boolean;
  /** Where exported documents wait for the engine (a folder of the run's own). */
  readonly tmpDir: string;
  /** Exports at once while reading (Google's per-user quota is shared with the rest). */
  readonly exportConcurrency?: number;
}

/** The reading, and `close()` to call with the source's: it removes the spooled exports. */
export interface GoogleDriveLiveReading extends GoogleDriveReading {
  close(): Promise<void>;
}

interface Spooled {
  readonly format: ExportFormat;
  readonly path: string;
  size: number;
  present: boolean;
  /** The deletion under way after a release: a new export waits for it. */
  removing: Promise<void> | null;
}

export async function readGoogleDrive(
  options: GoogleDriveReadOptions,
): Promise<GoogleDriveLiveReading> {
  const { api } = options;
  const client = drive({ version: 'v3', auth: api.auth, rootUrl: api.endpoints.drive });
  const listing = await listDrive(api, client, options.sharedWithMe, (count) => {
    options.onItems?.(count);
  });
  // Baluchon's own folder (private: it holds the family's documents for a while).
  await mkdir(options.tmpDir, { recursive: true, mode: 0o700 });
  const spoolDir = await mkdtemp(join(options.tmpDir, 'baluchon-drive-'));
  try {
    return await readListing(options, client, listing, spoolDir);
  } catch (error) {
    // Cancelled or failed while exporting: nothing of this reading stays on the disk.
    await rm(spoolDir, { recursive: true, force: true });
    throw error;
  }
}

async function readListing(
  options: GoogleDriveReadOptions,
  client: drive_v3.Drive,
  listing: DriveListing,
  spoolDir: string,
): Promise<GoogleDriveLiveReading> {
  const { api, t } = options;
  if (listing.unreadable > 0) {
    options.onProblem({
      code: 'files.google-unreadable',
      where: 'Google Drive',
      params: { path: 'Google Drive', detail: `${String(listing.unreadable)} × id/name/mimeType` },
    });
  }
  const entries: TreeEntry[] = [];
  const spools = new Map<string, Spooled>();
  const refused = new Map<string, { code: string; params: Record<string, string> }>();
  const cannotMoveKind = new Map<string, CannotMoveKind>();
  const toExport: { item: DriveItem; formats: readonly ExportFormat[] }[] = [];
  for (const item of listing.items) {
    const kind = driveKindOf(item.mimeType);
    switch (kind.type) {
      case 'folder':
        entries.push({ item, extension: null, isFolder: true });
        break;
      case 'binary':
        entries.push({ item, extension: null, isFolder: false });
        if (item.size === null) {
          refused.set(item.id, { code: 'files.google-unreadable', params: { detail: 'no size' } });
        }
        break;
      case 'cannot-move':
        entries.push({ item, extension: kind.extension, isFolder: false });
        cannotMoveKind.set(item.id, kind.kind);
        break;
      case 'export':
        toExport.push({ item, formats: kind.formats });
        break;
    }
  }

  let exported = 0;
  const extensionOfExport = new Map<string, string>();
  await runPool(
    toExport,
    options.exportConcurrency ?? 4,
    async ({ item, formats }) => {
      const path = join(spoolDir, randomUUID());
      try {
        const outcome = await exportDocument({
          api,
          client,
          fileId: item.id,
          formats,
          spoolPath: path,
          signal: api.signal,
        });
        if (outcome.type === 'exported') {
          spools.set(item.id, {
            format: outcome.format,
            path,
            size: outcome.size,
            present: true,
            removing: null,
          });
          extensionOfExport.set(item.id, outcome.format.extension);
        } else {
          await rm(path, { force: true });
          const names = outcome.tried.map((format) => `.${format.extension}`).join(', ');
          refused.set(item.id, {
            code: 'files.google-export-too-large',
            params: { formats: names },
          });
        }
      } catch (error) {
        await rm(path, { force: true });
        if (api.signal.aborted) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        refused.set(item.id, { code: 'files.google-unreadable', params: { detail } });
      }
      options.onItems?.(listing.items.length + ++exported);
    },
    api.signal,
  );
  for (const { item, formats } of toExport) {
    const extension = extensionOfExport.get(item.id) ?? formats[0]?.extension ?? null;
    entries.push({ item, extension, isFolder: false });
  }

  const tree = buildDriveTree(entries, {
    rootId: listing.rootId,
    sharedFolderName: t('files:google.shared-with-me'),
  });
  for (const note of tree.notes) options.onProblem(note);

  const files: SourceFile[] = [];
  const cannotMove: { where: string; kind: CannotMoveKind }[] = [];
  const byFormat: Record<string, number> = {};
  let bytes = 0;
  let documents = 0;
  const spoolOf = new Map<string, Spooled>();
  for (const { entry, path } of tree.placed) {
    const { item } = entry;
    const kind = cannotMoveKind.get(item.id);
    if (kind !== undefined) {
      cannotMove.push({ where: path, kind });
      continue;
    }
    const refusal = refused.get(item.id);
    if (refusal !== undefined) {
      options.onProblem({ code: refusal.code, where: path, params: { path, ...refusal.params } });
      continue;
    }
    const spool = spools.get(item.id);
    const file =
      spool === undefined
        ? storedFile(api, client, item, path)
        : exportedFile(api, client, item, path, spool);
    if (spool !== undefined) spoolOf.set(path, spool);
    files.push(file);
    bytes += file.size;
    const extension = extensionOf(path);
    if (OFFICE_EXTENSIONS.has(extension)) {
      documents++;
      byFormat[extension] = (byFormat[extension] ?? 0) + 1;
    }
  }

  const sourceFiles: SourceFiles = {
    key: driveSourceKey,
    files,
    bytes,
    cannotMove,
    documents: { count: documents, byFormat },
    feed: (wanted, signal) => feedFiles(files, wanted, spoolOf, signal),
  };
  return {
    files: sourceFiles,
    facts: {
      folder: driveSourceKey,
      count: files.length,
      bytes,
      documents: { count: documents, byFormat: { ...byFormat } },
      cannotMove: cannotMove.map(({ where, kind }) => ({
        where,
        kind,
        reason: t(`takeout:cannotMove.${kind}`),
      })),
    },
    close: () => rm(spoolDir, { recursive: true, force: true }),
  };
}

/** A file Drive stores as bytes: streamed from Google when the engine opens it. */
function storedFile(
  api: GoogleApiContext,
  client: drive_v3.Drive,
  item: DriveItem,
  path: string,
): SourceFile {
  const size = item.size ?? 0;
  const fetchFrom = async (offset: number, signal: AbortSignal): Promise<RangeAnswer> => {
    const answer = await api.call((callSignal) =>
      client.files.get(
        { fileId: item.id, alt: 'media' },
        {
          responseType: 'stream',
          signal: AbortSignal.any([signal, callSignal]),
          retry: false,
          ...(offset === 0 ? {} : { headers: { Range: `bytes=${offset}-` } }),
        },
      ),
    );
    return {
      status: answer.status,
      contentRange: headerOf(answer.headers, 'content-range'),
      body: nodeReadable(answer.data),
    };
  };
  return {
    path,
    size,
    mtime: item.modifiedTime,
    open: (signal) => openResumable({ fetchFrom, size, md5: item.md5Checksum }, signal),
  };
}

/** A header of Gaxios' answer: a fetch `Headers` (gaxios 7: node-fetch's), or a plain record in older types. */
function headerOf(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  // node-fetch's Headers and the global one both have get(); they are not the same class.
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    const value: unknown = get.call(headers, name);
    return typeof value === 'string' ? value : null;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/** A Google document: its export waits in a spool file; exported again once released. */
function exportedFile(
  api: GoogleApiContext,
  client: drive_v3.Drive,
  item: DriveItem,
  path: string,
  spool: Spooled,
): SourceFile {
  return {
    path,
    size: spool.size,
    mtime: item.modifiedTime,
    async open(signal): Promise<Readable> {
      if (!spool.present) {
        await spool.removing;
        const outcome = await exportDocument({
          api,
          client,
          fileId: item.id,
          formats: [spool.format],
          spoolPath: spool.path,
          signal,
        });
        if (outcome.type !== 'exported') {
          throw new Error(`Google now refuses to export it as .${spool.format.extension}`);
        }
        // A new export may weigh a few bytes more or less: the engine's meter then fails the
        // file against the size it planned, and the next run sends it with its new size.
        spool.present = true;
      }
      return createReadStream(spool.path);
    },
  };
}

/** The wanted files in path order, made as they are pulled. */
async function* feedFiles(
  files: readonly SourceFile[],
  wanted: ReadonlySet<string>,
  spools: ReadonlyMap<string, Spooled>,
  signal: AbortSignal,
): AsyncGenerator<FedFile> {
  for (const file of files) {
    if (signal.aborted) return;
    if (!wanted.has(file.path)) continue;
    const spool = spools.get(file.path);
    const fed: FedFile = {
      file,
      open: (attempt) => file.open(attempt),
      ...(spool === undefined
        ? {}
        : {
            release: () => {
              spool.present = false;
              spool.removing = rm(spool.path, { force: true }).catch(() => undefined);
            },
          }),
    };
    yield await Promise.resolve(fed);
  }
}
