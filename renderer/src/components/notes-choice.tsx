// "What we found", the notes: how many, how many archived, what stays behind (the notes the
// family had thrown away); the choice to move them; where they will go, and the folder's name,
// changeable.
import { useTranslation } from 'react-i18next';
import type { NotesSummary, SourceSpec } from '../../../src/contract/index.ts';
import { formatCount } from '../format.ts';
import { chosenFolder } from '../selection.ts';
import type { Selection } from '../selection.ts';
import { FolderNameField } from './folder-name-field.tsx';

export function NotesChoice(props: {
  notes: NotesSummary;
  sourceKind: SourceSpec['kind'];
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
}) {
  const { notes, selection, onSelectionChange } = props;
  const { t, i18n } = useTranslation();
  const n = (value: number): string => formatCount(value, i18n.language);
  // Only a Google Takeout holds Keep's notes: elsewhere, a card saying "none" would only puzzle.
  if (notes.count === 0 && notes.folder === null && props.sourceKind !== 'takeout') return null;
  const folder = chosenFolder(selection.notesFolder) ?? t('notes:folder.default');
  const trashed =
    notes.trashed === 0 ? null : (
      <p className="hint" data-testid="notes-trashed">
        {t('found.notes.trashed', { count: notes.trashed, formatted: n(notes.trashed) })}
      </p>
    );
  return (
    <section aria-labelledby="notes-title" className="card" data-testid="notes">
      <h2 id="notes-title">{t('found.notes.title')}</h2>
      {notes.count === 0 ? (
        <>
          <p data-testid="notes-none">{t('found.notes.none')}</p>
          {trashed}
        </>
      ) : (
        <>
          <label>
            <input
              type="checkbox"
              checked={selection.notes}
              onChange={(event) => {
                onSelectionChange({ ...selection, notes: event.target.checked });
              }}
            />
            <span>
              <span data-testid="notes-count">
                {t('found.notes.count', { count: notes.count, formatted: n(notes.count) })}
              </span>
              {notes.archived === 0 ? null : (
                <span data-testid="notes-archived">
                  {t('found.notes.archived', {
                    count: notes.archived,
                    formatted: n(notes.archived),
                  })}
                </span>
              )}
            </span>
          </label>
          {trashed}
          {notes.attachments === 0 ? null : (
            <p className="hint" data-testid="notes-attachments">
              {t('found.notes.attachments', {
                count: notes.attachments,
                formatted: n(notes.attachments),
              })}
            </p>
          )}
          {notes.labels.length === 0 ? null : (
            <p className="hint" data-testid="notes-labels">
              {t('found.notes.labels', { labels: notes.labels.join(', ') })}
            </p>
          )}
          <p data-testid="notes-where">{t('found.notes.where', { folder })}</p>
          <FolderNameField
            label={t('found.notes.folderLabel')}
            defaultName={t('notes:folder.default')}
            name="notes-folder"
            value={selection.notesFolder ?? ''}
            onChange={(notesFolder) => {
              onSelectionChange({ ...selection, notesFolder });
            }}
            testId="notes-folder"
          />
        </>
      )}
    </section>
  );
}
