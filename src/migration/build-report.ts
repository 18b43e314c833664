// The report of a run, from the journal's counts after the read-back: what was found, created,
// updated, left unchanged, skipped (cannot move), failed, and verified on the server — per kind,
// with each problem named.
import type { KindReport, MigrationKind, MigrationReport } from '../contract/migrate.ts';
import type { Problem } from '../contract/problem.ts';
import type { MigrationOutcome } from './run-migration.ts';

export function buildReport(
  outcome: MigrationOutcome,
  problems: { byKind: Record<MigrationKind, Problem[]>; run: Problem[] },
  account: { server: string; username: string },
  stopMessage: string | null,
): MigrationReport {
  const kind = (name: MigrationKind): KindReport => ({
    ...outcome.counts[name],
    problems: problems.byKind[name],
  });
  const report = {
    runId: outcome.run.id,
    state: outcome.state,
    stopCode: outcome.stop?.code ?? null,
    stopMessage,
    server: account.server,
    account: account.username,
    startedAt: outcome.startedAt.toISOString(),
    endedAt: outcome.endedAt.toISOString(),
    calendars: kind('calendars'),
    tasks: kind('tasks'),
    contacts: kind('contacts'),
    files: kind('files'),
    problems: problems.run,
    collections: outcome.collections,
    birthdaysLeftOut: outcome.birthdaysLeftOut,
    holidayFeeds: outcome.holidayFeeds,
    documents: outcome.documents,
    complete: false,
    reportFile: null,
  };
  return { ...report, complete: isComplete(report) };
}

/**
 * Everything that can move is on the server and was read back: no failure, nothing missing,
 * nothing left to do, and every item that was not deliberately skipped is verified. Items that
 * cannot move by nature (a Google Form, a series with no date) are skipped and named, and do not
 * make a run incomplete. A run-level problem (no calendars on this server, a calendar refused…)
 * does.
 */
export function isComplete(report: Omit<MigrationReport, 'complete'>): boolean {
  if (report.state !== 'finished') return false;
  const kinds = ['calendars', 'tasks', 'contacts', 'files'] as const;
  // A kind that has no place on this account, or a calendar the server would not make, did not
  // move at all: its items are not even in the counts.
  const everyProblem = [...report.problems, ...kinds.flatMap((name) => report[name].problems)];
  if (everyProblem.some((problem) => didNotMove(problem.code))) return false;
  return kinds.every((name) => {
    const counts = report[name];
    return (
      counts.failed === 0 &&
      counts.missing === 0 &&
      counts.verified === counts.found - counts.skipped
    );
  });
}

function didNotMove(code: string): boolean {
  return code.startsWith('migration.no-') || code === 'migration.collection-refused';
}
