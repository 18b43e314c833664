// A family's export with photos and notes, as the scan reports it, and the report of its move,
// as the engine writes it: hand-made (checked against the contract's schemas), for the screens'
// tests before and beside the real journey.
import { MigrationReport, ScanReport } from '../../../src/contract/index.ts';
import { nothing } from '../../migration/support/kind-report.ts';

export function photosScanReport(overrides: Partial<ScanReport> = {}): ScanReport {
  return ScanReport.parse({
    archives: [
      {
        path: '/dl/takeout-20261201T101010Z-001.zip',
        name: 'takeout-20261201T101010Z-001.zip',
        format: 'zip',
        entries: 25_000,
        bytes: 48_600_000_000,
      },
    ],
    missingParts: [],
    calendars: [
      {
        key: 'Agenda/Famille.ics',
        name: 'Famille',
        color: '#9fc6e7',
        events: 412,
        generated: null,
      },
    ],
    contacts: { count: 187, labels: ['Famille'], starred: 4, otherContacts: 0 },
    tasks: { count: 0, lists: [], cleared: 0 },
    files: {
      folder: 'Drive',
      count: 16,
      bytes: 2_400_000,
      documents: { count: 0, byFormat: {} },
      cannotMove: [],
    },
    photos: {
      folder: 'Google Photos',
      count: 12_402,
      bytes: 48_000_000_000,
      videos: 310,
      edited: 1_204,
      editedBytes: 2_100_000_000,
      livePhotos: 37,
      undated: 22,
      duplicates: 2_950,
      albums: Array.from({ length: 38 }, (_, i) => ({ name: `Album ${String(i + 1)}`, count: 40 })),
    },
    notes: {
      folder: 'Keep',
      count: 86,
      archived: 12,
      trashed: 3,
      attachments: 14,
      labels: ['Courses', 'Recettes'],
    },
    others: [
      // What an older scan said of Photos and Keep before it read them: the cards replace it.
      { product: 'photos', folder: 'Google Photos', entries: 25_000, bytes: 48_000_000_000 },
      { product: 'keep', folder: 'Keep', entries: 200, bytes: 3_000_000 },
      { product: 'mail', folder: 'Mail', entries: 1, bytes: 2_100_000_000 },
    ],
    problems: [],
    ...overrides,
  });
}

export function photosMoveReport(overrides: Partial<MigrationReport> = {}): MigrationReport {
  return MigrationReport.parse({
    runId: 9,
    source: { kind: 'takeout', name: 'takeout-20261201T101010Z-001.zip' },
    state: 'finished',
    stopCode: null,
    stopMessage: null,
    server: 'https://cloud.exemple.org/remote.php/dav/',
    account: 'camille.dupont',
    filesServer: null,
    filesAccount: null,
    startedAt: '2026-12-01T10:00:00.000Z',
    endedAt: '2026-12-01T14:20:00.000Z',
    // A family who moves their photos, notes and a few files to a files account (the phones'
    // settings, for agendas and contacts, are another screen's test).
    calendars: { ...nothing },
    tasks: { ...nothing },
    contacts: { ...nothing },
    files: { ...nothing, found: 16, created: 16, verified: 16, bytes: 2_400_000 },
    photos: {
      ...nothing,
      found: 12_402,
      created: 12_402,
      verified: 12_402,
      bytes: 48_000_000_000,
      problems: [
        {
          code: 'photos.undated',
          where: 'Google Photos/Photos from 2019/IMG_0042.jpg',
          reason: 'Sans date chez Google.',
        },
      ],
    },
    notes: { ...nothing, found: 86, created: 86, verified: 86 },
    photoFacts: { albums: 38, albumsAs: 'lists', dated: 12_380, undated: 22, folder: 'Photos' },
    noteFacts: { archived: 12, trashed: 3, attachments: 14, folder: 'Notes' },
    problems: [],
    collections: [
      {
        kind: 'files',
        name: 'Google Drive (importé)',
        url: 'https://cloud.exemple.org/remote.php/dav/files/camille.dupont/Google%20Drive%20(import%C3%A9)/',
      },
    ],
    birthdaysLeftOut: false,
    holidayFeeds: null,
    documents: null,
    verdict: 'everything',
    complete: true,
    reportFile: null,
    ...overrides,
  });
}
