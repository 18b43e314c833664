// A tree of files for the files engine made of two sorts: files made in memory (a note's Markdown,
// an album's list) and files whose bytes a source hands out by key (pictures, attachments). The
// engine asks for paths; the source is asked for keys, in the order it reads best.
import type { Readable } from 'node:stream';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { FedContent, FedFile, SourceFile, SourceFiles } from '../sources/source.ts';

/** A source that hands out bytes by key (SourcePhotos, SourceNotes). */
interface KeyedContent {
  feed(wanted: ReadonlySet<string>, signal: AbortSignal): AsyncIterable<FedContent>;
}

/** A file of the tree whose bytes the source gives: its path in the tree and its source key. */
export interface KeyedFile {
  readonly path: string;
  readonly key: string;
  readonly size: number;
  readonly mtime: Date | null;
}

export function contentTree(args: {
  key: string;
  inMemory: readonly SourceFile[];
  fromSource: readonly KeyedFile[];
  source: KeyedContent;
}): Pick<SourceFiles, 'key' | 'files' | 'bytes' | 'cannotMove' | 'documents' | 'feed'> {
  const { source } = args;
  const byKey = new Map<string, SourceFile>();
  for (const one of args.fromSource) {
    byKey.set(one.key, { ...one, open: (signal) => openByKey(source, one.key, signal) });
  }
  const files = [...args.inMemory, ...byKey.values()];
  return {
    key: args.key,
    files,
    bytes: files.reduce((sum, file) => sum + file.size, 0),
    cannotMove: [],
    documents: { count: 0, byFormat: {} },
    async *feed(wanted, signal): AsyncGenerator<FedFile> {
      for (const file of args.inMemory) {
        if (wanted.has(file.path)) yield { file, open: (attempt) => file.open(attempt) };
      }
      const keys = new Set<string>();
      for (const [key, file] of byKey) if (wanted.has(file.path)) keys.add(key);
      for await (const fed of source.feed(keys, signal)) {
        const file = byKey.get(fed.key);
        if (file === undefined) {
          fed.release?.();
          continue;
        }
        const release = fed.release?.bind(fed);
        yield {
          file,
          open: (attempt) => fed.open(attempt),
          ...(release === undefined ? {} : { release }),
        };
      }
    },
  };
}

/** One file's bytes outside the feed. */
async function openByKey(
  source: KeyedContent,
  key: string,
  signal: AbortSignal,
): Promise<Readable> {
  for await (const fed of source.feed(new Set([key]), signal)) {
    if (fed.key === key) return fed.open(signal);
  }
  throw new BaluchonError('internal', { detail: `not in the source: ${key}` });
}
