// Step 6: the move itself — progress per kind with counts, the time left, pause and resume. The
// family may close the app at any moment: the next start offers to go on where it stopped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ErrorData,
  JobRef,
  MigrateProgress,
  MigrationKinds,
  MigrationReport,
  Result,
  SourceSpec,
} from '../../../src/contract/index.ts';
import { useApi, useJob, useJobEnd } from '../api/api-context.tsx';
import { errorText } from '../components/error-text.ts';
import { ForgetButton } from '../components/forget-button.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { ProblemList } from '../components/problem-list.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';
import { formatBytes, formatCount } from '../format.ts';
import { kindsInBytes } from '../kinds-in-bytes.ts';
import { timeLeft } from '../time-left.ts';
import { PausedView } from './paused-view.tsx';

// Typed as the contract's tuple: every kind, in the order the report lists them.
const kinds: MigrationKinds = ['calendars', 'tasks', 'contacts', 'files', 'photos', 'notes'];

export function MovingScreen(props: {
  /** Starts (or goes on with) the move; called again to resume after a pause. */
  start: () => Promise<Result<JobRef>>;
  onDone: (report: MigrationReport) => void;
  accountId: string;
  /**
   * Where the data is read from: the reading phase names the archive, or the previous host.
   * Unknown when the page found the move already running, or resumed it from Welcome.
   */
  sourceKind: SourceSpec['kind'] | undefined;
  /** After "forget everything" (which stops the move first). */
  onForgotten: () => void;
}) {
  const { start, onDone } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [jobId, setJobId] = useState<string>();
  const [startError, setStartError] = useState<ErrorData>();
  const job = useJob<'migrate'>(jobId);
  const started = useRef(false);
  /** Paused, the family asked to see what is already there. */
  const [seeing, setSeeing] = useState(false);

  const run = useCallback(async () => {
    setSeeing(false);
    setStartError(undefined);
    setJobId(undefined);
    const result = await start();
    if (result.ok) setJobId(result.value.jobId);
    else setStartError(result.error);
  }, [start]);

  useEffect(() => {
    // Once per visit (React's strict mode mounts effects twice in development).
    if (started.current) return;
    started.current = true;
    void run();
  }, [run]);

  const end = job?.end;
  // A paused move ends with a report of what is already there; any other end moves on to Done.
  useJobEnd<'migrate'>(jobId, (finished) => {
    if (finished.outcome === 'done' && finished.result.state !== 'cancelled')
      onDone(finished.result);
  });
  const error = startError ?? (end !== undefined && end.outcome !== 'done' ? end.error : undefined);
  const paused =
    end?.outcome === 'done' && end.result.state === 'cancelled' ? end.result : undefined;

  const progress = job?.progress;
  const running = jobId !== undefined && end === undefined;
  if (paused !== undefined && seeing) {
    return (
      <PausedView
        report={paused}
        progress={progress}
        accountId={props.accountId}
        onResume={() => void run()}
      />
    );
  }
  return (
    <WizardLayout step="moving" title={t('moving.title')}>
      <p className="lead">{paused === undefined ? t('moving.intro') : t('moving.paused')}</p>
      {progress === undefined || paused !== undefined ? null : (
        <MovingProgress
          progress={progress}
          language={i18n.language}
          sourceKind={props.sourceKind}
        />
      )}
      {error === undefined ? null : (
        <p className="alert" role="alert" data-testid="moving-error">
          {errorText(t, error)}
        </p>
      )}
      {job === undefined || job.problems.length === 0 ? null : (
        <details className="guide">
          <summary>{t('moving.problems', { count: job.problems.length })}</summary>
          <ProblemList problems={job.problems} title={t('moving.problemsTitle')} />
        </details>
      )}
      <p className="hint">{t('moving.canClose')}</p>
      <div className="actions">
        {running ? <ForgetButton running onForgotten={props.onForgotten} /> : null}
        {running ? (
          <button
            type="button"
            onClick={() => {
              void api.cancelJob({ jobId });
            }}
          >
            {t('moving.pause')}
          </button>
        ) : null}
        {paused !== undefined || error !== undefined ? (
          <>
            {paused === undefined ? null : (
              <button
                type="button"
                onClick={() => {
                  setSeeing(true);
                }}
              >
                {t('moving.seeSoFar')}
              </button>
            )}
            <button type="button" className="primary" onClick={() => void run()}>
              {t('moving.resume')}
            </button>
          </>
        ) : null}
      </div>
    </WizardLayout>
  );
}

function MovingProgress(props: {
  progress: MigrateProgress;
  language: string;
  sourceKind: SourceSpec['kind'] | undefined;
}) {
  const { progress, language } = props;
  const { t } = useTranslation();
  const n = (value: number): string => formatCount(value, language);
  return (
    <div data-testid="moving-progress">
      <p className="progress-label" role="status" aria-live="polite">
        {/* "Lecture de l'archive", "… chez votre ancien hébergeur", or "de vos données" when
            the source is not known here; the other phases read the same from any source. */}
        {t(`moving.phase.${progress.phase}`, { context: props.sourceKind ?? 'unknown' })}
        {progress.etaSeconds === null ? '' : ` — ${timeLeft(t, progress.etaSeconds)}`}
      </p>
      {kinds.map((kind) => {
        const counts = progress[kind];
        if (counts.found === 0) return null;
        const inBytes = kindsInBytes.has(kind) && counts.bytesTotal > 0;
        return (
          <ProgressBar
            key={kind}
            label={t(`moving.kind.${kind}`)}
            value={inBytes ? counts.bytesDone / counts.bytesTotal : counts.done / counts.found}
            detail={[
              t('moving.count', { done: n(counts.done), found: n(counts.found) }),
              inBytes
                ? t('moving.bytes', {
                    done: formatBytes(t, counts.bytesDone, language),
                    total: formatBytes(t, counts.bytesTotal, language),
                  })
                : '',
              counts.failed > 0 ? t('moving.failed', { count: counts.failed }) : '',
            ]
              .filter((part) => part !== '')
              .join(' · ')}
          />
        );
      })}
      {progress.current === null ? null : (
        <p className="hint" data-testid="moving-current">
          {t('moving.current', { item: progress.current })}
        </p>
      )}
    </div>
  );
}
