// Step 2, "Your data": where the family's data is now — in the archive Google sent them, at
// Google itself read live after signing in (when a Google sign-in client is known here), or at
// another host whose account Baluchon reads (a host that closes, a family that changes host).
// Either way the same scan job reads it and the journey goes on to "What we found".
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoogleAvailability, ScanReport, SourceSpec } from '../../../src/contract/index.ts';
import { useApi } from '../api/api-context.tsx';
import { ArchiveSource } from '../components/archive-source.tsx';
import { GoogleClientPanel } from '../components/google-client-panel.tsx';
import { GoogleSource } from '../components/google-source.tsx';
import { HostSource } from '../components/host-source.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';

/** Where the data is: the Google archive, Google itself (signed in), or another host's account. */
export type Origin = 'archive' | 'google' | 'host';

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
  const api = useApi();
  const [google, setGoogle] = useState<GoogleAvailability>({ available: false, from: null });
  useEffect(() => {
    void api.googleAvailability({}).then((answer) => {
      if (answer.ok) setGoogle(answer.value);
    });
  }, [api]);
  // Without a Google sign-in client, the live way is not offered (the archive is explained).
  const choices: { origin: Origin; label: string; hint: string }[] = [
    { origin: 'archive', label: t('source.origin.archive'), hint: t('source.origin.archiveHint') },
    ...(google.available
      ? [
          {
            origin: 'google' as const,
            label: t('source.origin.google'),
            hint: t('source.origin.googleHint'),
          },
        ]
      : []),
    { origin: 'host', label: t('source.origin.host'), hint: t('source.origin.hostHint') },
  ];
  const origin = props.origin === 'google' && !google.available ? 'archive' : props.origin;
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
              checked={origin === choice.origin}
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
      {google.available || origin !== 'archive' ? null : (
        <p className="hint">{t('source.origin.googleNotOffered')}</p>
      )}
      {origin === 'archive' ? (
        <ArchiveSource
          files={props.files}
          onFilesChange={props.onFilesChange}
          onScanned={props.onScanned}
          onBack={props.onBack}
          onBusyChange={setBusy}
        />
      ) : origin === 'google' ? (
        <GoogleSource onScanned={props.onScanned} onBack={props.onBack} onBusyChange={setBusy} />
      ) : (
        <HostSource onScanned={props.onScanned} onBack={props.onBack} onBusyChange={setBusy} />
      )}
      <GoogleClientPanel onChange={setGoogle} />
    </WizardLayout>
  );
}
