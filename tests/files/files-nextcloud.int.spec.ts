// Drive files into Nextcloud, as far as this machine allows: against a stand-in of Nextcloud's
// documented WebDAV and chunked upload v2 (tests/standins/nextcloud-chunked-upload.ts), since
// Nextcloud itself cannot be installed here. Large files go in chunks and resume after an
// interruption, dates are kept, the server's hash is compared, free space is checked first.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BaluchonError } from '../../src/errors/baluchon-error.ts';
import { openJournal } from '../../src/journal/open-journal.ts';
import { startFaultProxy } from '../harness/fault-proxy.ts';
import { fault } from '../harness/fault-rules.ts';
import { startNextcloudStandIn } from '../standins/nextcloud-chunked-upload.ts';
import type { NextcloudStandIn } from '../standins/nextcloud-chunked-upload.ts';
import { buildDrive } from './support/drive-fixture.ts';
import type { BuiltDrive } from './support/drive-fixture.ts';
import { migrateDrive } from './support/migrate-drive.ts';
import type { MigrateDriveOptions } from './support/migrate-drive.ts';

const MiB = 1024 * 1024;
const folderName = 'Google Drive (importé)';
/** What the fixture generator writes as every file's date (2024-06-01T12:00:00Z). */
const archiveDate = Date.UTC(2024, 5, 1, 12, 0, 0);

let dir: string;
let drive: BuiltDrive;
let standIn: NextcloudStandIn;
let journalPath: string;
let counter = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-files-nextcloud-'));
  drive = await buildDrive(join(dir, 'export'), {
    format: 'zip',
    parts: 2,
    drive: [
      { path: 'Vidéos/vacances.mp4', size: 23 * MiB + 123 },
      { path: 'Vidéos/anniversaire.mov', size: 12 * MiB },
      { path: 'Lettres/lettre.docx', size: 5000 },
      { path: 'Lettres/facture.pdf', size: 7000 },
      { path: 'photo.jpg', size: 3000 },
    ],
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  standIn = await startNextcloudStandIn();
  journalPath = join(dir, `journal-${++counter}.sqlite`);
});
afterEach(async () => {
  await standIn.close();
});

const migrate = (options: Partial<MigrateDriveOptions> = {}) =>
  migrateDrive({
    parts: drive.parts,
    filesRoot: standIn.filesRoot,
    user: standIn.user,
    journalPath,
    folderName,
    nextcloud: { chunking: { chunkBytes: 5 * MiB, thresholdBytes: 5 * MiB } },
    ...options,
  });

function expectAllArrived(): void {
  for (const [path, bytes] of drive.contents) {
    const onDisk = join(standIn.filesDir, folderName, path);
    expect(readFileSync(onDisk).equals(bytes), path).toBe(true);
    expect(statSync(onDisk).mtimeMs, path).toBe(archiveDate);
  }
}

const chunkPuts = () =>
  standIn.requests.filter(
    (request) => request.method === 'PUT' && request.path.includes('/uploads/'),
  );

describe('Drive files into Nextcloud (stand-in)', () => {
  it('large files in chunks, small ones in one PUT; dates kept, hashes compared', async () => {
    const result = await migrate();
    expect(result.state).toBe('finished');
    expect(result.counts.total).toMatchObject({ created: 5, failed: 0 });
    expect(result.verify).toEqual({ verified: 5, missing: 0, unexpected: 0 });
    expectAllArrived();
    // 23 MiB in 5 MiB chunks: 5 chunks; 12 MiB: 3 chunks. One MOVE each.
    expect(chunkPuts()).toHaveLength(8);
    expect(standIn.requests.filter((request) => request.method === 'MOVE')).toHaveLength(2);
    for (const put of chunkPuts()) {
      expect(put.headers['destination']).toMatch(
        /\/remote\.php\/dav\/files\/marie\/Google%20Drive/,
      );
      expect(put.headers['oc-total-length']).toMatch(/^\d+$/);
    }
    const move = standIn.requests.find((request) => request.method === 'MOVE');
    expect(move?.headers).toMatchObject({
      overwrite: 'F',
      'x-oc-mtime': String(archiveDate / 1000),
    });
    const plainPuts = standIn.requests.filter(
      (request) => request.method === 'PUT' && request.path.includes('/files/'),
    );
    expect(plainPuts.map((request) => request.path.split('/').pop()).sort()).toEqual([
      'facture.pdf',
      'lettre.docx',
      'photo.jpg',
    ]);
    expect(result.facts).toEqual({
      dates: { kept: 5, notKept: 0, unknown: 0 },
      checksums: { checked: 5, sizeOnly: 0 },
    });
    expect(result.problems.filter((problem) => problem.code === 'files.dates-not-kept')).toEqual(
      [],
    );
    // Nothing tried a PROPPATCH of dates: the header was enough.
    expect(standIn.requests.filter((request) => request.method === 'PROPPATCH')).toHaveLength(1);
  });

  it('an interruption between chunks: the next run sends only the missing chunks', async () => {
    const controller = new AbortController();
    standIn.onAnswered = (request) => {
      // Stop the run as soon as the second chunk of the large file has arrived.
      if (request.method === 'PUT' && request.path.endsWith('/00002') && request.status === 201) {
        controller.abort(new Error('interrupted by the test'));
      }
    };
    await expect(migrate({ signal: controller.signal, concurrency: 1 })).rejects.toThrow();
    standIn.onAnswered = null;

    // The journal kept the upload's id while it was interrupted.
    const journal = openJournal({ path: journalPath, now: () => new Date() });
    const sending = journal
      .collections({ server: new URL(standIn.filesRoot).origin, account: 'marie' })
      .flatMap((collection) => journal.collectionItems(collection.id))
      .filter((item) => item.state === 'sending');
    journal.close();
    expect(sending).toHaveLength(1);
    const uploadId = (sending[0]?.resume as { uploadId?: string } | null)?.uploadId ?? '';
    expect(uploadId).toMatch(/^baluchon-[0-9a-f]{32}$/);
    const firstRunChunks = chunkPuts().map((request) => request.path);
    expect(firstRunChunks.filter((path) => path.includes(uploadId)).length).toBeGreaterThanOrEqual(
      2,
    );

    const result = await migrate();
    expect(result.state).toBe('finished');
    expect(result.counts.total.failed).toBe(0);
    expectAllArrived();
    // Each chunk of the interrupted file went once, over both runs.
    const chunksOfThatFile = chunkPuts()
      .map((request) => request.path)
      .filter((path) => path.includes(uploadId));
    expect(new Set(chunksOfThatFile).size).toBe(chunksOfThatFile.length);
    // The resumed run listed the upload folder before sending.
    expect(
      standIn.requests.some(
        (request) => request.method === 'PROPFIND' && request.path.endsWith(`${uploadId}/`),
      ),
    ).toBe(true);
  });

  it('a file damaged on the way is removed and fails; the next run sends it again', async () => {
    standIn.damage = (path) => path.endsWith('facture.pdf') || path.endsWith('anniversaire.mov');
    const first = await migrate();
    expect(first.counts.total).toMatchObject({ created: 3, failed: 2 });
    expect(
      first.problems
        .filter((problem) => problem.code === 'files.checksum-mismatch')
        .map((problem) => problem.where)
        .sort(),
    ).toEqual(['Lettres/facture.pdf', 'Vidéos/anniversaire.mov']);
    standIn.damage = null;
    const second = await migrate();
    expect(second.counts.total).toMatchObject({ created: 2, unchanged: 3, failed: 0 });
    expectAllArrived();
  });

  it('chunks and the final MOVE survive cut connections and a busy server', async () => {
    const proxy = await startFaultProxy({ target: standIn.url });
    try {
      // A chunk cut while on its way (the reader opens the file again and skips to the chunk),
      // a chunk answered 503, and a MOVE done by the server whose answer never came back.
      proxy.addRule({
        match: { method: 'PUT', path: /\/00003$/ },
        times: 1,
        action: fault.reset('before-forward'),
      });
      proxy.addRule({
        match: { method: 'PUT', path: /\/00002$/ },
        times: 1,
        action: fault.unavailable(3),
      });
      proxy.addRule({ match: { method: 'MOVE' }, times: 1, action: fault.reset('before-headers') });
      const result = await migrate({ filesRoot: proxy.through(standIn.filesRoot) });
      expect(result.state).toBe('finished');
      expect(result.counts.total).toMatchObject({ created: 5, failed: 0 });
      expect(result.verify).toEqual({ verified: 5, missing: 0, unexpected: 0 });
      expectAllArrived();
      expect(result.waits).toContain(3000);
      const outcomes = (method: string, path: RegExp) =>
        proxy.requests
          .filter((request) => request.method === method && path.test(request.path))
          .map((request) => request.status ?? request.outcome);
      expect(outcomes('PUT', /\/00003$/)).toContain('reset');
      expect(outcomes('PUT', /\/00002$/)).toContain(503);
      // The lost MOVE was not sent again: the file was found in place, the upload folder gone.
      // One MOVE per large file: the lost one (reset) and the other one (201), nothing more.
      expect(outcomes('MOVE', /\.file$/).sort()).toEqual([201, 'reset']);
    } finally {
      await proxy.stop();
    }
  });

  it('not enough free space: says how much is needed and free, sends nothing', async () => {
    standIn.quotaBytes = 10 * MiB;
    const error = await migrate().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(BaluchonError);
    const needed = [...drive.contents.values()].reduce((sum, bytes) => sum + bytes.length, 0);
    expect(error).toMatchObject({
      code: 'files.not-enough-space',
      details: {
        needed,
        available: 10 * MiB,
        neededMB: Math.ceil(needed / 1e6),
        availableMB: Math.floor((10 * MiB) / 1e6),
      },
    });
    expect(
      standIn.requests.filter((request) => ['PUT', 'MKCOL', 'MOVE'].includes(request.method)),
    ).toEqual([]);
  });

  it('enough free space: says how much', async () => {
    standIn.quotaBytes = 1000 * MiB;
    const result = await migrate();
    // The first run must have moved every file, or the second would rightly need space again.
    expect(result.problems).toEqual([]);
    expect(result.counts.total).toMatchObject({ created: 5, failed: 0 });
    expect(result.freeSpace?.free).toEqual({ kind: 'known', availableBytes: 1000 * MiB });
    standIn.quotaBytes = null;
    const again = await migrate();
    // A second run needs nothing more, and an account without a limit says so.
    expect(again.freeSpace).toEqual({ neededBytes: 0, free: { kind: 'unlimited' } });
  });
});
