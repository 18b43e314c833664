// A whole files migration wired the way the `migrate` job will wire it: scan (to find Drive),
// open the archive, plan, check the free space, make the import folder once, send every file
// through the journal protocol, read everything back. Used by the integration tests, by the
// child process the SIGKILL test kills, and by the benchmark.
import { setMaxListeners } from 'node:events';
import { basename } from 'node:path';
import { statSync } from 'node:fs';
import type { ProblemFact } from '../../../src/contract/problem.ts';
import { DavClient } from '../../../src/dav/dav-client.ts';
import type { HttpClient } from '../../../src/dav/http-client.ts';
import { createHttpClient } from '../../../src/dav/http-client.ts';
import type { RetryPolicy } from '../../../src/dav/retry.ts';
import { nextcloudUploadsRoot } from '../../../src/files/chunked-upload.ts';
import type { ChunkingOptions } from '../../../src/files/chunked-upload.ts';
import { createFilesSink } from '../../../src/files/files-sink.ts';
import type { FilesRunFacts } from '../../../src/files/files-sink.ts';
import { bytesStillToSend, checkFreeSpace } from '../../../src/files/free-space.ts';
import type { FreeSpaceCheck } from '../../../src/files/free-space.ts';
import { planDriveFiles } from '../../../src/files/plan-drive-files.ts';
import { openTakeoutSource } from '../../../src/sources/takeout/open-takeout-source.ts';
import { driveSourceKey } from '../../../src/sources/takeout/takeout-files.ts';
import type { DrivePlan } from '../../../src/files/plan-drive-files.ts';
import { validSegment } from '../../../src/files/name-rules.ts';
import { openJournal } from '../../../src/journal/open-journal.ts';
import type { Counts, RunTally } from '../../../src/journal/types.ts';
import type { Collection, RunId, Target } from '../../../src/journal/types.ts';
import { ensureCollection } from '../../../src/migration/ensure-collection.ts';
import { StopRun, syncItems } from '../../../src/migration/sync-items.ts';
import type { ItemOutcome } from '../../../src/contract/migrate.ts';
import { verifyCollection } from '../../../src/migration/verify-collection.ts';
import type { VerifyOutcome } from '../../../src/migration/verify-collection.ts';

export interface MigrateDriveOptions {
  readonly parts: readonly string[];
  /** The account's files root (discovery's filesRoot). */
  readonly filesRoot: string;
  readonly user: { readonly name: string; readonly password: string };
  readonly journalPath: string;
  /** Nextcloud: chunked upload and server hashes. */
  readonly nextcloud?: { readonly chunking: Omit<ChunkingOptions, 'uploadsRoot'> | null };
  readonly folderName?: string;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly retryPolicy?: Partial<RetryPolicy>;
  readonly onItem?: (outcome: ItemOutcome, label: string) => void;
  readonly onBytes?: (bytes: number) => void;
  /** Skip the read-back (the benchmark measures the upload alone). */
  readonly verify?: boolean;
  readonly http?: HttpClient;
}

export interface MigrateDriveResult {
  readonly runId: RunId;
  readonly state: 'finished' | 'stopped' | 'interrupted';
  readonly stopCode: string | null;
  readonly plan: DrivePlan;
  readonly collection: Collection | null;
  readonly counts: Counts<RunTally>;
  readonly problems: ProblemFact[];
  readonly outcomes: Map<ItemOutcome, number>;
  readonly verify: VerifyOutcome | null;
  readonly facts: FilesRunFacts;
  readonly freeSpace: FreeSpaceCheck | null;
  /** Milliseconds of the transfer alone (after planning, before the read-back). */
  readonly transferMs: number;
  /** Waits the uploads' retries asked for (ms): Retry-After is honoured. */
  readonly waits: readonly number[];
  /** Milliseconds of each step: the scan, the plan, the read-back. */
  readonly timings: { readonly scanMs: number; readonly planMs: number; readonly verifyMs: number };
}

export async function migrateDrive(options: MigrateDriveOptions): Promise<MigrateDriveResult> {
  const problems: ProblemFact[] = [];
  const onProblem = (problem: ProblemFact): void => {
    problems.push(problem);
  };
  const signal = options.signal ?? new AbortController().signal;
  // Each request in flight listens to the run's signal (undici): more than Node's default 10.
  setMaxListeners(100, signal);
  const scanStarted = performance.now();
  // One reading of the archive, as the migrate job does: the scan's facts and the Drive's files.
  const source = await openTakeoutSource(options.parts, { signal });
  const inventory = await source.read({ signal, onProblem });
  const timings = { scanMs: performance.now() - scanStarted, planMs: 0, verifyMs: 0 };
  const files = inventory.files;
  if (files === null) throw new Error('no Drive folder in this archive');
  const http =
    options.http ?? createHttpClient({ connections: options.concurrency ?? 4, timeoutMs: 60_000 });
  const client = new DavClient({
    send: http.send,
    credentials: { username: options.user.name, password: options.user.password },
    retry: { sleep: () => Promise.resolve(), random: () => 0.5 },
    retryPolicy: {
      maxAttempts: 4,
      baseDelayMs: 10,
      maxDelayMs: 100,
      maxRetryAfterMs: 60_000,
      ...options.retryPolicy,
    },
    now: () => new Date(),
  });
  const waits: number[] = [];
  const retry = {
    sleep: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
  };
  const journal = openJournal({ path: options.journalPath, now: () => new Date() });
  try {
    const target: Target = {
      server: new URL(options.filesRoot).origin,
      account: options.user.name,
    };
    const interrupted = journal.interruptedRuns(target)[0];
    const run =
      interrupted === undefined
        ? journal.beginRun({
            target,
            kinds: ['files'],
            sources: options.parts.map((part) => ({
              name: basename(part),
              size: statSync(part).size,
            })),
          })
        : journal.resumeRun(interrupted.id);
    const folderName = options.folderName ?? 'Google Drive (importé)';
    const planStarted = performance.now();
    const plan = planDriveFiles(files, { folderName, signal });
    timings.planMs = performance.now() - planStarted;
    const uploadsRoot = nextcloudUploadsRoot(options.filesRoot);
    const sink = createFilesSink({
      client,
      home: options.filesRoot,
      retry,
      retryPolicy: {
        maxAttempts: 4,
        baseDelayMs: 10,
        maxDelayMs: 100,
        maxRetryAfterMs: 60_000,
        ...options.retryPolicy,
      },
      nextcloud:
        options.nextcloud === undefined
          ? null
          : {
              chunking:
                options.nextcloud.chunking === null || uploadsRoot === null
                  ? null
                  : { ...options.nextcloud.chunking, uploadsRoot },
            },
    });
    const outcomes = new Map<ItemOutcome, number>();
    let collection: Collection | null = null;
    let freeSpace: FreeSpaceCheck | null = null;
    let transferMs = 0;
    let verify: VerifyOutcome | null = null;
    try {
      const known = journal.findCollection(target, 'files', driveSourceKey);
      freeSpace = await checkFreeSpace(
        client,
        known?.href ?? new URL(`${encodeURIComponent(validSegment(folderName))}/`, sink.home).href,
        bytesStillToSend(plan.totals.bytes, journal, known),
        signal,
      );
      collection = await ensureCollection(plan.collection, {
        journal,
        target,
        runId: run.id,
        kind: 'files',
        sink,
        signal,
      });
      const started = performance.now();
      await syncItems(plan.entries, {
        journal,
        runId: run.id,
        collectionId: collection.id,
        collectionHref: collection.href,
        sink,
        concurrency: options.concurrency ?? 4,
        signal,
        events: {
          onItem: (outcome, label) => {
            outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
            options.onItem?.(outcome, label);
          },
          onProblem,
          ...(options.onBytes === undefined ? {} : { onBytes: options.onBytes }),
        },
      });
      transferMs = performance.now() - started;
      problems.push(...sink.runProblems(collection.displayName));
      if (options.verify !== false) {
        const verifyStarted = performance.now();
        verify = await verifyCollection(collection, journal, sink, signal, onProblem);
        timings.verifyMs = performance.now() - verifyStarted;
      }
      journal.endRun(run.id, { state: 'finished' });
      return {
        runId: run.id,
        state: 'finished',
        stopCode: null,
        plan,
        collection,
        counts: journal.runCounts(run.id),
        problems,
        outcomes,
        verify,
        facts: sink.facts(),
        freeSpace,
        transferMs,
        waits,
        timings,
      };
    } catch (error) {
      if (error instanceof StopRun) {
        journal.endRun(run.id, { state: 'stopped', code: error.code });
        return {
          runId: run.id,
          state: 'stopped',
          stopCode: error.code,
          plan,
          collection,
          counts: journal.runCounts(run.id),
          problems,
          outcomes,
          verify,
          facts: sink.facts(),
          freeSpace,
          transferMs,
          waits,
          timings,
        };
      }
      // Cancelled, or anything unexpected: the run can be resumed.
      journal.endRun(run.id, { state: 'interrupted' });
      throw error;
    }
  } finally {
    await source.close();
    journal.close();
    if (options.http === undefined) await http.close();
  }
}
