// The list of folders a move kept its journal in: private, each folder once, never the data
// folder itself, and a damaged list costs nothing but itself.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  registerStateFolder,
  registeredStateFolders,
  stateFoldersFileName,
} from '../../src/service/state-folders.ts';

let root: string;
let dataDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'baluchon-state-folders-'));
  dataDir = join(root, 'data');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('registerStateFolder', () => {
  it('lists each folder once, by its full path, in a file only the user can read', async () => {
    await registerStateFolder(dataDir, join(root, 'usb', '..', 'usb'));
    await registerStateFolder(dataDir, join(root, 'shared'));
    await registerStateFolder(dataDir, join(root, 'usb'));
    expect(await registeredStateFolders(dataDir)).toEqual([
      join(root, 'usb'),
      join(root, 'shared'),
    ]);
    const file = join(dataDir, stateFoldersFileName);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('keeps every folder when moves start together', async () => {
    const folders = ['a', 'b', 'c', 'd', 'e'].map((name) => join(root, name));
    await Promise.all(folders.map((folder) => registerStateFolder(dataDir, folder)));
    expect((await registeredStateFolders(dataDir)).sort()).toEqual(folders);
  });

  it('never lists the data folder itself', async () => {
    await registerStateFolder(dataDir, dataDir);
    expect(await registeredStateFolders(dataDir)).toEqual([]);
    await expect(readFile(join(dataDir, stateFoldersFileName))).rejects.toThrow();
  });

  it('starts a new list over a damaged one', async () => {
    await registerStateFolder(dataDir, join(root, 'usb'));
    await writeFile(join(dataDir, stateFoldersFileName), '{ not json');
    expect(await registeredStateFolders(dataDir)).toEqual([]);
    await registerStateFolder(dataDir, join(root, 'shared'));
    expect(await registeredStateFolders(dataDir)).toEqual([join(root, 'shared')]);
  });
});
