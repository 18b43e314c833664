// The report of a typical family's move, as the engine writes it: what the device setup and the
// take-home sheet are built from.
import type { MigrationReport } from '../../../src/contract/migrate.ts';
import { nothing } from '../../migration/support/kind-report.ts';

export const TEST_PASSWORD = 'Secret-Mot-De-Passe-42';

export function familyReport(overrides: Partial<MigrationReport> = {}): MigrationReport {
  const server = overrides.server ?? 'https://cloud.exemple.org/remote.php/dav/';
  const base = new URL(server);
  return {
    runId: 7,
    source: { kind: 'takeout', name: 'takeout-20261201T101010Z-001.zip' },
    state: 'finished',
    stopCode: null,
    stopMessage: null,
    server,
    account: 'camille.dupont',
    filesServer: null,
    filesAccount: null,
    startedAt: '2026-12-01T10:00:00.000Z',
    endedAt: '2026-12-01T10:20:00.000Z',
    calendars: { ...nothing, found: 412, created: 412, verified: 412 },
    tasks: { ...nothing, found: 23, created: 23, verified: 23 },
    contacts: { ...nothing, found: 187, created: 187, verified: 187 },
    files: {
      ...nothing,
      found: 16,
      left: [{ count: 3, bytes: 2_400_000, reason: 'cannot-move' }],
      created: 13,
      verified: 13,
    },
    photos: { ...nothing },
    notes: { ...nothing },
    photoFacts: null,
    noteFacts: null,
    problems: [],
    collections: [
      {
        kind: 'calendars',
        name: 'Famille',
        url: new URL('calendars/camille.dupont/famille/', base).href,
      },
      {
        kind: 'contacts',
        name: 'Contacts',
        url: new URL('addressbooks/users/camille.dupont/contacts/', base).href,
      },
      {
        kind: 'files',
        name: 'Mon Drive',
        url: new URL('files/camille.dupont/Mon%20Drive/', base).href,
      },
    ],
    birthdaysLeftOut: true,
    holidayFeeds: null,
    documents: null,
    verdict: 'all-that-can',
    complete: true,
    reportFile: null,
    ...overrides,
  };
}
