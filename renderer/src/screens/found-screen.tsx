// Step 3: an honest inventory of the archive — calendars, contacts, tasks, files, photos, notes —
// what cannot move and why, the problems met while reading, and the choice of what to move. Parts that seem
// missing are recalled at the top; Google's "other contacts" (people it added by itself) are
// shown apart, explained, and not chosen unless the family ticks them.
import { useTranslation } from 'react-i18next';
import type { ScanReport, SourceSpec } from '../../../src/contract/index.ts';
import { NotesChoice } from '../components/notes-choice.tsx';
import { PhotosChoice } from '../components/photos-choice.tsx';
import { ProblemList } from '../components/problem-list.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';
import { formatBytes, formatCount } from '../format.ts';
import { nothingSelected } from '../selection.ts';
import type { Selection } from '../selection.ts';

export function FoundScreen(props: {
  report: ScanReport;
  /** Where it was read from: a few words differ for another host's account (no archive). */
  sourceKind: SourceSpec['kind'];
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  onBack: () => void;
  /** Absent while the next steps are not available. */
  onNext?: () => void;
}) {
  const { report, selection, onSelectionChange } = props;
  const { t, i18n } = useTranslation();
  // The words that name the archive, or Google Drive, say "your current host" instead.
  const words = props.sourceKind === 'dav' ? 'found.host' : 'found';
  const n = (value: number): string => formatCount(value, i18n.language);
  const toggleCalendar = (key: string, on: boolean): void => {
    const calendars = on
      ? [...selection.calendars, key]
      : selection.calendars.filter((other) => other !== key);
    onSelectionChange({ ...selection, calendars });
  };
  // A kind with nothing found and nothing to explain says so in one sentence, as calendars do,
  // rather than a box that can never be ticked ("0 fichier (0 octets)").
  const noContacts = report.contacts.count === 0 && report.contacts.otherContacts === 0;
  const noFiles = report.files.count === 0 && report.files.cannotMove.length === 0;
  // Photos and Keep read by the scan have their own cards: not also among what does not move.
  const read = new Set([report.photos.folder, report.notes.folder]);
  const others = report.others.filter((other) => !read.has(other.folder));
  const documents = Object.entries(report.files.documents.byFormat)
    .map(([format, count]) => `${n(count)} ${format.toUpperCase()}`)
    .join(', ');

  return (
    <WizardLayout step="found" title={t('found.title')}>
      <p className="lead">
        {props.sourceKind === 'google' ? t('found.introGoogle') : t(`${words}.intro`)}
      </p>
      {report.missingParts.length === 0 ? null : (
        <p className="notice" data-testid="found-missing-parts">
          {t('found.missing', {
            count: report.missingParts.length,
            list: report.missingParts.join(', '),
          })}
        </p>
      )}

      <section aria-labelledby="calendars-title" className="card">
        <h2 id="calendars-title">{t('found.calendars.title')}</h2>
        {report.calendars.length === 0 ? <p>{t(`${words}.calendars.none`)}</p> : null}
        <ul className="choices" data-testid="calendars">
          {report.calendars.map((calendar) => (
            <li key={calendar.key} data-testid="calendar-row">
              {calendar.generated === null ? (
                <label>
                  <input
                    type="checkbox"
                    checked={selection.calendars.includes(calendar.key)}
                    onChange={(event) => {
                      toggleCalendar(calendar.key, event.target.checked);
                    }}
                  />
                  <span
                    className="swatch"
                    aria-hidden="true"
                    ref={(element) => {
                      // Set through the CSSOM: the page's CSP forbids inline style attributes.
                      element?.style.setProperty('background', calendar.color ?? 'transparent');
                    }}
                  />
                  <span className="choice-name" data-testid="calendar-name">
                    {calendar.name}
                  </span>
                  <span className="choice-count" data-testid="calendar-events">
                    {t('found.calendars.events', {
                      count: calendar.events,
                      formatted: n(calendar.events),
                    })}
                  </span>
                </label>
              ) : (
                <p className="generated">
                  <span className="choice-name" data-testid="calendar-name">
                    {calendar.name}
                  </span>{' '}
                  <span className="choice-count" data-testid="calendar-events">
                    {t('found.calendars.events', {
                      count: calendar.events,
                      formatted: n(calendar.events),
                    })}
                  </span>
                  <span className="hint">
                    {t(`found.calendars.generated.${calendar.generated}`)}
                  </span>
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="contacts-title" className="card">
        <h2 id="contacts-title">{t('found.contacts.title')}</h2>
        {noContacts ? (
          <p data-testid="contacts-none">{t(`${words}.contacts.none`)}</p>
        ) : (
          <label>
            <input
              type="checkbox"
              disabled={report.contacts.count === 0}
              checked={selection.contacts}
              onChange={(event) => {
                onSelectionChange({ ...selection, contacts: event.target.checked });
              }}
            />
            <span data-testid="contacts-count">
              {t('found.contacts.count', {
                count: report.contacts.count,
                formatted: n(report.contacts.count),
              })}
            </span>
          </label>
        )}
        {report.contacts.labels.length === 0 ? null : (
          <p className="hint" data-testid="contacts-labels">
            {t('found.contacts.labels', { labels: report.contacts.labels.join(', ') })}
          </p>
        )}
        {report.contacts.otherContacts === 0 ? null : (
          <div
            className="other-contacts"
            role="group"
            aria-labelledby="other-contacts-title"
            data-testid="other-contacts"
          >
            <h3 id="other-contacts-title">{t('found.contacts.otherTitle')}</h3>
            <p className="hint" id="other-contacts-explained">
              {t('found.contacts.otherExplained', {
                count: report.contacts.otherContacts,
                formatted: n(report.contacts.otherContacts),
              })}
            </p>
            <label>
              <input
                type="checkbox"
                aria-describedby="other-contacts-explained"
                checked={selection.otherContacts}
                onChange={(event) => {
                  onSelectionChange({ ...selection, otherContacts: event.target.checked });
                }}
              />
              <span>
                {t('found.contacts.otherChoice', {
                  count: report.contacts.otherContacts,
                  formatted: n(report.contacts.otherContacts),
                })}
              </span>
            </label>
          </div>
        )}
      </section>

      <section aria-labelledby="tasks-title" className="card">
        <h2 id="tasks-title">{t('found.tasks.title')}</h2>
        {report.tasks.count === 0 ? (
          <p data-testid="tasks-none">{t(`${words}.tasks.none`)}</p>
        ) : (
          <label>
            <input
              type="checkbox"
              checked={selection.tasks}
              onChange={(event) => {
                onSelectionChange({ ...selection, tasks: event.target.checked });
              }}
            />
            <span data-testid="tasks-count">
              {t('found.tasks.count', {
                count: report.tasks.count,
                formatted: n(report.tasks.count),
                lists: report.tasks.lists.length,
              })}
            </span>
          </label>
        )}
      </section>

      <section aria-labelledby="files-title" className="card">
        <h2 id="files-title">{t(`${words}.files.title`)}</h2>
        {noFiles ? (
          <p data-testid="files-none">{t(`${words}.files.none`)}</p>
        ) : (
          <label>
            <input
              type="checkbox"
              disabled={report.files.count === 0}
              checked={selection.files}
              onChange={(event) => {
                onSelectionChange({ ...selection, files: event.target.checked });
              }}
            />
            <span data-testid="files-count">
              {t('found.files.count', {
                count: report.files.count,
                formatted: n(report.files.count),
              })}
            </span>{' '}
            <span data-testid="files-bytes">
              ({formatBytes(t, report.files.bytes, i18n.language)})
            </span>
          </label>
        )}
        {report.files.documents.count === 0 ? null : (
          <p className="hint">
            {t('found.files.documents', {
              count: report.files.documents.count,
              list: documents,
              // Another host's documents were not converted by Google.
              context: props.sourceKind,
            })}
          </p>
        )}
        {report.files.cannotMove.length === 0 ? null : (
          <>
            <h3>{t('found.files.cannotMoveTitle')}</h3>
            <ul data-testid="cannot-move">
              {report.files.cannotMove.map((item) => (
                <li key={item.where}>
                  <span className="problem-where">{item.where}</span>{' '}
                  <span className="problem-reason">{t(`found.files.cannotMove.${item.kind}`)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <PhotosChoice
        photos={report.photos}
        sourceKind={props.sourceKind}
        selection={selection}
        onSelectionChange={onSelectionChange}
      />
      <NotesChoice
        notes={report.notes}
        sourceKind={props.sourceKind}
        selection={selection}
        onSelectionChange={onSelectionChange}
      />

      {others.length === 0 ? null : (
        <section aria-labelledby="others-title" className="card">
          <h2 id="others-title">{t('found.others.title')}</h2>
          <ul>
            {others.map((other) => (
              <li key={other.folder}>
                {t(`found.others.${other.product}`, { folder: other.folder })} —{' '}
                {formatBytes(t, other.bytes, i18n.language)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ProblemList problems={report.problems} title={t('found.problemsTitle')} />

      <div className="actions">
        <button type="button" onClick={props.onBack}>
          {t('actions.back')}
        </button>
        {props.onNext === undefined ? null : (
          <button
            type="button"
            className="primary"
            disabled={nothingSelected(selection)}
            onClick={props.onNext}
          >
            {t('found.next')}
          </button>
        )}
      </div>
    </WizardLayout>
  );
}
