// The words of a report that the saved HTML page and the CLI share with the Done screen: the
// headline (from the one verdict) and, per kind, what stayed at the source and why. "Resté chez
// Google" is only true of a Takeout: a move from another host says "chez votre ancien
// hébergeur" (the catalogues' `_dav` variants, chosen by i18next's context).
import { migrationKinds as kinds } from '../contract/migrate.ts';
import type { LeftOver, MigrationKind, MigrationReport } from '../contract/migrate.ts';
import type { Translator } from '../i18n/create-i18n.ts';

/**
 * The i18next context of the words that name where the data came from: `dav` picks the
 * `…_dav` variants; a Takeout has none and keeps the plain keys (i18next falls back to them).
 */
export function sourceContext(report: Pick<MigrationReport, 'source'>): { context: string } {
  return { context: report.source.kind };
}

/**
 * The headline's key (said with `sourceContext`): "everything" is said only when the verdict allows it; "everything that can
 * move" when items that cannot move by nature are named below.
 */
export function headlineKey(report: Pick<MigrationReport, 'verdict' | MigrationKind>): string {
  if (report.verdict === 'all-that-can') return 'migration:report.complete';
  if (report.verdict === 'incomplete') return 'migration:report.verdict.incomplete';
  const leftByChoice = kinds.some((kind) => report[kind].left.length > 0);
  return leftByChoice
    ? 'migration:report.verdict.everythingChosen'
    : 'migration:report.verdict.everything';
}

/**
 * "16 fichiers (26 Mo) sont restés chez Google : ce compte n'a pas de place pour les fichiers.",
 * or "… chez votre ancien hébergeur …" for a move from another host.
 */
export function leftSentence(
  t: Translator,
  report: Pick<MigrationReport, 'source'>,
  kind: MigrationKind,
  left: LeftOver,
  formatSize: (bytes: number) => string,
  language: string,
): string {
  const formatted = new Intl.NumberFormat(language).format(left.count);
  const counted = t(`migration:left.what.${kind}`, { count: left.count, formatted });
  const what =
    left.bytes === null || left.bytes === 0
      ? counted
      : t('migration:left.withSize', { what: counted, size: formatSize(left.bytes) });
  return t(`migration:left.${kind}.${left.reason}`, {
    count: left.count,
    what,
    ...sourceContext(report),
  });
}
