// Drive files into a real Apache mod_dav share, through the migration engine: every file byte
// for byte where the names plan says, the renamings reported, a second run that sends nothing,
// the read-back, and what Apache does not allow (dates, quota) reported honestly.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApache } from '../harness/apache.ts';
import { basicAuth } from '../harness/users.ts';
import { useFaultProxy, useServer } from '../harness/vitest-helpers.ts';
import { filesOnDisk } from './support/files-on-disk.ts';
import { buildDrive, expectedRenamings, expectedTargets } from './support/drive-fixture.ts';
import type { BuiltDrive } from './support/drive-fixture.ts';
import { migrateDrive } from './support/migrate-drive.ts';

const folderName = 'Google Drive (importé)';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-files-apache-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function getBytes(url: string, user: { name: string; password: string }): Promise<Buffer> {
  const answer = await fetch(url, { headers: { authorization: basicAuth(user) } });
  expect(answer.status, url).toBe(200);
  return Buffer.from(await answer.arrayBuffer());
}

function targetUrl(home: string, target: string): string {
  return `${home}${encodeURIComponent(folderName)}/${target.split('/').map(encodeURIComponent).join('/')}`;
}

describe.each(['zip', 'tgz'] as const)('a Drive in a 3-part %s, into Apache mod_dav', (format) => {
  const server = useServer(() => startApache());
  const proxy = useFaultProxy(() => server().url);
  let drive: BuiltDrive;
  let journalPath: string;

  beforeAll(async () => {
    drive = await buildDrive(join(dir, format), { format, parts: 3 });
    journalPath = join(dir, `${format}-journal.sqlite`);
  });

  const run = () =>
    migrateDrive({
      parts: drive.parts,
      filesRoot: proxy().through(server().user.home),
      user: server().user,
      journalPath,
      folderName,
    });

  it('moves every file byte for byte under one folder, and reports each renaming', async () => {
    const result = await run();
    expect(result.state).toBe('finished');
    const movable = Object.entries(expectedTargets).filter(([, target]) => target !== null);
    expect(result.plan.totals.count).toBe(movable.length);
    expect(result.counts.total).toMatchObject({
      created: movable.length,
      skipped: 4,
      failed: 0,
      pending: 0,
    });
    expect(result.verify).toEqual({ verified: movable.length, missing: 0, unexpected: 0 });

    // On disk, in Apache's data folder: exactly the planned files, nothing else anywhere.
    const userDir = join(server().dataDir, server().user.name);
    expect(filesOnDisk(userDir)).toEqual(
      movable.map(([, target]) => `${folderName}/${target ?? ''}`).sort(),
    );
    for (const [source, target] of movable) {
      const bytes = await getBytes(targetUrl(server().user.home, target ?? ''), server().user);
      expect(bytes.equals(drive.contents.get(source) ?? Buffer.alloc(1)), source).toBe(true);
      expect(statSync(join(userDir, folderName, target ?? '')).size).toBe(
        drive.contents.get(source)?.length,
      );
    }

    const renamings = result.problems
      .filter((problem) => problem.code === 'files.renamed')
      .map((problem) => problem.params);
    expect(renamings).toHaveLength(expectedRenamings.length);
    expect(renamings).toEqual(expect.arrayContaining([...expectedRenamings]));
    const skipped = result.problems
      .filter((problem) => problem.code.endsWith('-not-movable'))
      .map((problem) => [problem.code, problem.where]);
    expect(skipped.sort()).toEqual([
      ['files.form-not-movable', 'Formulaire inscription.gform'],
      ['files.google-file-not-movable', 'Ancien document.gdoc'],
      ['files.map-not-movable', 'Carte des vacances.gmap'],
      ['files.shortcut-not-movable', 'Raccourci vers Photos.glink'],
    ]);
    expect(result.plan.documents).toEqual({
      count: 4,
      byFormat: { docx: 1, xlsx: 1, pptx: 1, odt: 1 },
    });

    // Apache keeps no dates and tells no free space: said once, with the count.
    expect(result.freeSpace?.free).toEqual({ kind: 'unknown' });
    expect(result.facts.dates).toEqual({ kept: 0, notKept: movable.length, unknown: 0 });
    expect(result.problems.filter((problem) => problem.code === 'files.dates-not-kept')).toEqual([
      { code: 'files.dates-not-kept', where: folderName, params: { count: movable.length } },
    ]);
    // One PROPPATCH to find out, never one per file.
    expect(proxy().requests.filter((request) => request.method === 'PROPPATCH')).toHaveLength(2);
    // Streamed with their length, never as a chunked body; each folder made once.
    const puts = proxy().requests.filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(movable.length);
    for (const put of puts) {
      expect(put.headers['content-length']).toMatch(/^\d+$/);
      expect(put.headers['transfer-encoding']).toBeUndefined();
      expect(put.headers['if-none-match']).toBe('*');
    }
    const mkcols = proxy().requests.filter((request) => request.method === 'MKCOL');
    expect(new Set(mkcols.map((request) => request.path)).size).toBe(mkcols.length);
  });

  it('a second run sends nothing and finds everything there', async () => {
    proxy().clearRequests();
    const result = await run();
    expect(result.state).toBe('finished');
    const methods = proxy().requests.map((request) => request.method);
    expect(methods.filter((method) => method === 'PUT')).toEqual([]);
    expect(methods.filter((method) => method === 'MKCOL')).toEqual([]);
    expect(result.counts.total).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(result.outcomes.get('unchanged')).toBe(
      Object.values(expectedTargets).filter((target) => target !== null).length,
    );
    expect(result.verify?.missing).toBe(0);
    // The renamings are still in this run's report: the family reads the report of the last run.
    expect(result.problems.filter((problem) => problem.code === 'files.renamed')).toHaveLength(
      expectedRenamings.length,
    );
  });
});
