// Drive files when things go wrong: connections cut mid-body, a server asking to wait, a full
// server, a refused password, a file damaged inside the archive, and archives whose names try to
// write elsewhere. Against Apache mod_dav behind the fault proxy.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeZip } from '../fixtures/takeout/zip-writer.ts';
import { partName } from '../fixtures/takeout/build-takeout.ts';
import { startApache } from '../harness/apache.ts';
import { fault } from '../harness/fault-rules.ts';
import { basicAuth } from '../harness/users.ts';
import { useFaultProxy, useServer } from '../harness/vitest-helpers.ts';
import { filesOnDisk } from './support/files-on-disk.ts';
import { buildDrive } from './support/drive-fixture.ts';
import { migrateDrive } from './support/migrate-drive.ts';

const folderName = 'Google Drive (importé)';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-files-faults-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const server = useServer(() => startApache());
const proxy = useFaultProxy(() => server().url);
let counter = 0;
let journalPath: string;
beforeEach(() => {
  counter++;
  journalPath = join(dir, `journal-${counter}.sqlite`);
});

/** A small Drive with one file large enough to be cut while its body is on the way. */
async function smallDrive(name: string) {
  return buildDrive(join(dir, name), {
    format: 'zip',
    parts: 2,
    drive: [
      { path: 'Vidéos/film.mp4', size: 8 * 1024 * 1024 },
      { path: 'Lettres/lettre.docx', size: 5000 },
      { path: 'Lettres/facture.pdf', size: 7000 },
      { path: 'photo.jpg', size: 3000 },
    ],
  });
}

async function expectArrived(
  contents: Map<string, Buffer>,
  folder = `${server().user.home}${encodeURIComponent(folderName)}/`,
): Promise<void> {
  for (const [path, bytes] of contents) {
    const answer = await fetch(`${folder}${path.split('/').map(encodeURIComponent).join('/')}`, {
      headers: { authorization: basicAuth(server().user) },
    });
    expect(answer.status, path).toBe(200);
    expect(Buffer.from(await answer.arrayBuffer()).equals(bytes), path).toBe(true);
  }
}

const migrate = (parts: string[], folder: string) =>
  migrateDrive({
    parts,
    filesRoot: proxy().through(server().user.home),
    user: server().user,
    journalPath,
    folderName: folder,
  });

const puts = (path: RegExp) =>
  proxy().requests.filter((request) => request.method === 'PUT' && path.test(request.path));

describe('connections cut, servers busy', () => {
  it('a connection reset while the body is on its way: sent again, arrives whole', async () => {
    const drive = await smallDrive('reset-mid-body');
    proxy().addRule({
      match: { method: 'PUT', path: /film\.mp4$/ },
      times: 1,
      action: fault.reset('before-forward'),
    });
    const result = await migrate(drive.parts, 'reset');
    expect(result.state).toBe('finished');
    expect(result.counts.total).toMatchObject({ created: 4, failed: 0 });
    expect(puts(/film\.mp4$/).map((request) => request.outcome)).toEqual(['reset', 'completed']);
    await expectArrived(drive.contents, `${server().user.home}reset/`);
  });

  it('the server wrote the file but the answer was lost: recognised, not sent twice', async () => {
    const drive = await smallDrive('reset-after-write');
    proxy().addRule({
      match: { method: 'PUT', path: /facture\.pdf$/ },
      times: 1,
      action: fault.reset('before-headers'),
    });
    const result = await migrate(drive.parts, 'lost-answer');
    expect(result.state).toBe('finished');
    expect(result.counts.total).toMatchObject({ created: 4, failed: 0 });
    // The retry asked "only if nothing is there" and got 412: the engine looked and found ours.
    expect(puts(/facture\.pdf$/).map((request) => request.status ?? request.outcome)).toEqual([
      'reset',
      412,
    ]);
    expect(result.verify).toEqual({ verified: 4, missing: 0, unexpected: 0 });
    await expectArrived(drive.contents, `${server().user.home}lost-answer/`);
  });

  it('503 with Retry-After: waits as asked, then sends', async () => {
    const drive = await smallDrive('busy');
    proxy().addRule({ match: { method: 'PUT' }, times: 2, action: fault.unavailable(7) });
    const result = await migrate(drive.parts, 'busy');
    expect(result.state).toBe('finished');
    expect(result.waits.filter((ms) => ms === 7000)).toHaveLength(2);
    expect(result.counts.total).toMatchObject({ created: 4, failed: 0 });
    await expectArrived(drive.contents, `${server().user.home}busy/`);
  });

  it('507 (server full) stops the run cleanly; the next run finishes', async () => {
    const drive = await smallDrive('full');
    const rule = proxy().addRule({ match: { method: 'PUT' }, action: fault.respond(507) });
    const stopped = await migrate(drive.parts, 'full');
    expect(stopped).toMatchObject({ state: 'stopped', stopCode: 'dav.server-full' });
    // Nothing after the stop: at most the requests already in flight (concurrency 4).
    expect(puts(/./).length).toBeLessThanOrEqual(4);
    expect(stopped.counts.total.created).toBe(0);
    rule.remove();
    const resumed = await migrate(drive.parts, 'full');
    expect(resumed.state).toBe('finished');
    expect(resumed.verify).toEqual({ verified: 4, missing: 0, unexpected: 0 });
    await expectArrived(drive.contents, `${server().user.home}full/`);
  });

  it('401 (password refused) stops the run', async () => {
    const drive = await smallDrive('password');
    proxy().addRule({ match: { method: 'PUT' }, action: fault.respond(401) });
    const stopped = await migrate(drive.parts, 'password');
    expect(stopped).toMatchObject({ state: 'stopped', stopCode: 'dav.unauthorized' });
    expect(puts(/./).length).toBeLessThanOrEqual(4);
  });
});

describe('archives', () => {
  it('a file damaged inside the archive fails on its own; the others arrive', async () => {
    const path = join(dir, 'damaged', partName('20250314T091500Z', 0, '.zip'));
    mkdirSync(join(dir, 'damaged'), { recursive: true });
    const good = randomBytes(4000);
    writeZip(path, [
      { name: 'Takeout/Drive/Lettre.docx', data: good, method: 'store' },
      {
        name: 'Takeout/Drive/Cassé.pdf',
        data: Buffer.alloc(5000, 1),
        // A deflate block type zlib refuses (RFC 1951 §3.2.3, BTYPE=11).
        rawCompressed: Buffer.from([0x07, 0x55, 0xaa, 0x55, 0xaa, 0x00, 0xff]),
      },
    ]);
    const result = await migrate([path], 'damaged');
    expect(result.state).toBe('finished');
    expect(result.counts.total).toMatchObject({ created: 1, failed: 1 });
    expect(result.problems.map((problem) => [problem.code, problem.where])).toContainEqual([
      'files.source-unreadable',
      'Cassé.pdf',
    ]);
    // Not sent again and again: a damaged archive is not a network problem.
    expect(puts(/Cass/).length).toBeLessThanOrEqual(1);
    await expectArrived(new Map([['Lettre.docx', good]]), `${server().user.home}damaged/`);
  });

  it('hostile names never write outside the import folder', async () => {
    const path = join(dir, 'hostile', partName('20250314T091500Z', 0, '.zip'));
    mkdirSync(join(dir, 'hostile'), { recursive: true });
    const evil = (name: string) => ({
      name,
      data: Buffer.from(`evil ${name}`),
      method: 'store' as const,
    });
    writeZip(path, [
      { name: 'Takeout/Drive/Lettre.docx', data: Buffer.alloc(3000, 7), method: 'store' },
      // Refused by the archive reader (takeout.unsafe-path).
      evil('Takeout/Drive/../../evil-parent.txt'),
      evil('Takeout/Drive/a/../../../evil-deep.txt'),
      evil('/etc/evil-absolute.txt'),
      evil('Takeout/Drive/..\\..\\evil-backslash.txt'),
      // Odd but legal names: they must land inside, as the very names they are.
      evil('Takeout/Drive/%2e%2e%2fevil-encoded.txt'),
      evil('Takeout/Drive/sub/%2e%2e/%2e%2e/evil-encoded-folders.txt'),
      evil('Takeout/Drive/ ../evil-space-dotdot.txt'),
      evil('Takeout/Drive/.. /evil-dotdot-space.txt'),
      evil('Takeout/Drive/... /evil-dots.txt'),
      evil('Takeout/Drive/..%5cevil-encoded-backslash.txt'),
      evil('Takeout/Drive/\u2025/evil-two-dot-leader.txt'),
      evil('Takeout/Drive/\uff0e\uff0e\uff0fevil-fullwidth.txt'),
      evil('Takeout/Drive/a:b/C:evil-drive.txt'),
      evil('Takeout/Drive/?query=evil.txt'),
      evil('Takeout/Drive/#fragment-evil.txt'),
      evil('Takeout/Drive/evil;jsessionid=1.txt'),
    ]);
    const result = await migrate([path], 'hostile');
    expect(result.state).toBe('finished');
    expect(result.counts.total.failed).toBe(0);
    const userDir = join(server().dataDir, server().user.name);
    const onDisk = filesOnDisk(server().dataDir);
    // Everything Apache holds is inside the import folder of this test.
    for (const file of onDisk.filter((file) => file.includes('evil'))) {
      expect(file.startsWith(`${server().user.name}/hostile/`), file).toBe(true);
    }
    expect(filesOnDisk(join(userDir, 'hostile'))).toEqual(
      [
        'Lettre.docx',
        '%2e%2e%2fevil-encoded.txt',
        'sub/%2e%2e/%2e%2e/evil-encoded-folders.txt',
        // ` ..`, `.. ` and `... ` lose their trailing dots and spaces: nothing is left but `_`.
        '_/evil-space-dotdot.txt',
        '_ (2)/evil-dotdot-space.txt',
        '_ (3)/evil-dots.txt',
        '..%5cevil-encoded-backslash.txt',
        '\u2025/evil-two-dot-leader.txt',
        '\uff0e\uff0e\uff0fevil-fullwidth.txt',
        'a_b/C_evil-drive.txt',
        '_query=evil.txt',
        '#fragment-evil.txt',
        'evil;jsessionid=1.txt',
      ].sort(),
    );
    expect(
      result.problems.filter((problem) => problem.code === 'takeout.unsafe-path'),
    ).toHaveLength(4);
  });
});
