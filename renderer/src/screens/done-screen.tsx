// Step 7: what arrived, checked on the server — numbers per kind, what the photos and notes
// became (dates, albums, folders), the problems in plain words, where to find everything, the report to keep, and what to do next.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  LeftOver,
  MigrationKind,
  MigrationKinds,
  MigrationReport,
  ReportColumns,
} from '../../../src/contract/index.ts';
import { useApi } from '../api/api-context.tsx';
import { errorText } from '../components/error-text.ts';
import { DevicesSection } from '../components/devices-section.tsx';
import { ForgetButton } from '../components/forget-button.tsx';
import { NoteFactsSection } from '../components/note-facts.tsx';
import { PhotoFactsSection } from '../components/photo-facts.tsx';
import { ProblemList } from '../components/problem-list.tsx';
import { UndoButton } from '../components/undo-button.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';
import { formatBytes, formatCount } from '../format.ts';
import { SheetView } from './sheet-view.tsx';

// Typed as the contract's tuple: every kind, in the order the report lists them.
const kinds: MigrationKinds = ['calendars', 'tasks', 'contacts', 'files', 'photos', 'notes'];
// Typed as the contract's tuple: the saved report shows the same columns in the same order.
const columns: ReportColumns = [
  'found',
  'created',
  'unchanged',
  'updated',
  'skipped',
  'failed',
  'verified',
];
/** The kinds that go to the account's files space. */
const filesSpaceKinds: readonly MigrationKind[] = ['files', 'photos', 'notes'];
/** What "Réessayer" can fix (not a missing place, not the family's choice). */
const retryable = new Set(['refused', 'failed', 'not-sent']);

function saidInRow(code: string): boolean {
  return /^migration\.no-(calendars|tasks|contacts|files|photos|notes)-here$/.test(code);
}

/**
 * The i18next context of the words that name where the data came from (as
 * src/migration/report-words.ts): `dav` says "chez votre ancien hébergeur", not "chez Google".
 */
function sourceContext(report: MigrationReport): { context: string } {
  return { context: report.source.kind };
}

/** The headline, from the one verdict the engine decided (src/migration/report-words.ts). */
function headlineKey(report: MigrationReport): string {
  if (report.verdict === 'all-that-can') return 'migration:report.complete';
  if (report.verdict === 'incomplete') return 'migration:report.verdict.incomplete';
  return kinds.some((kind) => report[kind].left.length > 0)
    ? 'migration:report.verdict.everythingChosen'
    : 'migration:report.verdict.everything';
}

export function DoneScreen(props: {
  report: MigrationReport;
  accountId: string;
  /** The move's account for the files, when it had one (undo removes what went there too). */
  filesAccountId?: string | undefined;
  /** The host chosen in this session (the take-home sheet names it and how to reach it). */
  host?: { name: string; contact: string | null } | undefined;
  onResume: () => void;
  onForget: () => void;
  /** Offered when the files stayed at the source for lack of a place on the account. */
  onAddFilesAccount?: () => void;
}) {
  const { report } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [saveError, setSaveError] = useState<string>();
  /** The take-home sheet's body, while it is shown alone (to print it). */
  const [sheet, setSheet] = useState<string>();
  const n = (value: number): string => formatCount(value, i18n.language);
  const from = sourceContext(report);
  const leftText = (kind: MigrationKind, left: LeftOver): string => {
    const counted = t(`migration:left.what.${kind}`, {
      count: left.count,
      formatted: n(left.count),
    });
    const what =
      left.bytes === null || left.bytes === 0
        ? counted
        : t('migration:left.withSize', {
            what: counted,
            size: formatBytes(t, left.bytes, i18n.language),
          });
    return t(`migration:left.${kind}.${left.reason}`, { count: left.count, what, ...from });
  };
  // Files, photos and notes all go to a files space: the first of them that found none offers
  // to add an account for it, once (the same account takes all three).
  const noPlaceRow = filesSpaceKinds.find((kind) =>
    report[kind].left.some((left) => left.reason === 'no-place'),
  );
  const canRetry = kinds.some((kind) =>
    report[kind].left.some((left) => retryable.has(left.reason)),
  );
  const shown = kinds.filter((kind) => report[kind].found > 0);
  // "No place for this kind on the account" is said in the kind's row, with its action.
  const problems = [...report.problems, ...kinds.flatMap((kind) => report[kind].problems)].filter(
    (problem) => !saidInRow(problem.code),
  );
  // Next steps speak only of what moved: the phone apps when agendas, tasks or contacts are on
  // the account (not merely found: a family who moved only their photos has nothing to see on a
  // phone's calendar), the folder for files (photos and notes say where in their own sections).
  const agendaOrContacts = (['calendars', 'tasks', 'contacts'] as const).some(
    (kind) => report[kind].created + report[kind].updated + report[kind].unchanged > 0,
  );
  const filesFolder = report.collections.find((collection) => collection.kind === 'files');

  const saveReport = async (): Promise<void> => {
    if (report.reportFile === null) return;
    const result = await api.readReport({ path: report.reportFile });
    if (!result.ok) {
      setSaveError(errorText(t, result.error));
      return;
    }
    // A download of the saved page: the family keeps it where they keep their papers.
    const url = URL.createObjectURL(new Blob([result.value.html], { type: 'text/html' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = report.reportFile.split(/[\\/]/).at(-1) ?? 'baluchon-report.html';
    link.click();
    URL.revokeObjectURL(url);
  };

  if (sheet !== undefined) {
    return (
      <SheetView
        body={sheet}
        onBack={() => {
          setSheet(undefined);
        }}
      />
    );
  }

  return (
    <WizardLayout step="done" title={report.complete ? t('done.title') : t('done.titleIncomplete')}>
      <p className={report.complete ? 'lead ok' : 'lead alert'} data-testid="done-summary">
        {t(headlineKey(report), from)}
      </p>
      <p data-testid="done-accounts">
        {t('migration:report.to', { account: report.account, server: report.server })}
        {report.filesServer === null || report.filesAccount === null ? null : (
          <>
            <br />
            {t('migration:report.filesTo', {
              account: report.filesAccount,
              server: report.filesServer,
            })}
          </>
        )}
      </p>
      {report.stopMessage === null ? null : (
        <p className="alert" role="alert">
          {report.stopMessage}
        </p>
      )}
      <div className="table-wrap">
        <table className="counts" data-testid="done-counts">
          <caption>{t('done.countsCaption')}</caption>
          <thead>
            <tr>
              <td />
              {columns.map((column) => (
                <th key={column} scope="col">
                  {t(`migration:report.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((kind) => (
              <Fragment key={kind}>
                <tr data-testid={`done-row-${kind}`}>
                  <th scope="row">{t(`migration:report.kind.${kind}`)}</th>
                  {columns.map((column) => (
                    <td
                      key={column}
                      data-column={column}
                      data-label={t(`migration:report.columns.${column}`)}
                    >
                      {n(report[kind][column])}
                    </td>
                  ))}
                </tr>
                {report[kind].left.length === 0 ? null : (
                  <tr className="left" data-testid={`done-left-${kind}`}>
                    <td colSpan={columns.length + 1}>
                      <ul className="plain">
                        {report[kind].left.map((left) => (
                          <li key={left.reason}>{leftText(kind, left)}</li>
                        ))}
                      </ul>
                      {kind === noPlaceRow && props.onAddFilesAccount ? (
                        <button type="button" onClick={props.onAddFilesAccount}>
                          {t('done.addFilesAccount')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>

      {report.photoFacts === null ? null : <PhotoFactsSection facts={report.photoFacts} />}
      {report.noteFacts === null ? null : <NoteFactsSection facts={report.noteFacts} />}

      {report.collections.length === 0 ? null : (
        <section className="card" aria-labelledby="where-title">
          <h2 id="where-title">{t('migration:report.collections')}</h2>
          <ul>
            {report.collections.map((collection) => (
              <li key={collection.url}>
                <strong>{collection.name}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}

      {report.documents === null || report.documents.count === 0 ? null : (
        <p data-testid="done-documents">
          {t('found.files.documents', {
            ...from,
            count: report.documents.count,
            list: Object.entries(report.documents.byFormat)
              .map(([format, count]) => `${n(count)} ${format.toUpperCase()}`)
              .join(', '),
          })}
        </p>
      )}
      {report.birthdaysLeftOut ? <p>{t('migration:report.birthdays')}</p> : null}
      {report.holidayFeeds === null ? null : (
        <section className="card" aria-labelledby="holidays-title">
          <h2 id="holidays-title">{t('done.holidaysTitle')}</h2>
          <p>{t('migration:report.holidays')}</p>
          <ul>
            {report.holidayFeeds.map((feed) => (
              <li key={feed.url}>
                {t(`items:calendar.holiday-zones.${feed.zone}`, { defaultValue: feed.zone })}:{' '}
                <code className="copyable">{feed.url}</code>
              </li>
            ))}
          </ul>
        </section>
      )}

      <ProblemList problems={problems} title={t('migration:report.problems')} />

      {agendaOrContacts ? (
        <DevicesSection
          runId={report.runId}
          host={props.host}
          onSheet={(setup) => {
            setSheet(setup.sheet);
          }}
        />
      ) : null}

      <section className="card" aria-labelledby="next-title">
        <h2 id="next-title">{t('migration:report.next')}</h2>

        {filesFolder === undefined ? null : (
          <p>{t('migration:report.nextFiles', { folder: filesFolder.name })}</p>
        )}
        <p data-testid="done-keep-old">{t('migration:report.nextGoogle', from)}</p>
      </section>

      {saveError === undefined ? null : (
        <p className="alert" role="alert">
          {saveError}
        </p>
      )}
      <div className="actions">
        {report.complete || !canRetry ? null : (
          <button type="button" onClick={props.onResume}>
            {t('done.tryAgain')}
          </button>
        )}
        {report.reportFile === null ? null : (
          <button type="button" onClick={() => void saveReport()}>
            {t('done.saveReport')}
          </button>
        )}
        <UndoButton accountId={props.accountId} filesAccountId={props.filesAccountId} />
        <ForgetButton onForgotten={props.onForget} />
      </div>
    </WizardLayout>
  );
}
