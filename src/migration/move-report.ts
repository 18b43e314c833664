// The report of one move, in one place: the problems met on the way, each worded once in the
// family's language and kept under its kind (or the run as a whole), then the counts of the
// outcome, the stop's reason, and the copy saved beside the journal. The service only forwards
// what the engine says here and hands back what this returns.
import type { Account } from '../contract/connect.ts';
import type { MigrationKind, MigrationReport } from '../contract/migrate.ts';
import type { Problem, ProblemFact } from '../contract/problem.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { describeError, describeProblem } from '../i18n/create-i18n.ts';
import { buildReport } from './build-report.ts';
import type { MigrationOutcome } from './migration-types.ts';
import { saveReportFile } from './report-file.ts';

export interface MoveReport {
  /** Records a problem (null: the run as a whole) and returns it worded. */
  problem(kind: MigrationKind | null, fact: ProblemFact): Problem;
  /** The report of the outcome, saved in `reportsDir`, with where it was saved. */
  finish(
    outcome: MigrationOutcome,
    accounts: { account: Account; filesAccount: Account | null },
  ): Promise<MigrationReport & { reportFile: string }>;
}

export function moveReport(options: {
  readonly t: Translator;
  readonly language: string;
  readonly reportsDir: string;
}): MoveReport {
  const { t } = options;
  const byKind: Record<MigrationKind, Problem[]> = {
    calendars: [],
    tasks: [],
    contacts: [],
    files: [],
    photos: [],
    notes: [],
  };
  const run: Problem[] = [];
  return {
    problem(kind, fact) {
      const worded = { ...fact, reason: describeProblem(t, fact.code, fact.params) };
      (kind === null ? run : byKind[kind]).push(worded);
      return worded;
    },
    async finish(outcome, { account, filesAccount }) {
      const stopMessage =
        outcome.stop === null ? null : describeError(t, outcome.stop.code, outcome.stop.details);
      const report = buildReport(outcome, { byKind, run }, account, stopMessage, filesAccount);
      const reportFile = await saveReportFile(report, options.reportsDir, t, options.language);
      return { ...report, reportFile };
    },
  };
}
