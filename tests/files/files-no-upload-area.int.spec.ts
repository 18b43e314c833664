// Large files on a server laid out like Nextcloud but without its chunked-upload area (a WebDAV
// share with Nextcloud's paths, a trimmed install, a proxy that refuses MKCOL there). The server
// is a stand-in (tests/standins/nextcloud-chunked-upload.ts with `uploads` set), since Nextcloud
// cannot be installed here. The large file must go by plain PUT, arrive byte for byte, be
// verified, and a run interrupted on the way must finish on the next one, with nothing alarming
// in the report. The chunk threshold is lowered so that "large" stays small.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../src/journal/open-journal.ts';
import { startNextcloudStandIn } from '../standins/nextcloud-chunked-upload.ts';
import type {
  NextcloudStandIn,
  NextcloudStandInOptions,
} from '../standins/nextcloud-chunked-upload.ts';
import { buildDrive } from './support/drive-fixture.ts';
import type { BuiltDrive } from './support/drive-fixture.ts';
import { migrateDrive } from './support/migrate-drive.ts';
import type { MigrateDriveOptions } from './support/migrate-drive.ts';

const KiB = 1024;
const folderName = 'Google Drive (importé)';

let dir: string;
let drive: BuiltDrive;
let standIn: NextcloudStandIn | null = null;
let counter = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-no-upload-area-'));
  drive = await buildDrive(join(dir, 'export'), {
    format: 'zip',
    parts: 1,
    drive: [
      { path: 'Vidéos/vacances.mp4', size: 700 * KiB + 3 },
      { path: 'Vidéos/anniversaire.mov', size: 300 * KiB },
      { path: 'photo.jpg', size: 3000 },
    ],
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

async function start(uploads: NextcloudStandInOptions['uploads']): Promise<NextcloudStandIn> {
  standIn = await startNextcloudStandIn({ uploads });
  return standIn;
}

const migrate = (
  server: NextcloudStandIn,
  journalPath: string,
  options: Partial<MigrateDriveOptions> = {},
) =>
  migrateDrive({
    parts: drive.parts,
    filesRoot: server.filesRoot,
    user: server.user,
    journalPath,
    folderName,
    // Anything above 64 KiB is "large" and would go in chunks.
    nextcloud: { chunking: { thresholdBytes: 64 * KiB } },
    ...options,
  });

function expectAllArrived(server: NextcloudStandIn): void {
  for (const [path, bytes] of drive.contents) {
    const onDisk = join(server.filesDir, folderName, path);
    expect(readFileSync(onDisk).equals(bytes), path).toBe(true);
  }
}

const uploadRequests = (server: NextcloudStandIn) =>
  server.requests.filter((request) => request.path.includes('/remote.php/dav/uploads/'));

describe('large files on a Nextcloud-like server without chunked upload (stand-in)', () => {
  it.each(['missing', 405, 409, 501] as const)(
    'upload area %s: plain PUT, byte for byte, verified, no problem reported',
    async (uploads) => {
      const server = await start(uploads);
      // One file at a time, so that "the area was found missing once" is exact.
      const result = await migrate(server, join(dir, `journal-${++counter}.sqlite`), {
        concurrency: 1,
      });
      expect(result.state).toBe('finished');
      expect(result.counts.total).toMatchObject({ created: 3, failed: 0 });
      expect(result.verify).toEqual({ verified: 3, missing: 0, unexpected: 0 });
      expectAllArrived(server);
      expect(result.problems).toEqual([]);
      // The server's hash still checked every file, the large ones included.
      expect(result.facts.checksums).toEqual({ checked: 3, sizeOnly: 0 });
      // The area was found missing once; the other large file went straight to a plain PUT.
      expect(uploadRequests(server).length).toBeGreaterThan(0);
      expect(
        uploadRequests(server).every(
          (request) => request.status === (uploads === 'missing' ? 404 : uploads),
        ),
      ).toBe(true);
      expect(uploadRequests(server).filter((request) => request.method === 'MKCOL')).toHaveLength(
        1,
      );
      const plainPuts = server.requests
        .filter((request) => request.method === 'PUT' && request.path.includes('/files/'))
        .map((request) => request.path.split('/').pop())
        .sort();
      expect(plainPuts).toEqual(['anniversaire.mov', 'photo.jpg', 'vacances.mp4']);
    },
  );

  it('a run interrupted while falling back finishes on the next run, nothing kept for a resume', async () => {
    const server = await start('missing');
    const journalPath = join(dir, `journal-${++counter}.sqlite`);
    const controller = new AbortController();
    server.onAnswered = (request) => {
      // Stop the run as soon as the first large file has arrived by plain PUT.
      if (request.method === 'PUT' && request.path.endsWith('.mov') && request.status === 201) {
        controller.abort(new Error('interrupted by the test'));
      }
    };
    await expect(
      migrate(server, journalPath, { signal: controller.signal, concurrency: 1 }),
    ).rejects.toThrow();
    server.onAnswered = null;

    const result = await migrate(server, journalPath);
    expect(result.state).toBe('finished');
    expect(result.counts.total.failed).toBe(0);
    expect(result.verify).toEqual({ verified: 3, missing: 0, unexpected: 0 });
    expect(result.problems).toEqual([]);
    expectAllArrived(server);

    // No upload id left in the journal: it would name a folder that cannot exist.
    const journal = openJournal({ path: journalPath, now: () => new Date() });
    const resumes = journal
      .collections({ server: new URL(server.filesRoot).origin, account: 'marie' })
      .flatMap((collection) => journal.collectionItems(collection.id))
      .map((item) => item.resume);
    journal.close();
    expect(resumes).toEqual([null, null, null]);
  });
});
