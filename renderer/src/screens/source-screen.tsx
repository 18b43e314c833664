// Step 2, "Your data": where the family's data is now — in the archive Google sent them, or at
// another host whose account Baluchon reads (a host that closes, a family that changes host).
// Either way the same scan job reads it and the journey goes on to "What we found".
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanReport, SourceSpec } from '../../../src/contract/index.ts';
import { ArchiveSource } from '../components/archive-source.tsx';
import { HostSource } from '../components/host-source.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';

/** Where the data is: the Google archive (as before) or another host's account. */
export type Origin = 'archive' | 'host';

export function SourceScreen(props: {
  origin: Origin;
  onOriginChange: (origin: Origin) => void;
  files: File[];
  onFilesChange: (files: File[]) => void;
  onScanned: (report: ScanReport, source: SourceSpec) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  /** A reading under way: changing where the data is would leave it running unseen. */
  const [busy, setBusy] = useState(false);
  const choices: { origin: Origin; label: string; hint: string }[] = [
    { origin: 'archive', label: t('source.origin.archive'), hint: t('source.origin.archiveHint') },
    { origin: 'host', label: t('source.origin.host'), hint: t('source.origin.hostHint') },
  ];
  return (
    <WizardLayout step="source" title={t('source.title')}>
      <fieldset className="origin" data-testid="origin">
        <legend>{t('source.origin.legend')}</legend>
        {choices.map((choice) => (
          <div className="origin-choice" key={choice.origin}>
            <input
              type="radio"
              id={`${id}-${choice.origin}`}
              name={`${id}-origin`}
              value={choice.origin}
              checked={props.origin === choice.origin}
              disabled={busy}
              aria-describedby={`${id}-${choice.origin}-hint`}
              onChange={() => {
                props.onOriginChange(choice.origin);
              }}
            />
            <label htmlFor={`${id}-${choice.origin}`} className="choice-name">
              {choice.label}
            </label>
            <span id={`${id}-${choice.origin}-hint`} className="hint">
              {choice.hint}
            </span>
          </div>
        ))}
      </fieldset>
      {props.origin === 'archive' ? (
        <ArchiveSource
          files={props.files}
          onFilesChange={props.onFilesChange}
          onScanned={props.onScanned}
          onBack={props.onBack}
          onBusyChange={setBusy}
        />
      ) : (
        <HostSource onScanned={props.onScanned} onBack={props.onBack} onBusyChange={setBusy} />
      )}
    </WizardLayout>
  );
}
