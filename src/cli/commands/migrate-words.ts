// The migrate command's words at the end of a run: each kind's counts (each number with its
// own plural, "1 copié, 2 trouvés", never "copié(s)"), and the closing advice, which says
// what to do about the one gap a run can have that relaunching alone cannot fix: an account
// with no place for files (give a second account for them, with --files-*).
import type { KindCounts, MigrationKind, MigrationReport } from '../../contract/migrate.ts';
import { migrationKinds } from '../../contract/migrate.ts';
import type { Translator } from '../../i18n/create-i18n.ts';
import { sourceContext } from '../../migration/report-words.ts';

const columns = [
  'found',
  'created',
  'updated',
  'unchanged',
  'skipped',
  'failed',
  'verified',
] as const satisfies readonly (keyof KindCounts)[];

export function countsLine(t: Translator, counts: KindCounts): string {
  return columns
    .map((column) => t(`cli:commands.migrate.counts.${column}`, { count: counts[column] }))
    .join(', ');
}

type Gaps = Pick<MigrationReport, 'state' | 'problems' | 'complete' | 'source' | MigrationKind>;

/** The files space is missing: Drive's files, the photos and the notes all go there. */
const noFilesPlaceCodes = new Set([
  'migration.no-files-here',
  'migration.no-photos-here',
  'migration.no-notes-here',
]);

/** A kind that had no place on the account, or a calendar or folder the server would not make. */
function didNotMove(code: string): boolean {
  return code.startsWith('migration.no-') || code === 'migration.collection-refused';
}

/**
 * Whether the run's only gap is that the account has no place for files: the run went to its
 * end, nothing failed or went missing at the read-back, and no other kind lacked a place.
 */
export function onlyNoPlaceForFiles(report: Gaps): boolean {
  if (report.complete || report.state !== 'finished') return false;
  const everyProblem = [
    ...report.problems,
    ...migrationKinds.flatMap((kind) => report[kind].problems),
  ];
  const gaps = new Set(everyProblem.map((problem) => problem.code).filter(didNotMove));
  if (gaps.size === 0 || [...gaps].some((code) => !noFilesPlaceCodes.has(code))) return false;
  // A finished run read back every item it sent: none failed, none missing is all verified
  // (what was found but not chosen, or cannot move, is not a gap to fix).
  return migrationKinds.every((kind) => report[kind].failed === 0 && report[kind].missing === 0);
}

/**
 * The headline of the summary: complete, incomplete, or what to do about files — where the rest
 * stayed (Google, or the previous host) and what to start again with (the archive, the account).
 */
export function closingAdvice(t: Translator, report: Gaps): string {
  const from = sourceContext(report);
  if (onlyNoPlaceForFiles(report)) return t('cli:commands.migrate.noFilesHere', from);
  return t(report.complete ? 'migration:report.complete' : 'migration:report.incomplete', from);
}
