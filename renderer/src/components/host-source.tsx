// "Your data", when it is at another host (a host that closes, or one the family leaves): the
// family connects to that account with the same form as their new account, then Baluchon reads
// it through the same scan job as an archive, and goes on to "What we found". Only read: the
// account is named to the service by its id, and nothing is ever written there.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData, ScanReport, SourceSpec } from '../../../src/contract/index.ts';
import { useApi, useJob } from '../api/api-context.tsx';
import { AccountForm } from './account-form.tsx';
import type { AccountFields } from './account-form.tsx';
import { errorText } from './error-text.ts';
import { ProblemList } from './problem-list.tsx';
import { ProgressBar } from './progress-bar.tsx';

export function HostSource(props: {
  onScanned: (report: ScanReport, source: SourceSpec) => void;
  onBack: () => void;
  /** Told when a reading starts and ends: the choice of where the data is waits meanwhile. */
  onBusyChange: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [fields, setFields] = useState<AccountFields>({ server: '', username: '', password: '' });
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ErrorData>();
  const [scan, setScan] = useState<{ jobId: string; source: SourceSpec; server: string }>();
  const job = useJob<'scan'>(scan?.jobId);
  const end = job?.end;
  const busy = checking || (scan !== undefined && end === undefined);
  const { onBusyChange } = props;
  useEffect(() => {
    onBusyChange(busy);
  }, [busy, onBusyChange]);

  const read = async (typed: AccountFields): Promise<void> => {
    setChecking(true);
    setError(undefined);
    setScan(undefined);
    try {
      // Connected exactly as the new account is (discovery, the password kept by the service),
      // then named by its id only.
      const connected = await api.connect(typed);
      if (!connected.ok) {
        setError(connected.error);
        return;
      }
      const source: SourceSpec = { kind: 'dav', accountId: connected.value.accountId };
      const started = await api.startScan({ source });
      if (started.ok)
        setScan({ jobId: started.value.jobId, source, server: connected.value.server });
      else setError(started.error);
    } finally {
      setChecking(false);
    }
  };

  const { onScanned } = props;
  useEffect(() => {
    if (end?.outcome === 'done' && scan !== undefined) onScanned(end.result, scan.source);
  }, [end, onScanned, scan]);

  const failure = end !== undefined && end.outcome !== 'done' ? end.error : error;
  const progress = job?.progress;
  return (
    <>
      <section className="card" aria-labelledby="host-source-title" data-testid="host-source">
        <h2 id="host-source-title">{t('source.host.title')}</h2>
        <p>{t('source.host.intro')}</p>
        <AccountForm
          value={fields}
          onChange={setFields}
          checking={busy}
          onSubmit={(typed) => void read(typed)}
          namePrefix="from"
          primary
          words={{
            server: t('source.host.server'),
            serverHint: t('source.host.serverHint'),
            passwordHint: t('source.host.passwordHint'),
            submit: t('source.host.read'),
          }}
        />
      </section>
      {scan !== undefined && end === undefined ? (
        <ProgressBar
          label={t('source.host.reading', { server: scan.server })}
          value={
            progress === undefined || progress.bytesTotal === 0
              ? undefined
              : progress.bytesDone / progress.bytesTotal
          }
          detail={
            progress === undefined
              ? undefined
              : t('source.host.readingDetail', { count: progress.entriesDone })
          }
        />
      ) : null}
      {failure === undefined ? null : (
        <p className="alert" role="alert" data-testid="host-source-error">
          {errorText(t, failure)}
        </p>
      )}
      {end !== undefined && end.outcome === 'failed' ? (
        <ProblemList problems={job?.problems ?? []} title={t('source.failedProblems')} />
      ) : null}
      <div className="actions">
        <button type="button" onClick={props.onBack} disabled={busy}>
          {t('actions.back')}
        </button>
        {scan !== undefined && end === undefined ? (
          <button
            type="button"
            onClick={() => {
              void api.cancelJob({ jobId: scan.jobId });
            }}
          >
            {t('actions.cancel')}
          </button>
        ) : null}
      </div>
    </>
  );
}
