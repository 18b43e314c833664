// "Your data", when it is in a Google archive: the family hands over the archive Google sent them
// (one or several parts), and Baluchon reads it. A part that seems missing is told before going on (a hint: the family may
// add it and read again, or go on without it); when nothing could be read, the problems met say
// why, in the same words as on "What we found".
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanReport, SourceSpec } from '../../../src/contract/index.ts';
import { errorKey } from '../../../locales/keys.ts';
import { useApi, useJob } from '../api/api-context.tsx';
import { formatBytes } from '../format.ts';
import { FileDrop } from './file-drop.tsx';
import { ProblemList } from './problem-list.tsx';
import { ProgressBar } from './progress-bar.tsx';
import { TakeoutGuide } from './takeout-guide.tsx';

export function ArchiveSource(props: {
  files: File[];
  onFilesChange: (files: File[]) => void;
  onScanned: (report: ScanReport, source: SourceSpec) => void;
  onBack: () => void;
  /** Told when a reading starts and ends: the choice of where the data is waits meanwhile. */
  onBusyChange: (busy: boolean) => void;
}) {
  const { files, onFilesChange } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [jobId, setJobId] = useState<string>();
  const [paths, setPaths] = useState<string[]>([]);
  const [upload, setUpload] = useState<{ sent: number; total: number }>();
  const [error, setError] = useState<string>();
  const job = useJob<'scan'>(jobId);
  const busy = upload !== undefined || (jobId !== undefined && job?.end === undefined);
  const { onBusyChange } = props;
  useEffect(() => {
    onBusyChange(busy);
  }, [busy, onBusyChange]);

  // Another choice of parts makes the last reading (and its hint) out of date.
  const change = (next: File[]): void => {
    setJobId(undefined);
    onFilesChange(next);
  };
  const add = (added: File[]): void => {
    const known = new Set(files.map((file) => `${file.name}/${file.size}`));
    const fresh = added.filter((file) => !known.has(`${file.name}/${file.size}`));
    change([...files, ...fresh].sort((a, b) => a.name.localeCompare(b.name)));
  };

  const read = async (): Promise<void> => {
    setError(undefined);
    setJobId(undefined);
    const total = files.reduce((sum, file) => sum + file.size, 0);
    const chosen: string[] = [];
    try {
      let before = 0;
      for (const file of files) {
        setUpload({ sent: before, total });
        chosen.push(
          await api.pathForFile(file, (sent) => {
            setUpload({ sent: before + sent, total });
          }),
        );
        before += file.size;
      }
    } catch (reason) {
      setError(t('source.uploadFailed', { detail: String(reason) }));
      return;
    } finally {
      setUpload(undefined);
    }
    setPaths(chosen);
    const started = await api.startScan({ source: { kind: 'takeout', paths: chosen } });
    if (started.ok) setJobId(started.value.jobId);
    else
      setError(
        t(errorKey(started.error.code), {
          ...started.error.details,
          defaultValue: started.error.message,
        }),
      );
  };

  const end = job?.end;
  const { onScanned } = props;
  const missing = end?.outcome === 'done' ? end.result.missingParts : [];
  useEffect(() => {
    // The wizard moves on to "What we found"; coming back mounts this screen afresh. When a part
    // seems missing, the family reads the hint first and decides.
    if (end?.outcome === 'done' && end.result.missingParts.length === 0) {
      onScanned(end.result, { kind: 'takeout', paths });
    }
  }, [end, onScanned, paths]);
  const failure =
    end !== undefined && end.outcome !== 'done'
      ? t(errorKey(end.error.code), { ...end.error.details, defaultValue: end.error.message })
      : error;

  const progress = job?.progress;
  return (
    <>
      <p className="lead">{t('source.intro')}</p>
      <FileDrop onFiles={add} disabled={busy} />
      {files.length === 0 ? null : (
        <section aria-labelledby="chosen-title">
          <h2 id="chosen-title">{t('source.chosen', { count: files.length })}</h2>
          <ul className="file-list" data-testid="chosen-files">
            {files.map((file) => (
              <li key={`${file.name}/${file.size}`}>
                <span className="file-name">{file.name}</span>
                <span className="file-size">{formatBytes(t, file.size, i18n.language)}</span>
                <button
                  type="button"
                  className="link"
                  disabled={busy}
                  aria-label={t('source.removeNamed', { name: file.name })}
                  onClick={() => {
                    change(files.filter((other) => other !== file));
                  }}
                >
                  {t('source.remove')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {upload === undefined ? null : (
        <ProgressBar
          label={t('source.preparing')}
          value={upload.total === 0 ? undefined : upload.sent / upload.total}
        />
      )}
      {jobId !== undefined && end === undefined ? (
        <ProgressBar
          label={t('source.reading')}
          value={
            progress === undefined || progress.bytesTotal === 0
              ? undefined
              : progress.bytesDone / progress.bytesTotal
          }
          detail={
            progress === undefined
              ? undefined
              : t('source.readingDetail', {
                  done: progress.entriesDone,
                  total: progress.entriesTotal,
                })
          }
        />
      ) : null}
      {failure === undefined ? null : (
        <p className="alert" role="alert">
          {failure}
        </p>
      )}
      {end !== undefined && end.outcome === 'failed' ? (
        <ProblemList problems={job?.problems ?? []} title={t('source.failedProblems')} />
      ) : null}
      {end?.outcome === 'done' && missing.length > 0 ? (
        <section
          className="notice"
          aria-labelledby="missing-title"
          role="status"
          data-testid="missing-parts"
        >
          <h2 id="missing-title">{t('source.missingTitle')}</h2>
          <p>{t('source.missing', { count: missing.length, list: missing.join(', ') })}</p>
          <p>{t('source.missingHelp', { count: missing.length })}</p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              onScanned(end.result, { kind: 'takeout', paths });
            }}
          >
            {t('source.goOn', { count: missing.length })}
          </button>
        </section>
      ) : null}
      <TakeoutGuide />
      <div className="actions">
        <button type="button" onClick={props.onBack} disabled={busy}>
          {t('actions.back')}
        </button>
        {busy && jobId !== undefined ? (
          <button
            type="button"
            onClick={() => {
              void api.cancelJob({ jobId });
            }}
          >
            {t('actions.cancel')}
          </button>
        ) : null}
        <button
          type="button"
          className={missing.length > 0 ? undefined : 'primary'}
          disabled={files.length === 0 || busy}
          onClick={() => {
            void read();
          }}
        >
          {t('source.read')}
        </button>
      </div>
    </>
  );
}
