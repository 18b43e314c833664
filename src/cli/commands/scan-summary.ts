// The scan's inventory in plain words, for people reading a terminal: what was read (the
// archive's parts, or the old host's account), what was found (and the parts of the export that
// seem missing), what will not move and why, Google's "other contacts"
// and how to move them too, and the problems. Numbers and sizes follow the language (1 234,5 Mo / 1,234.5 MB).
import type { ScanReport } from '../../contract/scan.ts';
import type { Translator } from '../../i18n/create-i18n.ts';
import { formatSize } from '../../i18n/format-size.ts';

export type NumberLocale = 'fr' | 'en';

/** What was read: a Takeout (its parts are in the report), or another host's account by name. */
export type ScannedSource =
  { kind: 'takeout' } | { kind: 'dav'; name: string } | { kind: 'google'; name: string };

export function formatScanSummary(
  report: ScanReport,
  t: Translator,
  locale: NumberLocale,
  source: ScannedSource,
): string {
  const n = (value: number): string => new Intl.NumberFormat(locale).format(value);
  const size = (bytes: number): string => formatSize(bytes, t, locale);
  // A move from another host has no Drive folder, and no documents Google converted.
  const r = (key: string, params?: Record<string, string | number>): string =>
    t(`cli:commands.scan.report.${key}`, { ...params, context: source.kind });
  const lines: string[] = [];
  const bullet = (depth: number, text: string): void => {
    lines.push(`${'  '.repeat(depth)}• ${text}`);
  };

  const read =
    source.kind !== 'takeout'
      ? source.name
      : report.archives.map((archive) => archive.name).join(', ');
  lines.push(r('archives', { list: read }));
  // A hint, not a problem: the family may go on without the part.
  if (report.missingParts.length > 0) {
    lines.push(
      r('missingParts', {
        count: report.missingParts.length,
        list: report.missingParts.join(', '),
      }),
    );
  }

  if (report.calendars.length === 0) lines.push(r('noCalendars'));
  else {
    lines.push(r('calendars'));
    for (const calendar of report.calendars) {
      const params = { name: calendar.name, events: n(calendar.events) };
      if (calendar.generated === null) bullet(1, r('calendar', params));
      else {
        const what = t(`takeout:generated.${calendar.generated}`);
        bullet(1, r('generatedCalendar', { ...params, what }));
      }
    }
  }

  const contacts = report.contacts;
  lines.push(r('contacts', { count: n(contacts.count) }));
  if (contacts.count > 0) {
    const labels = contacts.labels.length > 0 ? contacts.labels.join(', ') : r('none');
    bullet(1, r('labels', { list: labels }));
    if (contacts.starred > 0) bullet(1, r('starred', { count: n(contacts.starred) }));
  }
  // Apart from the people saved, left out unless asked for: say how to ask.
  if (contacts.otherContacts > 0) {
    lines.push(
      r('otherContacts', {
        count: contacts.otherContacts,
        formatted: n(contacts.otherContacts),
      }),
    );
  }

  lines.push(r('tasks', { count: n(report.tasks.count) }));
  for (const list of report.tasks.lists)
    bullet(1, r('taskList', { title: list.title, count: n(list.count) }));
  if (report.tasks.cleared > 0) bullet(1, r('cleared', { count: n(report.tasks.cleared) }));

  const files = report.files;
  if (files.folder === null) lines.push(r('noFiles'));
  else {
    lines.push(
      r('files', { folder: files.folder, count: n(files.count), size: size(files.bytes) }),
    );
    if (files.documents.count > 0) {
      const formats = Object.entries(files.documents.byFormat)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([format, count]) => `${format.toUpperCase()} ${n(count)}`)
        .join(', ');
      bullet(1, r('documents', { count: n(files.documents.count), formats }));
    }
    if (files.cannotMove.length > 0) {
      bullet(1, r('cannotMove', { count: n(files.cannotMove.length) }));
      for (const item of files.cannotMove)
        bullet(2, r('item', { where: item.where, reason: item.reason }));
    }
  }

  const photos = report.photos;
  if (photos.folder !== null && photos.count > 0) {
    lines.push(
      r('photos', { folder: photos.folder, count: n(photos.count), size: size(photos.bytes) }),
    );
    if (photos.albums.length > 0) {
      bullet(1, r('albums', { count: n(photos.albums.length) }));
      for (const album of photos.albums)
        bullet(2, r('album', { name: album.name, count: n(album.count) }));
    }
    if (photos.edited > 0) {
      bullet(1, r('edited', { count: n(photos.edited), size: size(photos.editedBytes) }));
    }
    if (photos.livePhotos > 0) bullet(1, r('livePhotos', { count: n(photos.livePhotos) }));
    if (photos.duplicates > 0) bullet(1, r('duplicates', { count: n(photos.duplicates) }));
    if (photos.undated > 0) bullet(1, r('undated', { count: n(photos.undated) }));
  }
  const notes = report.notes;
  if (notes.folder !== null && notes.count + notes.trashed > 0) {
    lines.push(r('notes', { folder: notes.folder, count: n(notes.count) }));
    if (notes.archived > 0) bullet(1, r('archived', { count: n(notes.archived) }));
    if (notes.attachments > 0) bullet(1, r('attachments', { count: n(notes.attachments) }));
    if (notes.trashed > 0) bullet(1, r('trashed', { count: n(notes.trashed) }));
  }

  if (report.others.length > 0) {
    lines.push(r('others'));
    for (const other of report.others) {
      bullet(
        1,
        r('other', {
          product: t(`takeout:products.${other.product}`),
          folder: other.folder === '' ? r('looseFiles') : other.folder,
          size: size(other.bytes),
        }),
      );
    }
  }

  if (report.problems.length === 0) lines.push(r('noProblems'));
  else {
    lines.push(r('problems', { count: n(report.problems.length) }));
    for (const problem of report.problems) {
      bullet(1, r('item', { where: problem.where, reason: problem.reason }));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Sizes are written by the one rule the report and the screens use too. */
export { formatSize };
