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

/**
 * What the photos and the notes became, in a few sentences ("12 402 photos et vidéos dans 38
 * albums : dates retrouvées pour 12 380 ; 22 sans date (nommées plus bas)."), for the saved
 * report and the CLI; the Done screen says the same with the same words.
 */
export function keptSentences(
  t: Translator,
  report: Pick<MigrationReport, 'photoFacts' | 'noteFacts'>,
  number: (value: number) => string,
): string[] {
  const sentences: string[] = [];
  const counted = (key: string, count: number, more: Record<string, string> = {}): string =>
    t(key, { count, formatted: number(count), ...more });
  const photos = report.photoFacts;
  if (photos !== null && photos.dated + photos.undated > 0) {
    const parts = {
      photos: counted('migration:report.photoFacts.photos', photos.dated + photos.undated),
      albums:
        photos.albums === 0 ? '' : counted('migration:report.photoFacts.inAlbums', photos.albums),
      dated: counted('migration:report.photoFacts.dated', photos.dated),
      undated: counted('migration:report.photoFacts.undated', photos.undated),
    };
    sentences.push(
      t(
        photos.undated === 0
          ? 'migration:report.photoFacts.sentence'
          : 'migration:report.photoFacts.sentenceUndated',
        parts,
      ),
      t('migration:report.photoFacts.where', { folder: photos.folder }),
    );
    if (photos.albumsAs === 'photos-app')
      sentences.push(t('migration:report.photoFacts.albumsApp'));
    if (photos.albumsAs === 'lists') {
      sentences.push(
        t('migration:report.photoFacts.albumsLists', {
          folder: photos.folder,
          albums: t('photos:folder.albums'),
        }),
      );
    }
  }
  const notes = report.noteFacts;
  if (notes !== null) {
    sentences.push(t('migration:report.noteFacts.where', { folder: notes.folder }));
    if (notes.archived > 0) {
      sentences.push(
        counted('migration:report.noteFacts.archived', notes.archived, { folder: notes.folder }),
      );
    }
    if (notes.trashed > 0)
      sentences.push(counted('migration:report.noteFacts.trashed', notes.trashed));
  }
  return sentences;
}
