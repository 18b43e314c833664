// Done, under the table: what the photos became — how many, in how many albums, how many found
// their date again and how many have none (named in the problems below), where they are, and
// where the albums are (Nextcloud's Photos app, or a folder per album listing its photos).
import { useTranslation } from 'react-i18next';
import type { KindReport, PhotoFacts } from '../../../src/contract/index.ts';
import { formatCount } from '../format.ts';

/** The photos on the account: what the read-back found there, sent now or before. */
function photosThere(counts: KindReport): number {
  return counts.created + counts.updated + counts.unchanged;
}

export function PhotoFactsSection(props: { facts: PhotoFacts; counts: KindReport }) {
  const { facts } = props;
  const { t, i18n } = useTranslation();
  const n = (value: number): string => formatCount(value, i18n.language);
  const there = photosThere(props.counts);
  const summary = [
    t('done.photos.count', { count: there, formatted: n(there) }),
    facts.albums === 0
      ? ''
      : t('done.photos.inAlbums', { count: facts.albums, formatted: n(facts.albums) }),
    facts.dated === 0
      ? ''
      : t('done.photos.dated', { count: facts.dated, formatted: n(facts.dated) }),
    facts.undated === 0
      ? ''
      : t('done.photos.undated', { count: facts.undated, formatted: n(facts.undated) }),
  ].join('');
  return (
    <section className="card" aria-labelledby="photo-facts-title" data-testid="photo-facts">
      <h2 id="photo-facts-title">{t('done.photos.title')}</h2>
      <p data-testid="photo-facts-summary">{t('done.photos.sentence', { summary })}</p>
      <p data-testid="photo-facts-where">{t('done.photos.where', { folder: facts.folder })}</p>
      {facts.albumsAs === null ? null : (
        <p data-testid="photo-facts-albums">
          {t(`done.photos.albums.${facts.albumsAs}`, {
            folder: facts.folder,
            albums: t('photos:folder.albums'),
          })}
        </p>
      )}
    </section>
  );
}
