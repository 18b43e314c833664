// "Forget everything": for the volunteer who helps one family after another on one laptop. Asks
// once, says plainly what goes and what stays, then removes every trace on this computer — a
// move still running is stopped first (the service waits for its end before erasing).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.tsx';
import { ConfirmAction, confirmText } from './confirm-action.tsx';
import { errorText } from './error-text.ts';

export function ForgetButton(props: {
  onForgotten: () => void;
  /** A move is running: the question says it stops first. */
  running?: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<string>();
  const text = confirmText(t, 'forget');

  return (
    <ConfirmAction
      id="forget"
      text={props.running === true ? { ...text, explain: t('forget.explainRunning') } : text}
      error={error}
      onConfirm={() => {
        void api.forgetEverything({}).then((result) => {
          if (result.ok) props.onForgotten();
          else setError(errorText(t, result.error));
        });
      }}
    />
  );
}
