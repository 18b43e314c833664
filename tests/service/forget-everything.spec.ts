// "Forget everything" everywhere: the folders on the list, the folder of a move left unfinished
// (which may predate the list), the one named by the caller — and nothing else of them.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalPath, openJournal } from '../../src/journal/index.ts';
import { forgetEverywhere } from '../../src/service/forget-everything.ts';
import { registerStateFolder } from '../../src/service/state-folders.ts';
import { UnfinishedMoves } from '../../src/service/unfinished-moves.ts';

let root: string;
let dataDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'baluchon-forget-everywhere-'));
  dataDir = join(root, 'data');
  await mkdir(dataDir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A folder holding a journal, a report, and a file of the family's own. */
async function stateFolder(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'reports'), { recursive: true });
  await writeFile(join(dir, 'reports', 'rapport.html'), '<p>rapport</p>');
  await writeFile(join(dir, 'notes.txt'), 'à garder');
  openJournal({ path: journalPath(dir), now: () => new Date() }).close();
  return dir;
}

describe('forgetEverywhere', () => {
  it('forgets the listed folders, an unfinished move’s folder and the one named', async () => {
    const listed = await stateFolder('listed');
    const unfinished = await stateFolder('unfinished');
    const named = await stateFolder('named');
    await registerStateFolder(dataDir, listed);
    await new UnfinishedMoves(dataDir).remember({
      paths: [],
      account: {
        accountId: 'a1',
        server: 'https://cloud.example/',
        username: 'famille',
        software: 'nextcloud',
        principal: null,
        calendarHome: null,
        addressbookHome: null,
        filesRoot: null,
        quota: null,
      },
      selection: {
        contacts: true,
        tasks: true,
        files: true,
        photos: true,
        editedPhotos: true,
        notes: true,
        otherContacts: false,
      },
      stateDir: unfinished,
      startedAt: '2026-12-01T10:00:00.000Z',
    });
    const removed = await forgetEverywhere(dataDir, named);
    for (const dir of [listed, unfinished, named]) {
      expect(await readdir(dir)).toEqual(['notes.txt']);
      expect(removed).toContain(join(dir, 'journal'));
    }
    expect(await readdir(dataDir)).toEqual([]);
  });
});
