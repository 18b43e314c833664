// The report of a run, from the journal's counts after the read-back: what was found, created,
// updated, left unchanged, skipped (cannot move), failed, and verified on the server — per kind,
// with each problem named — and what stayed at the source (Google, the previous host), and why. One verdict decides what the
// Done screen, the saved report and the CLI's exit code say.
import type {
  KindReport,
  LeftOver,
  LeftReason,
  MigrationKind,
  MigrationReport,
} from '../contract/migrate.ts';
import { migrationKinds as kinds } from '../contract/migrate.ts';
import type { Problem } from '../contract/problem.ts';
import type { MigrationOutcome } from './run-migration.ts';

export type Verdict = MigrationReport['verdict'];

export function buildReport(
  outcome: MigrationOutcome,
  problems: { byKind: Record<MigrationKind, Problem[]>; run: Problem[] },
  account: { server: string; username: string },
  stopMessage: string | null,
  filesAccount: { server: string; username: string } | null = null,
): MigrationReport {
  const kind = (name: MigrationKind): KindReport => {
    const counts = outcome.counts[name];
    const whole = outcome.leftWhole[name];
    const refused = refusedCount(problems.byKind[name]);
    const left = leftOf(counts, whole, refused);
    const outside = whole.reduce((sum, one) => sum + one.count, 0) + refused;
    return { ...counts, found: counts.found + outside, problems: problems.byKind[name], left };
  };
  const report = {
    runId: outcome.run.id,
    source: outcome.source,
    state: outcome.state,
    stopCode: outcome.stop?.code ?? null,
    stopMessage,
    server: account.server,
    account: account.username,
    filesServer: filesAccount?.server ?? null,
    filesAccount: filesAccount?.username ?? null,
    startedAt: outcome.startedAt.toISOString(),
    endedAt: outcome.endedAt.toISOString(),
    calendars: kind('calendars'),
    tasks: kind('tasks'),
    contacts: kind('contacts'),
    files: kind('files'),
    photos: kind('photos'),
    notes: kind('notes'),
    photoFacts: outcome.photoFacts,
    noteFacts: outcome.noteFacts,
    problems: problems.run,
    collections: outcome.collections,
    birthdaysLeftOut: outcome.birthdaysLeftOut,
    holidayFeeds: outcome.holidayFeeds,
    documents: outcome.documents,
    reportFile: null,
  };
  const verdict = verdictOf(report);
  return { ...report, verdict, complete: verdict !== 'incomplete' };
}

/**
 * What stayed at the source, by reason, from the facts: whole kinds (or calendars) not chosen or
 * with no place on the account, calendars the server refused to make, items that failed or were
 * missing at the read-back, items the run did not reach (stopped, paused), and items that cannot
 * move by nature.
 */
export function leftOf(
  counts: Omit<KindReport, 'problems' | 'left'>,
  whole: readonly LeftOver[],
  refused: number,
): LeftOver[] {
  const left: LeftOver[] = [...whole];
  const add = (reason: LeftReason, count: number): void => {
    if (count > 0) left.push({ reason, count, bytes: null });
  };
  add('refused', refused);
  add('failed', counts.failed + counts.missing);
  add('not-sent', counts.found - counts.skipped - counts.failed - counts.missing - counts.verified);
  add('cannot-move', counts.skipped);
  return left.filter((one) => one.count > 0);
}

/** The items a refused calendar or folder held (they never reached the journal). */
function refusedCount(problems: readonly Problem[]): number {
  return problems
    .filter((problem) => problem.code === 'migration.collection-refused')
    .reduce((sum, problem) => {
      const count = problem.params?.['count'];
      return sum + (typeof count === 'number' ? count : 0);
    }, 0);
}

/**
 * everything: the run reached its end and every item found is verified on the server or was
 * left out by the family's own choice. all-that-can: the same, except items that cannot move by
 * nature (a Google Form, a series with no date), named in the report. incomplete: anything a
 * family can still fix — no place on the account, a refusal, a failure, a run that stopped.
 */
export function verdictOf(
  report: Pick<MigrationReport, 'state' | 'problems' | MigrationKind>,
): Verdict {
  if (report.state !== 'finished') return 'incomplete';
  const everyProblem = [...report.problems, ...kinds.flatMap((name) => report[name].problems)];
  if (everyProblem.some((problem) => didNotMove(problem.code))) return 'incomplete';
  const reasons = new Set(kinds.flatMap((name) => report[name].left.map((one) => one.reason)));
  reasons.delete('not-chosen');
  // Something of the family's the source could not read (a broken note in the export, a picture
  // Google left out of it) is named below, and "everything" would not be true.
  const unread = everyProblem.some((problem) => notReadable(problem.code));
  if (reasons.size === 0) return unread ? 'all-that-can' : 'everything';
  return reasons.size === 1 && reasons.has('cannot-move') ? 'all-that-can' : 'incomplete';
}

/**
 * Data the source holds but could not give (unreadable, too large, missing from the export).
 * A photo whose JSON file is unreadable is not among them: the picture itself arrived.
 */
function notReadable(code: string): boolean {
  return (
    (code.startsWith('takeout.') &&
      code.endsWith('-unreadable') &&
      code !== 'takeout.photo-sidecar-unreadable') ||
    code === 'takeout.content-too-large' ||
    code === 'takeout.photo-missing' ||
    code === 'takeout.keep-attachment-missing'
  );
}

/** Everything that can move is on the server and was read back (the CLI's exit code 0). */
export function isComplete(
  report: Pick<MigrationReport, 'state' | 'problems' | MigrationKind>,
): boolean {
  return verdictOf(report) !== 'incomplete';
}

/** A kind that has no place on this account, or a calendar the server would not make. */
function didNotMove(code: string): boolean {
  return code.startsWith('migration.no-') || code === 'migration.collection-refused';
}
