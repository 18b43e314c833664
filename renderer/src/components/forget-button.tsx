// "Forget everything": for the volunteer who helps one family after another on one laptop. Asks
// once, says plainly what goes and what stays, then removes every trace on this computer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.tsx';
import { ConfirmAction, confirmText } from './confirm-action.tsx';
import { errorText } from './error-text.ts';

export function ForgetButton(props: { onForgotten: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<string>();

  return (
    <ConfirmAction
      id="forget"
      text={confirmText(t, 'forget')}
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
