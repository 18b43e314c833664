// Received copies go once the move no longer needs them — and nothing else ever goes with them.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeReceivedCopies, uploadsDirOf } from '../../src/service/received-copies.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'baluchon-copies-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function file(...parts: string[]): Promise<string> {
  const path = join(root, ...parts);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, 'PK');
  return path;
}

describe('removeReceivedCopies', () => {
  it('removes the folders of the received parts and only those', async () => {
    const uploads = uploadsDirOf(root);
    const one = await file('uploads', 'aaa', 'takeout-001.zip');
    const two = await file('uploads', 'bbb', 'takeout-002.zip');
    await file('uploads', 'ccc', 'other-family.zip');
    const desktop = await file('Bureau', 'takeout-003.zip');
    const nested = await file('uploads', 'ddd', 'deeper', 'x.zip');
    const removed = await removeReceivedCopies(uploads, [one, two, desktop, nested]);
    expect(removed).toBe(2);
    expect((await readdir(uploads)).sort()).toEqual(['ccc', 'ddd']);
    expect(await readdir(join(root, 'Bureau'))).toEqual(['takeout-003.zip']);
  });

  it('never removes the uploads folder itself', async () => {
    const uploads = uploadsDirOf(root);
    const loose = await file('uploads', 'loose.zip');
    expect(await removeReceivedCopies(uploads, [loose])).toBe(0);
    expect(await readdir(uploads)).toEqual(['loose.zip']);
  });
});
