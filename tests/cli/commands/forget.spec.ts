// `baluchon forget`: the data folder and, with --state, a journal kept elsewhere.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.ts';
import { journalPath, openJournal } from '../../../src/journal/index.ts';
import { registerStateFolder } from '../../../src/service/state-folders.ts';

let root: string;
let dataDir: string;
let stateDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'baluchon-cli-forget-'));
  dataDir = join(root, 'data');
  stateDir = join(root, 'cle-usb');
  for (const dir of [dataDir, stateDir]) {
    await mkdir(join(dir, 'reports'), { recursive: true });
    await writeFile(join(dir, 'reports', 'rapport.html'), '<p>rapport</p>');
    openJournal({ path: journalPath(dir), now: () => new Date() }).close();
  }
  // Something of the family's own in the state folder: never touched.
  await writeFile(join(stateDir, 'notes.txt'), 'à garder');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function run(args: string[], lang: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await runCli(args, {
    stdout,
    stderr,
    env: { LANG: lang, BALUCHON_DATA_DIR: dataDir },
    cwd: root,
    interrupted: new AbortController().signal,
  });
  return { code, out };
}

describe('baluchon forget', () => {
  it('with --state, forgets the journal kept there too, and nothing else of that folder', async () => {
    const { code, out } = await run(['forget', '--state', 'cle-usb'], 'fr_FR.UTF-8');
    expect(code).toBe(0);
    expect(out).toContain(`Le journal et les rapports gardés dans ${stateDir} sont effacés aussi.`);
    expect(await readdir(stateDir)).toEqual(['notes.txt']);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('without --state, leaves a journal kept elsewhere alone', async () => {
    const { code } = await run(['forget', '--json'], 'en_US.UTF-8');
    expect(code).toBe(0);
    expect((await readdir(stateDir)).sort()).toContain('reports');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('without --state, forgets every folder a move kept its journal in, and their list', async () => {
    await registerStateFolder(dataDir, stateDir);
    const { code, out } = await run(['forget'], 'en_US.UTF-8');
    expect(code).toBe(0);
    expect(out).toContain(`The journal and the reports kept in ${stateDir} are erased too.`);
    expect(await readdir(stateDir)).toEqual(['notes.txt']);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('names a listed folder it cannot find now, and how to forget it later', async () => {
    const unplugged = join(root, 'cle-debranchee');
    await registerStateFolder(dataDir, unplugged);
    const { code, out } = await run(['forget'], 'fr_FR.UTF-8');
    expect(code).toBe(0);
    expect(out).toContain(`Le dossier ${unplugged}, où un déménagement a gardé son journal`);
    expect(out).toContain(`lancez « forget --state ${unplugged} »`);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('forgets the received archive copies and what a killed reading left in its spool', async () => {
    await mkdir(join(dataDir, 'uploads', 'a1b2'), { recursive: true });
    await writeFile(join(dataDir, 'uploads', 'a1b2', 'takeout-001.zip'), 'PK');
    // src/service/source-openers.ts: a .tgz's calendars and contacts are copied there.
    await mkdir(join(dataDir, 'reading', 'baluchon-tgz-x'), { recursive: true });
    await writeFile(join(dataDir, 'reading', 'baluchon-tgz-x', 'contacts.vcf'), 'BEGIN:VCARD');
    const { code } = await run(['forget'], 'en_US.UTF-8');
    expect(code).toBe(0);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('explains --state in its help, in French and in English', async () => {
    const fr = await run(['forget', '--help'], 'fr_FR.UTF-8');
    expect(fr.out).toContain('forget [--state <dossier>] [--json]');
    expect(fr.out).toContain('aussi le journal gardé dans ce dossier');
    const en = await run(['forget', '--help'], 'en_US.UTF-8');
    expect(en.out).toContain('also the journal kept in this folder');
  });
});
