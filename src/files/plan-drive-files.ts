// What moving a source's file tree (the family's Drive) means, item by item, for the migration
// engine: every file with its valid, unique target path and its renamings, the files that cannot
// move (Google-only pointer files) skipped with their reason, and the totals the free-space check
// and the progress need. The names are planned on the whole tree first (plan-names.ts), then the
// files are handed out lazily in the order the source reads best (SourceFiles.feed).
import type { ProblemFact } from '../contract/problem.ts';
import type { CollectionSpec, SourceEntry } from '../sink/item-sink.ts';
import type { FedFile, SourceFiles } from '../sources/source.ts';
import type { FilePayload } from './file-payload.ts';
import { fileFingerprint } from './file-payload.ts';
import { validSegment } from './name-rules.ts';
import { planNames } from './plan-names.ts';
import type { PlannedName } from './plan-names.ts';
import { encodeRelative } from './target-href.ts';

export interface PlanDriveOptions {
  /**
   * The import folder's name, in the family's language (`files:folder.imported-name`:
   * "Google Drive (importé)"). Ignored by the engine when the family picked a folder.
   */
  readonly folderName: string;
  readonly signal?: AbortSignal;
  readonly maxPathUnits?: number;
}

type CannotMoveKind = SourceFiles['cannotMove'][number]['kind'];

export interface DrivePlan {
  readonly collection: CollectionSpec;
  readonly entries: AsyncIterable<SourceEntry<FilePayload>>;
  /** The files that will move (pointer files and Google's metadata sidecars aside). */
  readonly totals: { readonly count: number; readonly bytes: number };
  /** Office documents among them, by format: what Google converted Docs, Sheets, Slides to. */
  readonly documents: { readonly count: number; readonly byFormat: Record<string, number> };
  /** Files that cannot move, with why (also handed to the engine as skipped items). */
  readonly cannotMove: readonly { readonly where: string; readonly kind: CannotMoveKind }[];
}

const notMovableCode: Record<CannotMoveKind, string> = {
  form: 'files.form-not-movable',
  site: 'files.site-not-movable',
  map: 'files.map-not-movable',
  shortcut: 'files.shortcut-not-movable',
  other: 'files.google-file-not-movable',
};

export function planDriveFiles(files: SourceFiles, options: PlanDriveOptions): DrivePlan {
  // The source's own list is what moves: the scan counted the same files.
  const names = planNames(
    files.files.map((file) => file.path),
    options.maxPathUnits === undefined ? {} : { maxPathUnits: options.maxPathUnits },
  );
  // Same source keys as before the port (the path inside the Drive folder): journals resume.
  const item = (fed: FedFile): SourceEntry<FilePayload> => {
    const { file } = fed;
    const release = fed.release?.bind(fed);
    const planned = names.get(file.path) as PlannedName;
    return {
      type: 'item',
      item: {
        sourceKey: file.key ?? file.path,
        label: file.path,
        contentHash: fileFingerprint(file.size, file.mtime),
        relativeHref: encodeRelative(planned.segments),
        size: file.size,
        payload: {
          file,
          size: file.size,
          mtime: file.mtime,
          content: { open: (signal) => fed.open(signal) },
        },
        ...(planned.notes.length === 0 ? {} : { notes: planned.notes }),
        ...(release === undefined ? {} : { release }),
      },
    };
  };

  const skipped: SourceEntry<FilePayload>[] = files.cannotMove.map(({ where, kind }) => {
    const problem: ProblemFact = { code: notMovableCode[kind], where };
    return { type: 'skipped', skipped: { sourceKey: where, label: where, problem } };
  });
  const wanted = new Set(files.files.map((file) => file.path));
  const signal = options.signal ?? new AbortController().signal;

  return {
    collection: {
      sourceKey: files.key,
      displayName: options.folderName,
      slug: validSegment(options.folderName),
    },
    entries: concat(skipped, mapped(files.feed(wanted, signal), item)),
    totals: { count: files.files.length, bytes: files.bytes },
    documents: { count: files.documents.count, byFormat: { ...files.documents.byFormat } },
    cannotMove: files.cannotMove,
  };
}

async function* mapped<A, B>(items: AsyncIterable<A>, make: (item: A) => B): AsyncGenerator<B> {
  for await (const one of items) yield make(one);
}

async function* concat<T>(first: readonly T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield* first;
  yield* rest;
}
