// A files migration killed with SIGKILL in the middle of a large file (a real kill of a child
// process, as a laptop losing power would do), then run again: the file arrives whole, nothing
// is sent twice that had arrived, and the journal says what happened. Against Apache mod_dav.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../src/journal/open-journal.ts';
import { startApache } from '../harness/apache.ts';
import { basicAuth } from '../harness/users.ts';
import { useServer } from '../harness/vitest-helpers.ts';
import { buildDrive } from './support/drive-fixture.ts';
import type { BuiltDrive } from './support/drive-fixture.ts';
import { filesOnDisk } from './support/files-on-disk.ts';

const MiB = 1024 * 1024;
const bigSize = 96 * MiB;
const tsxCli = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const childScript = fileURLToPath(new URL('./support/migrate-child.ts', import.meta.url));

let dir: string;
let drive: BuiltDrive;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-files-sigkill-'));
  drive = await buildDrive(join(dir, 'export'), {
    format: 'zip',
    parts: 2,
    drive: [
      { path: 'Lettres/lettre.docx', size: 5000 },
      { path: 'Vidéos/mariage.mp4', size: bigSize },
      { path: 'photo.jpg', size: 3000 },
    ],
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface ChildRun {
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
  readonly done: string | null;
  readonly bytesSeen: number;
  readonly stderr: string;
}

describe('a files migration killed in the middle of a file', () => {
  const server = useServer(() => startApache());

  function runChild(journalPath: string, killAfterBytes?: number): Promise<ChildRun> {
    const child = spawn(
      process.execPath,
      [
        tsxCli,
        childScript,
        journalPath,
        server().user.home,
        server().user.name,
        'BALUCHON_TEST_PASSWORD',
        ...drive.parts,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        // tsx runs the script in a second node process: kill the whole group at once.
        detached: true,
        env: { ...process.env, BALUCHON_TEST_PASSWORD: server().user.password },
      },
    );
    let done: string | null = null;
    let bytesSeen = 0;
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('done ')) done = line.slice('done '.length);
      if (!line.startsWith('bytes ')) return;
      bytesSeen = Number(line.slice('bytes '.length));
      if (
        killAfterBytes !== undefined &&
        bytesSeen >= killAfterBytes &&
        !killed &&
        child.pid !== undefined
      ) {
        killed = true;
        process.kill(-child.pid, 'SIGKILL');
      }
    });
    return new Promise((resolve) => {
      child.on('close', (code, signal) => {
        resolve({ code, signal, done, bytesSeen, stderr });
      });
    });
  }

  it('resumes, and the file arrives whole', async () => {
    const journalPath = join(dir, 'journal.sqlite');
    const killed = await runChild(journalPath, bigSize / 2);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(killed.done).toBeNull();
    expect(killed.bytesSeen).toBeLessThan(bigSize);

    // The journal opens, and the large file is the one in flight.
    const journal = openJournal({ path: journalPath, now: () => new Date() });
    const items = journal
      .collections({ server: new URL(server().user.home).origin, account: server().user.name })
      .flatMap((collection) => journal.collectionItems(collection.id));
    journal.close();
    expect(items.filter((item) => item.state === 'sending').map((item) => item.label)).toContain(
      'Vidéos/mariage.mp4',
    );

    const finished = await runChild(journalPath);
    expect(finished.code, finished.stderr).toBe(0);
    const outcome = JSON.parse(finished.done ?? '{}') as {
      state: string;
      counts: { failed: number };
      verify: { verified: number; missing: number; unexpected: number };
    };
    expect(outcome.state).toBe('finished');
    expect(outcome.counts.failed).toBe(0);
    expect(outcome.verify).toEqual({ verified: 3, missing: 0, unexpected: 0 });

    for (const [path, bytes] of drive.contents) {
      const url = `${server().user.home}${encodeURIComponent('Google Drive (importé)')}/${path
        .split('/')
        .map(encodeURIComponent)
        .join('/')}`;
      const answer = await fetch(url, { headers: { authorization: basicAuth(server().user) } });
      expect(Buffer.from(await answer.arrayBuffer()).equals(bytes), path).toBe(true);
    }
    // Nothing half-written left behind on the server.
    expect(filesOnDisk(join(server().dataDir, server().user.name))).toEqual(
      ['Lettres/lettre.docx', 'Vidéos/mariage.mp4', 'photo.jpg'].map(
        (path) => `Google Drive (importé)/${path}`,
      ),
    );
  }, 180_000);
});
