// What the photos and the notes became, in the sentences the saved report and the CLI say
// (src/migration/report-words.ts `keptSentences`, which the renderer may not import: only the
// contract's types cross into it). The same keys, the same order; tests/renderer/kept-sentences
// .spec.ts checks that both say exactly the same.
import type { TFunction } from 'i18next';
import type { NoteFacts, PhotoFacts } from '../../src/contract/index.ts';

/** "35 photos et vidéos dans 3 albums : dates retrouvées pour 34 ; 1 sans date…", where, albums. */
export function photoSentences(
  t: TFunction,
  facts: PhotoFacts,
  number: (value: number) => string,
): string[] {
  const total = facts.dated + facts.undated;
  if (total === 0) return [];
  const counted = (key: string, count: number): string =>
    t(key, { count, formatted: number(count) });
  const parts = {
    photos: counted('migration:report.photoFacts.photos', total),
    albums: facts.albums === 0 ? '' : counted('migration:report.photoFacts.inAlbums', facts.albums),
    dated: counted('migration:report.photoFacts.dated', facts.dated),
    undated: counted('migration:report.photoFacts.undated', facts.undated),
  };
  const sentences = [
    t(
      facts.undated === 0
        ? 'migration:report.photoFacts.sentence'
        : 'migration:report.photoFacts.sentenceUndated',
      parts,
    ),
    t('migration:report.photoFacts.where', { folder: facts.folder }),
  ];
  if (facts.albumsAs === 'photos-app') sentences.push(t('migration:report.photoFacts.albumsApp'));
  if (facts.albumsAs === 'lists') {
    sentences.push(
      t('migration:report.photoFacts.albumsLists', {
        folder: facts.folder,
        albums: t('photos:folder.albums'),
      }),
    );
  }
  return sentences;
}

/** Where the notes are, the archived ones, the ones of Keep's bin left behind. */
export function noteSentences(
  t: TFunction,
  facts: NoteFacts,
  number: (value: number) => string,
): string[] {
  const sentences = [t('migration:report.noteFacts.where', { folder: facts.folder })];
  if (facts.archived > 0) {
    sentences.push(
      t('migration:report.noteFacts.archived', {
        count: facts.archived,
        formatted: number(facts.archived),
        folder: facts.folder,
      }),
    );
  }
  if (facts.trashed > 0) {
    sentences.push(
      t('migration:report.noteFacts.trashed', {
        count: facts.trashed,
        formatted: number(facts.trashed),
      }),
    );
  }
  return sentences;
}
