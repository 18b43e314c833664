// Step 5: connect to the family's new account — by logging in on the host's own page in the
// browser (Nextcloud), or with an address, a login and an app password — then check that what
// was chosen can go there and fits.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, ErrorData, MigrationKind, ScanReport } from '../../../src/contract/index.ts';
import { useApi, useJob, useJobEnd } from '../api/api-context.tsx';
import { AccountForm } from '../components/account-form.tsx';
import { ConnectProgressLine, useConnectJob } from '../components/connect-job.tsx';
import { errorText } from '../components/error-text.ts';
import { FilesAccountForm, FilesAccountSummary } from '../components/files-account-form.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';
import { filesSpaceBytes, filesSpaceKinds } from '../files-space.ts';
import type { FilesSpaceKind } from '../files-space.ts';
import { formatBytes } from '../format.ts';
import { ChosenHostSummary } from '../hosts/chosen-host-summary.tsx';
import type { HostChoice } from '../hosts/host-choice.ts';
import type { Selection } from '../selection.ts';

export function ConnectScreen(props: {
  /** From "Your new home"; null: the family already has an account somewhere. */
  choice: HostChoice | null;
  report: ScanReport;
  selection: Selection;
  onBack: () => void;
  /**
   * With the family's choice as it is: what has no place on the account is reported in Done as
   * left at Google, with why. `filesAccount`: a second account that takes the files.
   */
  onConnected: (account: Account, selection: Selection, filesAccount?: Account) => void;
}) {
  const { choice, report, selection } = props;
  const browserLogin = choice !== null && choice.loginFlowV2 && choice.login !== 'app-password';
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [server, setServer] = useState(choice?.serverAddress ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const [error, setError] = useState<ErrorData>();
  const [account, setAccount] = useState<Account>();
  const [loginJob, setLoginJob] = useState<string>();
  const [filesAccount, setFilesAccount] = useState<Account>();
  const [addingFiles, setAddingFiles] = useState(false);
  // Photos and notes go to the files space too: any of the three asks for a files account.
  const filesChosen = filesSpaceKinds(report, selection).length > 0;
  const login = useJob<'loginFlow'>(loginJob);
  const connecting = useConnectJob({ onAccount: setAccount, onError: setError });
  const checking = connecting.jobId !== undefined;

  const check = async (input: {
    server: string;
    username: string;
    password?: string;
  }): Promise<void> => {
    setError(undefined);
    setAccount(undefined);
    // A job, so that a slow server shows where the search is and the family can cancel it.
    await connecting.start(input);
  };

  const startLogin = async (): Promise<void> => {
    setError(undefined);
    setAccount(undefined);
    const started = await api.startLoginFlow({ server });
    if (started.ok) setLoginJob(started.value.jobId);
    else setError(started.error);
  };

  // The browser login ended: connect with the app password it left in Baluchon's vault.
  useJobEnd<'loginFlow'>(loginJob, (end) => {
    setLoginJob(undefined);
    if (end.outcome === 'done') {
      const { server: loggedServer, loginName } = end.result.account;
      setUsername(loginName);
      void check({ server: loggedServer, username: loginName });
    } else if (end.outcome === 'failed') setError(end.error);
  });

  const fits = spaceCheck(filesAccount ?? account, report, selection);
  const missing =
    account === undefined
      ? []
      : missingPlaces(account, report, selection).filter(
          (kind) => !isFilesSpaceKind(kind) || filesAccount === undefined,
        );
  const waitingForBrowser = login?.progress?.phase === 'waiting-for-browser';

  return (
    <WizardLayout step="connect" title={t('connect.title')}>
      <ChosenHostSummary choice={choice} />
      <p>{t('connect.intro')}</p>

      {browserLogin ? (
        <section className="card" aria-labelledby="browser-title">
          <h2 id="browser-title">{t('connect.browser.title')}</h2>
          <p>{t('connect.browser.intro')}</p>
          {loginJob === undefined ? (
            <button
              type="button"
              className="primary"
              onClick={() => void startLogin()}
              disabled={server === ''}
            >
              {t('connect.browser.start')}
            </button>
          ) : (
            <div role="status" aria-live="polite">
              <p>
                {waitingForBrowser ? t('connect.browser.waiting') : t('connect.browser.contacting')}
              </p>
              {login?.progress?.loginUrl === undefined ||
              login.progress.loginUrl === null ? null : (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    const url = login.progress?.loginUrl;
                    if (url !== undefined && url !== null) void api.openExternal(url);
                  }}
                >
                  {t('connect.browser.reopen')}
                </button>
              )}
              <button
                type="button"
                onClick={() => {
                  void api.cancelJob({ jobId: loginJob });
                }}
              >
                {t('actions.cancel')}
              </button>
            </div>
          )}
        </section>
      ) : null}

      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">
          {browserLogin ? t('connect.password.titleOther') : t('connect.password.title')}
        </h2>
        <AccountForm
          value={{ server, username, password }}
          onChange={(fields) => {
            setServer(fields.server);
            setUsername(fields.username);
            setPassword(fields.password);
          }}
          checking={checking}
          onSubmit={(fields) => void check(fields)}
        />
      </section>

      {connecting.jobId === undefined ? null : <ConnectProgressLine jobId={connecting.jobId} />}

      {error === undefined ? null : (
        <p className="alert" role="alert" data-testid="connect-error">
          {errorText(t, error)}
        </p>
      )}

      {account === undefined ? null : (
        <section className="card ok" aria-labelledby="result-title" data-testid="connect-result">
          <h2 id="result-title">
            {t('connect.result.title', { server: account.server, username: account.username })}
          </h2>
          <ul className="checks">
            <li>
              {account.calendarHome === null
                ? t('connect.result.noCalendars')
                : t('connect.result.calendars')}
            </li>
            <li>
              {account.addressbookHome === null
                ? t('connect.result.noContacts')
                : t('connect.result.contacts')}
            </li>
            <li>
              {account.filesRoot === null ? t('connect.result.noFiles') : t('connect.result.files')}
            </li>
            <li>
              {account.quota?.availableBytes === undefined || account.quota.availableBytes === null
                ? t('connect.result.freeUnknown')
                : t('connect.result.free', {
                    free: formatBytes(t, account.quota.availableBytes, i18n.language),
                  })}
            </li>
          </ul>
          {missing.map((kind) => (
            <p key={kind} className="alert" role="alert">
              {t(`connect.result.cannot.${kind}`)}
            </p>
          ))}
          {fits === null || fits.fits ? null : (
            <p className="alert" role="alert" data-testid="not-enough-space">
              {t('connect.result.tooBig', {
                needed: formatBytes(t, fits.needed, i18n.language),
                free: formatBytes(t, fits.free, i18n.language),
                // With photos, most of the size is theirs: the words name them, and what to untick.
                context: filesSpaceKinds(report, selection).includes('photos')
                  ? 'photos'
                  : undefined,
              })}
            </p>
          )}
          {!filesChosen || addingFiles || filesAccount !== undefined ? null : (
            <button
              type="button"
              className={account.filesRoot === null ? 'primary' : undefined}
              onClick={() => {
                setAddingFiles(true);
              }}
            >
              {t('filesAccount.add')}
            </button>
          )}
        </section>
      )}

      {account === undefined || !filesChosen ? null : filesAccount !== undefined ? (
        <FilesAccountSummary
          account={filesAccount}
          onChange={() => {
            setFilesAccount(undefined);
            setAddingFiles(true);
          }}
        />
      ) : addingFiles ? (
        <FilesAccountForm
          needed={filesSpaceBytes(report, selection)}
          onConnected={(files) => {
            setFilesAccount(files);
            setAddingFiles(false);
          }}
        />
      ) : null}

      <div className="actions">
        <button type="button" onClick={props.onBack}>
          {t('actions.back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={
            account === undefined ||
            (fits !== null && !fits.fits) ||
            missing.length === allChosen(report, selection).length
          }
          onClick={() => {
            if (account !== undefined) props.onConnected(account, selection, filesAccount);
          }}
        >
          {t('connect.start')}
        </button>
      </div>
    </WizardLayout>
  );
}

function allChosen(report: ScanReport, selection: Selection): MigrationKind[] {
  const kinds: MigrationKind[] = [];
  if (selection.calendars.length > 0) kinds.push('calendars');
  if (selection.tasks && report.tasks.count > 0) kinds.push('tasks');
  if (
    (selection.contacts && report.contacts.count > 0) ||
    (selection.otherContacts && report.contacts.otherContacts > 0)
  )
    kinds.push('contacts');
  kinds.push(...filesSpaceKinds(report, selection));
  return kinds;
}

function isFilesSpaceKind(kind: MigrationKind): kind is FilesSpaceKind {
  return kind === 'files' || kind === 'photos' || kind === 'notes';
}

/** What was chosen but has no place on this account. */
function missingPlaces(
  account: Account,
  report: ScanReport,
  selection: Selection,
): MigrationKind[] {
  return allChosen(report, selection).filter((kind) =>
    kind === 'contacts'
      ? account.addressbookHome === null
      : isFilesSpaceKind(kind)
        ? account.filesRoot === null
        : account.calendarHome === null,
  );
}

/**
 * Whether the files, photos and notes fit in the free space, when the server tells it (null: it
 * does not say, or none of them is chosen).
 */
function spaceCheck(
  account: Account | undefined,
  report: ScanReport,
  selection: Selection,
): { fits: boolean; needed: number; free: number } | null {
  const free = account?.quota?.availableBytes;
  if (free === undefined || free === null || filesSpaceKinds(report, selection).length === 0)
    return null;
  const needed = filesSpaceBytes(report, selection);
  return { fits: needed <= free, needed, free };
}
