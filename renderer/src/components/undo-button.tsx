// "Undo this import": removes from the new account what Baluchon copied there, after asking once
// and saying plainly what goes and what stays.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData, UndoReport } from '../../../src/contract/index.ts';
import { useApi, useJob, useJobEnd } from '../api/api-context.tsx';
import { errorText } from './error-text.ts';
import { ProblemList } from './problem-list.tsx';
import { ProgressBar } from './progress-bar.tsx';

export function UndoButton(props: { accountId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [jobId, setJobId] = useState<string>();
  const [done, setDone] = useState<UndoReport>();
  const [error, setError] = useState<ErrorData>();
  const job = useJob<'undo'>(jobId);
  useJobEnd<'undo'>(jobId, (end) => {
    if (end.outcome === 'done') setDone(end.result);
    else setError(end.error);
  });

  if (done !== undefined) {
    return (
      <section className="card" aria-labelledby="undone-title" data-testid="undo-result">
        <h2 id="undone-title">{t('undo.doneTitle')}</h2>
        <p>{t('undo.done', { ...done })}</p>
        <ProblemList problems={done.problems} title={t('undo.kept')} />
      </section>
    );
  }
  if (jobId !== undefined) {
    const progress = job?.progress;
    return (
      <ProgressBar
        label={t('undo.running')}
        value={
          progress === undefined || progress.total === 0
            ? undefined
            : progress.done / progress.total
        }
      />
    );
  }
  if (!asking) {
    return (
      <button
        type="button"
        onClick={() => {
          setAsking(true);
        }}
      >
        {t('undo.button')}
      </button>
    );
  }
  return (
    <div
      className="card confirm"
      role="alertdialog"
      aria-labelledby="undo-title"
      aria-describedby="undo-text"
    >
      <h2 id="undo-title">{t('undo.title')}</h2>
      <p id="undo-text">{t('undo.explain')}</p>
      {error === undefined ? null : (
        <p className="alert" role="alert">
          {errorText(t, error)}
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
          {t('undo.keep')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            void api.startUndo({ accountId: props.accountId }).then((result) => {
              if (result.ok) setJobId(result.value.jobId);
              else setError(result.error);
            });
          }}
        >
          {t('undo.confirm')}
        </button>
      </div>
    </div>
  );
}
