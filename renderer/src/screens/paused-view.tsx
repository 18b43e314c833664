// Step 6, paused: what is already on the new account, against everything the move will bring —
// every kind, not only what it had reached. Still step 6 (nothing is done yet): no phone advice,
// no "forget everything"; the way forward is to go on. Undoing what arrived stays possible.
import { useTranslation } from 'react-i18next';
import type {
  MigrateProgress,
  MigrationKind,
  MigrationKinds,
  MigrationReport,
} from '../../../src/contract/index.ts';
import { ProblemList } from '../components/problem-list.tsx';
import { UndoButton } from '../components/undo-button.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';
import { formatBytes, formatCount } from '../format.ts';
import { kindsInBytes } from '../kinds-in-bytes.ts';

// Typed as the contract's tuple: every kind, in the order the report lists them.
const kinds: MigrationKinds = ['calendars', 'tasks', 'contacts', 'files', 'photos', 'notes'];
type Kind = MigrationKind;

/**
 * Per kind: how many items are on the account (from the journal, in the report) out of how many
 * the move brings. A pause before a kind began leaves it out of the report's counts; the move's
 * last progress knows the whole plan.
 */
export function pausedCounts(
  report: MigrationReport,
  progress: MigrateProgress | undefined,
): { kind: Kind; there: number; total: number }[] {
  return kinds
    .map((kind) => {
      const counts = report[kind];
      const there = counts.created + counts.updated + counts.unchanged;
      const total = Math.max(progress?.[kind].found ?? 0, counts.found, there);
      return { kind, there, total };
    })
    .filter((row) => row.total > 0);
}

export function PausedView(props: {
  report: MigrationReport;
  progress: MigrateProgress | undefined;
  accountId: string;
  onResume: () => void;
}) {
  const { report, progress } = props;
  const { t, i18n } = useTranslation();
  const n = (value: number): string => formatCount(value, i18n.language);
  // Photos and files weigh what matters: the bytes sent so far, as the move last said them.
  const bytesSoFar = (kind: Kind): string => {
    const counts = progress?.[kind];
    if (counts === undefined || !kindsInBytes.has(kind) || counts.bytesTotal === 0) return '';
    return t('moving.bytes', {
      done: formatBytes(t, counts.bytesDone, i18n.language),
      total: formatBytes(t, counts.bytesTotal, i18n.language),
    });
  };
  const problems = [...report.problems, ...kinds.flatMap((kind) => report[kind].problems)];
  return (
    <WizardLayout step="moving" title={t('moving.pausedView.title')}>
      <p className="lead" data-testid="paused-summary">
        <strong className="badge badge-warn">{t('moving.pausedView.badge')}</strong>{' '}
        {t('moving.pausedView.intro')}
      </p>
      <section className="card" aria-labelledby="paused-counts-title">
        <h2 id="paused-counts-title">{t('moving.pausedView.countsTitle')}</h2>
        <ul className="plain" data-testid="paused-counts">
          {pausedCounts(report, progress).map(({ kind, there, total }) => {
            const label = t(`moving.kind.${kind}`);
            return (
              <li key={kind} className="progress" data-testid={`paused-${kind}`}>
                <p className="progress-label">{label}</p>
                <progress max={total} value={there} aria-label={label} />
                <p className="progress-detail">
                  {[
                    t('moving.pausedView.count', { done: n(there), total: n(total) }),
                    bytesSoFar(kind),
                  ]
                    .filter((part) => part !== '')
                    .join(' · ')}
                </p>
              </li>
            );
          })}
        </ul>
      </section>
      <ProblemList problems={problems} title={t('moving.problemsTitle')} />
      <div className="actions">
        <UndoButton accountId={props.accountId} />
        <button type="button" className="primary" onClick={props.onResume}>
          {t('moving.pausedView.resume')}
        </button>
      </div>
    </WizardLayout>
  );
}
