// Done, under the table: what the notes became — where they are (the folder Nextcloud's Notes
// app reads), the archived ones in their own folder, and the ones the family had thrown away in
// Keep, not moved.
import { useTranslation } from 'react-i18next';
import type { KindReport, NoteFacts } from '../../../src/contract/index.ts';
import { formatCount } from '../format.ts';

export function NoteFactsSection(props: { facts: NoteFacts; counts: KindReport }) {
  const { facts, counts } = props;
  const { t, i18n } = useTranslation();
  const n = (value: number): string => formatCount(value, i18n.language);
  const there = counts.created + counts.updated + counts.unchanged;
  return (
    <section className="card" aria-labelledby="note-facts-title" data-testid="note-facts">
      <h2 id="note-facts-title">{t('done.notes.title')}</h2>
      <p data-testid="note-facts-where">
        {t('done.notes.where', { count: there, formatted: n(there), folder: facts.folder })}
      </p>
      {facts.archived === 0 ? null : (
        <p data-testid="note-facts-archived">
          {t('done.notes.archived', {
            count: facts.archived,
            formatted: n(facts.archived),
            folder: facts.folder,
          })}
        </p>
      )}
      {facts.attachments === 0 ? null : (
        <p data-testid="note-facts-attachments">
          {t('done.notes.attachments', {
            count: facts.attachments,
            formatted: n(facts.attachments),
          })}
        </p>
      )}
      {facts.trashed === 0 ? null : (
        <p data-testid="note-facts-trashed">
          {t('done.notes.trashed', { count: facts.trashed, formatted: n(facts.trashed) })}
        </p>
      )}
    </section>
  );
}
