// "Undo this import": removes from the new account what Baluchon copied there, after asking once
// and saying plainly what goes and what stays.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData, UndoReport } from '../../../src/contract/index.ts';
import { useApi, useJob, useJobEnd } from '../api/api-context.tsx';
import { ConfirmAction, confirmText } from './confirm-action.tsx';
import { errorText } from './error-text.ts';
import { ProblemList } from './problem-list.tsx';
import { ProgressBar } from './progress-bar.tsx';

export function UndoButton(props: { accountId: string; filesAccountId?: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
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
  return (
    <ConfirmAction
      id="undo"
      text={confirmText(t, 'undo')}
      error={error === undefined ? undefined : errorText(t, error)}
      onConfirm={() => {
        const { accountId, filesAccountId } = props;
        const input = filesAccountId === undefined ? { accountId } : { accountId, filesAccountId };
        void api.startUndo(input).then((result) => {
          if (result.ok) setJobId(result.value.jobId);
          else setError(result.error);
        });
      }}
    />
  );
}
