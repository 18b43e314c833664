// A migration the way the app and the CLI run it: a service (real HTTP, retries whose waits are
// recorded instead of slept), `connect` to the server (through the fault proxy), then the
// `startMigration` job followed to its end.
import type { BaluchonEvent, MigrationReport, Problem } from '../../../src/contract/index.ts';
import { MigrationReport as MigrationReportSchema } from '../../../src/contract/index.ts';
import type { MigrationSelection } from '../../../src/contract/migrate.ts';
import { createHttpClient } from '../../../src/dav/http-client.ts';
import type { RetryPolicy } from '../../../src/dav/retry.ts';
import { createService } from '../../../src/service/create-service.ts';
import type { Service } from '../../../src/service/create-service.ts';

export interface MigrationSession {
  readonly service: Service;
  /** Waits the retry policy asked for, in order (Retry-After honoured shows here). */
  readonly waits: number[];
  /** Connects and migrates; resolves with how the job ended. */
  migrate(paths: readonly string[], options?: MigrateOptions): Promise<JobEnd>;
  close(): Promise<void>;
}

export interface MigrateOptions {
  readonly selection?: Partial<MigrationSelection>;
  /** Where the journal lives (one per test keeps them apart). */
  readonly stateDir: string;
  /** Runs with each job event (to cancel, to release a held request…). */
  readonly onEvent?: (event: BaluchonEvent) => void;
}

export type JobEnd =
  | { readonly outcome: 'done'; readonly report: MigrationReport; readonly problems: Problem[] }
  | {
      readonly outcome: 'failed' | 'cancelled' | 'refused';
      readonly error: { code: string; message: string };
      readonly problems: Problem[];
    };

export function migrationSession(options: {
  readonly server: string;
  readonly user: { readonly name: string; readonly password: string };
  readonly dataDir: string;
  readonly retryPolicy?: Partial<RetryPolicy>;
  readonly concurrency?: number;
}): MigrationSession {
  const http = createHttpClient({ connections: 4, timeoutMs: 15_000 });
  const waits: number[] = [];
  const service = createService({
    mode: 'cli',
    locale: 'fr',
    dataDir: options.dataDir,
    dav: {
      http,
      retry: {
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
        random: () => 0.5,
      },
      retryPolicy: {
        maxAttempts: 4,
        baseDelayMs: 100,
        maxDelayMs: 1000,
        maxRetryAfterMs: 60_000,
        ...options.retryPolicy,
      },
    },
    migrate: { concurrency: options.concurrency ?? 4, fetchPhoto: null },
  });

  return {
    service,
    waits,
    async migrate(paths, run) {
      const connected = await service.call('connect', {
        server: options.server,
        username: options.user.name,
        password: options.user.password,
      });
      if (!connected.ok) return { outcome: 'refused', error: connected.error, problems: [] };
      const { accountId } = connected.value as { accountId: string };
      const problems: Problem[] = [];
      let jobId: string | null = null;
      const early: BaluchonEvent[] = [];
      let finish: (end: JobEnd) => void = () => undefined;
      const ended = new Promise<JobEnd>((resolve) => (finish = resolve));
      const onEvent = (event: BaluchonEvent): void => {
        if (event.kind !== 'migrate') return;
        run?.onEvent?.(event);
        if (event.type === 'job.problem') problems.push(event.problem);
        if (event.type !== 'job.end') return;
        if (event.outcome === 'done') {
          finish({ outcome: 'done', report: MigrationReportSchema.parse(event.result), problems });
        } else finish({ outcome: event.outcome, error: event.error, problems });
      };
      const unsubscribe = service.subscribe((event) => {
        if (jobId === null) early.push(event);
        else if (event.jobId === jobId) onEvent(event);
      });
      try {
        const started = await service.call('startMigration', {
          paths,
          accountId,
          selection: {
            contacts: true,
            tasks: true,
            files: false,
            photos: false,
            notes: false,
            ...run?.selection,
          },
          ...(run === undefined ? {} : { stateDir: run.stateDir }),
        });
        if (!started.ok) return { outcome: 'refused', error: started.error, problems };
        jobId = (started.value as { jobId: string }).jobId;
        for (const event of early.splice(0)) if (event.jobId === jobId) onEvent(event);
        return await ended;
      } finally {
        unsubscribe();
      }
    },
    async close() {
      service.close(); // closes the HTTP client too
      await http.close().catch(() => undefined);
    },
  };
}

/** The report of a job that must have run to its end (the test fails otherwise). */
export function reportOf(end: JobEnd): MigrationReport {
  if (end.outcome !== 'done') throw new Error(`migration ${end.outcome}: ${end.error.message}`);
  return end.report;
}
