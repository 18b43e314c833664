// Choose archive parts by dropping them or with the system's file chooser. The visible button
// is the keyboard path; the drop area is a convenience around it.
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

export function FileDrop(props: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const drop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setOver(false);
    if (props.disabled === true) return;
    props.onFiles([...event.dataTransfer.files]);
  };

  return (
    <div
      className={over ? 'drop over' : 'drop'}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => {
        setOver(false);
      }}
      onDrop={drop}
    >
      <p className="drop-text">{t('source.dropHere')}</p>
      <button
        type="button"
        disabled={props.disabled}
        onClick={() => {
          input.current?.click();
        }}
      >
        {t('source.choose')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".zip,.tgz,.gz,application/zip,application/gzip"
        onChange={(event) => {
          props.onFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
    </div>
  );
}
