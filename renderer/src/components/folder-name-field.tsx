// "Changer le nom du dossier": the folder that receives the photos or the notes, behind a
// disclosure (most families keep the default), as a plain text field. Empty means the default.
import { useTranslation } from 'react-i18next';
import { TextField } from './text-field.tsx';

/** What the migration command accepts (src/contract/migrate.ts, photosFolder / notesFolder). */
const longest = 120;

export function FolderNameField(props: {
  /** The field's label: which folder it names. */
  label: string;
  /** The default name, said in the hint ("Laissé vide : « Photos »"). */
  defaultName: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <details className="folder-name" data-testid={props.testId}>
      <summary>{t('found.folderName.change')}</summary>
      <TextField
        label={props.label}
        hint={t('found.folderName.hint', { name: props.defaultName })}
        name={props.name}
        autoComplete="off"
        value={props.value}
        maxLength={longest}
        onChange={props.onChange}
      />
    </details>
  );
}
