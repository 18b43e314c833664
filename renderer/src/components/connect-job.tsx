// Connecting as a job (startConnect): the search for the family's calendars, address books and
// files shows where it is and can be cancelled — a slow or silent server never leaves the screen
// waiting without a way out. One hook and its status line, for every form that connects.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, CommandInput, ErrorData } from '../../../src/contract/index.ts';
import { useApi, useJob, useJobEnd } from '../api/api-context.tsx';

export interface ConnectJob {
  /** Set while the search runs. */
  readonly jobId: string | undefined;
  start(input: CommandInput<'startConnect'>): Promise<void>;
}

/** The account, or the error to show, arrives through `handlers`; a cancelled search calls neither. */
export function useConnectJob(handlers: {
  onAccount: (account: Account) => void;
  onError: (error: ErrorData) => void;
}): ConnectJob {
  const api = useApi();
  const [jobId, setJobId] = useState<string>();
  useJobEnd<'connect'>(jobId, (end) => {
    setJobId(undefined);
    if (end.outcome === 'done') handlers.onAccount(end.result);
    else if (end.outcome === 'failed') handlers.onError(end.error);
  });
  return {
    jobId,
    start: async (input) => {
      const started = await api.startConnect(input);
      if (started.ok) setJobId(started.value.jobId);
      else handlers.onError(started.error);
    },
  };
}

/** "Looking for your calendars…", the address being tried, and Cancel. */
export function ConnectProgressLine(props: { jobId: string; testId?: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const job = useJob<'connect'>(props.jobId);
  return (
    <div role="status" aria-live="polite" data-testid={props.testId ?? 'connect-progress'}>
      <p>{t('connect.searching')}</p>
      {job?.progress === undefined ? null : (
        <p className="hint">{t('connect.searchingAt', { address: job.progress.address })}</p>
      )}
      <button
        type="button"
        onClick={() => {
          void api.cancelJob({ jobId: props.jobId });
        }}
      >
        {t('actions.cancel')}
      </button>
    </div>
  );
}
