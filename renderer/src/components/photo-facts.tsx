// Done, under the table: what the photos became — how many, in how many albums, how many found
// their date again and how many have none (named in the problems below), where they are, and
// where the albums are (Nextcloud's Photos app, or a folder per album listing its photos). The
// same sentences as the saved report's.
import { useTranslation } from 'react-i18next';
import type { PhotoFacts } from '../../../src/contract/index.ts';
import { formatCount } from '../format.ts';
import { photoSentences } from '../kept-sentences.ts';

export function PhotoFactsSection(props: { facts: PhotoFacts }) {
  const { t, i18n } = useTranslation();
  const sentences = photoSentences(t, props.facts, (value) => formatCount(value, i18n.language));
  if (sentences.length === 0) return null;
  return (
    <section className="card" aria-labelledby="photo-facts-title" data-testid="photo-facts">
      <h2 id="photo-facts-title">{t('done.photosTitle')}</h2>
      {sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    </section>
  );
}
