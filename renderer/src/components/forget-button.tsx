// "Forget everything": for the volunteer who helps one family after another on one laptop. Asks
// once, says plainly what goes and what stays, then removes every trace on this computer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.tsx';
import { errorText } from './error-text.ts';

export function ForgetButton(props: { onForgotten: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();

  if (!asking) {
    return (
      <button
        type="button"
        onClick={() => {
          setAsking(true);
        }}
      >
        {t('forget.button')}
      </button>
    );
  }
  return (
    <div
      className="card confirm"
      role="alertdialog"
      aria-labelledby="forget-title"
      aria-describedby="forget-text"
    >
      <h2 id="forget-title">{t('forget.title')}</h2>
      <p id="forget-text">{t('forget.explain')}</p>
      {error === undefined ? null : (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="actions inline">
        <button
          type="button"
          autoFocus
          onClick={() => {
            setAsking(false);
          }}
        >
          {t('forget.keep')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            void api.forgetEverything({}).then((result) => {
              if (result.ok) props.onForgotten();
              else setError(errorText(t, result.error));
            });
          }}
        >
          {t('forget.confirm')}
        </button>
      </div>
    </div>
  );
}
