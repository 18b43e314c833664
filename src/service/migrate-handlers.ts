// The migration job: opens the journal, runs the migration against the connected account, and
// ends with the verified report (also saved as a file in the data folder).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers, MigrationKind, Problem } from '../contract/index.ts';
import { describeError } from '../i18n/create-i18n.ts';
import { journalPath, openJournal } from '../journal/index.ts';
import { buildReport } from '../migration/build-report.ts';
import { saveReportFile } from '../migration/report-file.ts';
import { runMigration } from '../migration/run-migration.ts';
import type { FetchLike } from '../vcard/embed-photo.ts';
import { BaluchonError } from './baluchon-error.ts';
import type { ServiceContext } from './create-service.ts';

export interface MigrateDeps {
  /** Items sent at once to one server. */
  concurrency: number;
  /** Downloads contact photos (null: offline, links are reported instead). */
  fetchPhoto: FetchLike | null;
  /** better-sqlite3's addon built for Electron, when running in the desktop app. */
  sqliteNativeBinding?: string;
}

export const defaultMigrateDeps: MigrateDeps = {
  concurrency: 4,
  fetchPhoto: (url, init) => fetch(url, init),
};

export function createMigrateHandlers(
  context: ServiceContext,
  overrides: Partial<MigrateDeps> = {},
): Pick<Handlers, 'startMigration'> {
  const deps: MigrateDeps = { ...defaultMigrateDeps, ...overrides };
  return {
    startMigration: async ({ paths, accountId, selection, stateDir }) => {
      for (const path of paths) {
        if ((await stat(path).catch(() => undefined)) === undefined) {
          throw new BaluchonError('path-not-found', { path });
        }
      }
      const { account, credentials } = await context.accounts.get(accountId);
      const directory = stateDir ?? context.deps.dataDir;
      const jobId = context.jobs.start('migrate', async (job) => {
        const journal = openJournal({
          path: journalPath(directory),
          now: context.deps.now,
          ...(deps.sqliteNativeBinding === undefined
            ? {}
            : { nativeBinding: deps.sqliteNativeBinding }),
        });
        const byKind: Record<MigrationKind, Problem[]> = {
          calendars: [],
          tasks: [],
          contacts: [],
          files: [],
        };
        const run: Problem[] = [];
        try {
          const outcome = await runMigration(paths, selection, {
            journal,
            client: context.dav.client(credentials),
            account,
            t: context.t(),
            signal: job.signal,
            now: context.deps.now,
            concurrency: deps.concurrency,
            onProgress: (progress) => {
              job.progress(progress);
            },
            onProblem: (kind, fact) => {
              (kind === null ? run : byKind[kind]).push(context.problem(fact));
              job.problem(fact);
            },
            ...(deps.fetchPhoto === null ? {} : { fetchPhoto: deps.fetchPhoto }),
          });
          const t = context.t();
          const stopMessage =
            outcome.stop === null
              ? null
              : describeError(t, outcome.stop.code, outcome.stop.details);
          const report = buildReport(outcome, { byKind, run }, account, stopMessage);
          const reportFile = await saveReportFile(
            report,
            join(directory, 'reports'),
            t,
            context.locale(),
          );
          return { ...report, reportFile };
        } finally {
          journal.close();
        }
      });
      return Promise.resolve({ jobId });
    },
  };
}
