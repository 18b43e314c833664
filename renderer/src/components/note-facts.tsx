// Done, under the table: what the notes became — where they are (the folder Nextcloud's Notes
// app reads), the archived ones in their own folder, the ones the family had thrown away in Keep,
// not moved. The same sentences as the saved report's.
import { useTranslation } from 'react-i18next';
import type { NoteFacts } from '../../../src/contract/index.ts';
import { formatCount } from '../format.ts';
import { noteSentences } from '../kept-sentences.ts';

export function NoteFactsSection(props: { facts: NoteFacts }) {
  const { t, i18n } = useTranslation();
  const sentences = noteSentences(t, props.facts, (value) => formatCount(value, i18n.language));
  return (
    <section className="card" aria-labelledby="note-facts-title" data-testid="note-facts">
      <h2 id="note-facts-title">{t('done.notesTitle')}</h2>
      {sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    </section>
  );
}
