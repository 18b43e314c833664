// "Advanced", for the volunteer: the Google sign-in client this computer uses. A host that
// registered its own client puts it in its provisioning file; a volunteer can type one here.
// Without one, signing in with Google is not offered and the archive way is explained instead.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData, GoogleAvailability } from '../../../src/contract/index.ts';
import { useApi } from '../api/api-context.tsx';
import { errorText } from './error-text.ts';
import { TextField } from './text-field.tsx';

export function GoogleClientPanel(props: { onChange: (availability: GoogleAvailability) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [error, setError] = useState<ErrorData>();
  const [saved, setSaved] = useState(false);
  return (
    <details className="advanced" data-testid="google-client-panel">
      <summary>{t('source.googleClient.summary')}</summary>
      <p id={`${id}-intro`}>{t('source.googleClient.intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          void api
            .setGoogleClient({
              clientId: clientId.trim(),
              ...(clientSecret.trim() === '' ? {} : { clientSecret: clientSecret.trim() }),
            })
            .then((answer) => {
              if (answer.ok) {
                setError(undefined);
                setSaved(true);
                props.onChange(answer.value);
              } else setError(answer.error);
            });
        }}
      >
        <TextField
          label={t('source.googleClient.clientId')}
          name="google-client-id"
          value={clientId}
          onChange={setClientId}
          autoComplete="off"
        />
        <TextField
          label={t('source.googleClient.clientSecret')}
          hint={t('source.googleClient.clientSecretHint')}
          name="google-client-secret"
          value={clientSecret}
          onChange={setClientSecret}
          autoComplete="off"
        />
        <button type="submit" disabled={clientId.trim() === ''}>
          {t('source.googleClient.save')}
        </button>
      </form>
      {saved ? <p role="status">{t('source.googleClient.saved')}</p> : null}
      {error === undefined ? null : (
        <p className="alert" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </details>
  );
}
