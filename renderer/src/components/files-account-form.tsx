// "An account for your files": a second account (a WebDAV or Nextcloud space) that takes the
// Drive files when the first one has no place for them, or when the family wants them elsewhere.
// Used on Connect and from Done after a calendar-only move.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, ErrorData } from '../../../src/contract/index.ts';
import { formatBytes } from '../format.ts';
import { AccountForm } from './account-form.tsx';
import { ConnectProgressLine, useConnectJob } from './connect-job.tsx';
import type { AccountFields } from './account-form.tsx';
import { errorText } from './error-text.ts';

export function FilesAccountForm(props: {
  /** The bytes of the files to move, to check they fit. */
  needed: number;
  /** Called with an account that has a place for files and room for them. */
  onConnected: (account: Account) => void;
}) {
  const { t, i18n } = useTranslation();
  const [fields, setFields] = useState<AccountFields>({ server: '', username: '', password: '' });
  const [error, setError] = useState<ErrorData>();
  const [account, setAccount] = useState<Account>();
  // A job, as on the connect screen: a slow server shows the search and can be cancelled.
  const connecting = useConnectJob({
    onAccount: (found) => {
      setAccount(found);
      const room = found.quota?.availableBytes;
      const fits = room === undefined || room === null || props.needed <= room;
      if (found.filesRoot !== null && fits) props.onConnected(found);
    },
    onError: setError,
  });
  const checking = connecting.jobId !== undefined;

  const submit = async (typed: AccountFields): Promise<void> => {
    setError(undefined);
    setAccount(undefined);
    await connecting.start(typed);
  };

  const free = account?.quota?.availableBytes;
  return (
    <section className="card" aria-labelledby="files-account-title" data-testid="files-account">
      <h2 id="files-account-title">{t('filesAccount.title')}</h2>
      <p>{t('filesAccount.intro')}</p>
      <AccountForm
        value={fields}
        onChange={setFields}
        checking={checking}
        onSubmit={(typed) => void submit(typed)}
        namePrefix="files"
        words={{
          server: t('filesAccount.server'),
          serverHint: t('filesAccount.serverHint'),
          username: t('filesAccount.username'),
          password: t('filesAccount.password'),
          passwordHint: null,
          submit: t('filesAccount.check'),
        }}
      />
      {connecting.jobId === undefined ? null : (
        <ConnectProgressLine jobId={connecting.jobId} testId="files-account-progress" />
      )}
      {error === undefined ? null : (
        <p className="alert" role="alert" data-testid="files-account-error">
          {errorText(t, error)}
        </p>
      )}
      {account === undefined ? null : account.filesRoot === null ? (
        <p className="alert" role="alert" data-testid="files-account-error">
          {t('filesAccount.noFiles', { server: account.server })}
        </p>
      ) : free !== undefined && free !== null && props.needed > free ? (
        <p className="alert" role="alert" data-testid="files-account-error">
          {t('connect.result.tooBig', {
            needed: formatBytes(t, props.needed, i18n.language),
            free: formatBytes(t, free, i18n.language),
          })}
        </p>
      ) : null}
    </section>
  );
}

/** The files account once connected: where the files will go. */
export function FilesAccountSummary(props: { account: Account; onChange: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card ok" aria-labelledby="files-account-title" data-testid="files-account">
      <h2 id="files-account-title">{t('filesAccount.title')}</h2>
      <p data-testid="files-account-result">
        {t('filesAccount.connected', {
          server: props.account.server,
          username: props.account.username,
        })}
      </p>
      <button type="button" className="link" onClick={props.onChange}>
        {t('filesAccount.change')}
      </button>
    </section>
  );
}
