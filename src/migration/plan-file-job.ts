// A source's file tree (Google Drive) → one new folder ("Google Drive (importé)") holding it, through the
// same engine as calendars (src/files has the names, the sink and the chunked uploads). The free
// space is checked here, before anything is sent.
import type { MigrationKind } from '../contract/migrate.ts';
import type { ProblemFact } from '../contract/problem.ts';
import type { DavClient } from '../dav/dav-client.ts';
import type { RetryDeps, RetryPolicy } from '../dav/retry.ts';
import { nextcloudUploadsRoot } from '../files/chunked-upload.ts';
import { createFilesSink } from '../files/files-sink.ts';
import type { FilesRunFacts } from '../files/files-sink.ts';
import { bytesStillToSend, checkFreeSpace } from '../files/free-space.ts';
import { validSegment } from '../files/name-rules.ts';
import { planDriveFiles } from '../files/plan-drive-files.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import type { Journal } from '../journal/journal.ts';
import type { Collection, Target } from '../journal/types.ts';
import type { SourceFiles } from '../sources/source.ts';
import type { CollectionJob } from './collection-job.ts';
import { syncItems } from './sync-items.ts';
import { verifyCollection } from './verify-collection.ts';

export interface FileJobPlan {
  job: CollectionJob;
  bytes: number;
  documents: { count: number; byFormat: Record<string, number> };
  /** What the uploads did (dates kept, checksums), once the job has run. */
  facts(): FilesRunFacts;
}

/** The kinds moved as a tree of files into one new folder of the files account. */
export type FileTreeKind = Extract<MigrationKind, 'files' | 'photos' | 'notes'>;

/** What a tree planner is given of the files account and the run (Drive, photos, notes). */
export interface FilesAccountContext {
  client: DavClient;
  filesRoot: string;
  nextcloud: boolean;
  retry: RetryDeps;
  retryPolicy?: RetryPolicy;
  journal: Journal;
  target: Target;
  t: Translator;
  signal: AbortSignal;
  onProblem: (problem: ProblemFact) => void;
}

export async function planFileJob(
  args: FilesAccountContext & {
    /** Which kind the tree is moved as (its journal rows and report line); default: files. */
    kind?: FileTreeKind;
    files: SourceFiles;
    /** Runs once the files are sent (the photos' albums), before the read-back. */
    afterSync?: (collection: Collection, signal: AbortSignal) => Promise<void>;
  },
): Promise<FileJobPlan> {
  const kind = args.kind ?? 'files';
  const folderName = args.files.folderName ?? args.t('files:folder.imported-name');
  const plan = planDriveFiles(args.files, { folderName, signal: args.signal });
  const uploadsRoot = args.nextcloud ? nextcloudUploadsRoot(args.filesRoot) : null;
  const sink = createFilesSink({
    client: args.client,
    home: args.filesRoot,
    retry: args.retry,
    ...(args.retryPolicy === undefined ? {} : { retryPolicy: args.retryPolicy }),
    nextcloud: args.nextcloud ? { chunking: uploadsRoot === null ? null : { uploadsRoot } } : null,
  });
  // Before anything is sent: when the files do not fit, say so and stop (files.not-enough-space).
  const known = args.journal.findCollection(args.target, kind, args.files.key);
  await checkFreeSpace(
    args.client,
    known?.href ?? new URL(`${encodeURIComponent(validSegment(folderName))}/`, sink.home).href,
    bytesStillToSend(plan.totals.bytes, args.journal, known),
    args.signal,
  );
  return {
    bytes: plan.totals.bytes,
    documents: plan.documents,
    facts: () => sink.facts(),
    job: {
      kind,
      spec: plan.collection,
      collectionSink: sink,
      found: plan.totals.count + plan.cannotMove.length,
      async sync(collection, settings) {
        await syncItems(plan.entries, {
          ...settings,
          sink,
          collectionId: collection.id,
          collectionHref: collection.href,
        });
        for (const problem of sink.runProblems(collection.displayName)) {
          // Said in the kind's words: a photo's date is the day it was taken, not Drive's.
          args.onProblem(
            problem.code === 'files.dates-not-kept' && kind !== 'files'
              ? { ...problem, code: `${kind}.dates-not-kept` }
              : problem,
          );
        }
        await args.afterSync?.(collection, settings.signal);
      },
      verify: (collection, settings, onProblem) =>
        verifyCollection(collection, settings.journal, sink, settings.signal, onProblem),
    },
  };
}
