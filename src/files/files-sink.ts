// The destination of Drive files: a folder tree on a WebDAV server (Nextcloud, or any WebDAV
// share such as Apache mod_dav), for the migration engine (src/migration). It creates the
// import folder (with Baluchon's marker, like calendars) and the folders above each file once,
// uploads each file streamed from the archive (one PUT, or Nextcloud's chunked upload for large
// files), keeps dates where the server allows, and lists the tree back for the verification.
//
// HTTP goes through DavClient (undici), not the `webdav` package (v5.11, installed and measured
// in bench/webdav): its putFileContents drops Content-Length for any stream (a chunked request
// body, which PHP behind some front ends receives as an empty file) and resolves to a boolean,
// so the ETag, `X-OC-MTime: accepted` and `X-Hash-SHA256` answers cannot be read; its errors
// are not the DavError codes the engine's stop rules (401, 403, 507) and retries act on; and it
// was slower on small files in the benchmark (bench/webdav/README.md).
import type { DavClient } from '../dav/dav-client.ts';
import { markerProp } from '../dav/collections.ts';
import { DavError } from '../dav/dav-error.ts';
import type { RetryDeps, RetryPolicy } from '../dav/retry.ts';
import { defaultRetryPolicy } from '../dav/retry.ts';
import type { ProblemFact } from '../contract/problem.ts';
import { inspectCollection } from '../dav/inspect-collection.ts';
import { probe } from '../dav/probe.ts';
import type { CollectionSink, ItemSink, OutgoingItem } from '../sink/item-sink.ts';
import type { ChunkingOptions } from './chunked-upload.ts';
import { uploadAreaRefused, uploadChunked } from './chunked-upload.ts';
import { DateKeeper } from './date-keeper.ts';
import type { DateTally } from './date-keeper.ts';
import type { FilePayload } from './file-payload.ts';
import { FolderMaker } from './folder-maker.ts';
import { listTree } from '../dav/list-tree.ts';
import { putFile } from './put-file.ts';
import { asFolderUrl, parentFolders, resolveInside } from './target-href.ts';
import type { ChecksumTally, UploadContext } from './upload-context.ts';

export interface FilesSinkOptions {
  readonly client: DavClient;
  /** Where the import folder is created: the account's files root (discovery's `filesRoot`). */
  readonly home: string;
  readonly retry: RetryDeps;
  readonly retryPolicy?: RetryPolicy;
  /**
   * Nextcloud only: chunked upload v2 for large files, and the server's SHA-256 of what it
   * received (`X-Hash`). Null or absent on other servers: one PUT per file, size checked.
   */
  readonly nextcloud?: { readonly chunking: ChunkingOptions | null } | null;
}

/** What a run learnt about the server, for the report. */
export interface FilesRunFacts {
  readonly dates: DateTally;
  readonly checksums: Readonly<ChecksumTally>;
}

export interface FilesSink extends ItemSink<FilePayload>, CollectionSink {
  /** Problems about the run as a whole (dates the server could not keep), once per run. */
  runProblems(where: string): ProblemFact[];
  facts(): FilesRunFacts;
}

export function createFilesSink(options: FilesSinkOptions): FilesSink {
  const { client } = options;
  const folders = new FolderMaker(client);
  const chunking = options.nextcloud?.chunking ?? null;
  const threshold = chunking === null ? Infinity : (chunking.thresholdBytes ?? 10 * 1024 * 1024);
  // Set once the server has shown it has no chunked-upload area: the run's other large files go
  // straight to a plain PUT. Not a problem for the report: every byte still arrives, verified.
  let uploadAreaMissing = false;
  const ctx: UploadContext = {
    client,
    retry: options.retry,
    retryPolicy: options.retryPolicy ?? defaultRetryPolicy,
    checksum: options.nextcloud !== null && options.nextcloud !== undefined,
    dates: new DateKeeper(client),
    checksums: { checked: 0, sizeOnly: 0 },
  };
  // The import folder of each item, found from its href and relative path.
  const folderOf = (href: string, item: OutgoingItem<FilePayload>): string => {
    const depth = item.relativeHref.split('/').length;
    const url = new URL(href);
    url.pathname = url.pathname.split('/').slice(0, -depth).join('/') + '/';
    return url.href;
  };

  return {
    home: asFolderUrl(options.home),

    async create(href, _spec, marker, signal) {
      await client.makeCollection('MKCOL', href, undefined, signal);
      folders.exists(asFolderUrl(href));
      try {
        await client.proppatch(href, new Map([[markerProp, { text: marker }]]), signal);
      } catch (error) {
        // The marker only helps a run whose journal was lost to recognise its folder.
        if (!(error instanceof DavError) || error.code === 'dav.unauthorized') throw error;
      }
    },

    inspect: (href, signal) => inspectCollection(client, href, signal),

    async send(href, item, sendOptions) {
      const root = folderOf(href, item);
      folders.exists(root);
      await folders.ensure(parentFolders(root, item.relativeHref), sendOptions.signal);
      if (chunking !== null && !uploadAreaMissing && item.payload.size > threshold) {
        try {
          return await uploadChunked(ctx, href, item.payload, sendOptions, chunking);
        } catch (error) {
          if (!uploadAreaRefused(error, chunking.uploadsRoot)) throw error;
          uploadAreaMissing = true;
          // The upload id kept for a resume names a folder that cannot exist.
          sendOptions.saveResume?.(null);
        }
      }
      return putFile(ctx, href, item.payload, sendOptions);
    },

    probe: (href, signal) => probe(client, href, signal),

    list: (collectionHref, signal) => listTree(client, asFolderUrl(collectionHref), signal),

    hrefFor: (collectionHref, item) => resolveInside(collectionHref, item.relativeHref),

    runProblems(where) {
      const { notKept } = ctx.dates.tally();
      return notKept === 0
        ? []
        : [{ code: 'files.dates-not-kept', where, params: { count: notKept } }];
    },

    facts: () => ({ dates: ctx.dates.tally(), checksums: { ...ctx.checksums } }),
  };
}
