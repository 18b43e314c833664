// From Done, after a move whose files stayed at the source (Google, the previous host) for lack
// of a place: connect an account for the files, then the same move goes on with it (one report
// naming both accounts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, MigrationReport } from '../../../src/contract/index.ts';
import { FilesAccountForm, FilesAccountSummary } from '../components/files-account-form.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';

export function FilesAccountScreen(props: {
  /** The bytes of the files that stayed at the source. */
  needed: number;
  /** Where they stayed: at Google, or at the previous host. */
  sourceKind: MigrationReport['source']['kind'];
  onBack: () => void;
  onStart: (filesAccount: Account) => void;
}) {
  const { t } = useTranslation();
  const [account, setAccount] = useState<Account>();
  return (
    <WizardLayout
      step="connect"
      title={t('filesAccount.screenTitle', { context: props.sourceKind })}
    >
      <p>{t('filesAccount.screenIntro')}</p>
      {account === undefined ? (
        <FilesAccountForm needed={props.needed} onConnected={setAccount} />
      ) : (
        <FilesAccountSummary
          account={account}
          onChange={() => {
            setAccount(undefined);
          }}
        />
      )}
      <div className="actions">
        <button type="button" onClick={props.onBack}>
          {t('actions.back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={account === undefined}
          onClick={() => {
            if (account !== undefined) props.onStart(account);
          }}
        >
          {t('filesAccount.start')}
        </button>
      </div>
    </WizardLayout>
  );
}
