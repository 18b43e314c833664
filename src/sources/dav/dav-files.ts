// The files of a WebDAV account as the port's file tree: the walk (src/dav/walk-files.ts) gives
// paths, sizes and dates; each file's bytes are a streamed GET, never buffered whole.
import type { Readable } from 'node:stream';
import type { DavClient } from '../../dav/dav-client.ts';
import { hrefKey } from '../../dav/report.ts';
import { walkFiles } from '../../dav/walk-files.ts';
import type { FedFile, SourceFile, SourceFiles } from '../source.ts';

/** Office documents, counted by format (as the Takeout reader counts Drive's). */
const OFFICE_FORMATS = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'odg']);

export async function readDavFiles(
  client: DavClient,
  root: string,
  signal: AbortSignal,
  onFile?: (count: number) => void,
): Promise<SourceFiles> {
  const files: SourceFile[] = [];
  let bytes = 0;
  const byFormat: Record<string, number> = {};
  let documents = 0;
  for await (const walked of walkFiles(client, root, signal)) {
    const url = walked.url;
    files.push({
      path: walked.path,
      size: walked.size,
      mtime: walked.mtime,
      open: (openSignal) => get(client, url, openSignal),
    });
    bytes += walked.size;
    const extension = /\.([^./]+)$/.exec(walked.path)?.[1]?.toLowerCase();
    if (extension !== undefined && OFFICE_FORMATS.has(extension)) {
      documents += 1;
      byFormat[extension] = (byFormat[extension] ?? 0) + 1;
    }
    onFile?.(files.length);
  }
  return {
    key: hrefKey(root),
    files,
    bytes,
    cannotMove: [],
    documents: { count: documents, byFormat },
    feed: (wanted, feedSignal) => feedFiles(files, wanted, feedSignal),
  };
}

async function get(client: DavClient, url: string, signal: AbortSignal): Promise<Readable> {
  const answer = await client.request('GET', url, { signal });
  return answer.response.stream();
}

/** The wanted files in walk order, handed out one at a time (nothing to wait for between them). */
function feedFiles(
  files: readonly SourceFile[],
  wanted: ReadonlySet<string>,
  signal: AbortSignal,
): AsyncIterable<FedFile> {
  return {
    [Symbol.asyncIterator]: () => {
      let index = 0;
      return {
        next: (): Promise<IteratorResult<FedFile>> => {
          while (index < files.length && !signal.aborted) {
            const file = files[index];
            index += 1;
            if (file !== undefined && wanted.has(file.path)) {
              return Promise.resolve({ done: false, value: { file, open: (s) => file.open(s) } });
            }
          }
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
}
