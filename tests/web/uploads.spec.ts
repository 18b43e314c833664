// Received copies of dropped archives (`baluchon web`): one copy per content, readable by the
// user only, nothing left of an upload cut short.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveUpload } from '../../src/web/uploads.ts';

let root: string;
let uploads: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'baluchon-uploads-'));
  uploads = join(root, 'uploads');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const body = (...chunks: string[]): Readable => Readable.from(chunks.map((c) => Buffer.from(c)));

/** A body that sends a first chunk, then breaks like a closed browser tab. */
function cutShort(): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) {
        this.destroy(new Error('connection reset'));
        return;
      }
      sent = true;
      this.push(Buffer.from('PK half an archive'));
    },
  });
}

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('receiveUpload', () => {
  it('stores an archive dropped twice once, and answers with the same copy', async () => {
    const first = await receiveUpload(body('PK', ' same bytes'), uploads, 'a', 'takeout-001.zip');
    const again = await receiveUpload(body('PK same', ' bytes'), uploads, 'b', 'takeout-001.zip');
    expect(again).toBe(first);
    expect(await readdir(uploads)).toHaveLength(1);
    expect(await readdir(dirname(first))).toEqual(['takeout-001.zip']);
    expect(await readFile(first, 'utf8')).toBe('PK same bytes');
  });

  it('keeps the same content once even under another name', async () => {
    const first = await receiveUpload(body('PK content'), uploads, 'a', 'takeout-001.zip');
    const renamed = await receiveUpload(body('PK content'), uploads, 'b', 'copie.zip');
    expect(renamed).toBe(first);
    expect(await readdir(uploads)).toHaveLength(1);
  });

  it('stores two different parts apart, each under its own name', async () => {
    const one = await receiveUpload(body('PK part one'), uploads, 'a', 'takeout-001.zip');
    const two = await receiveUpload(body('PK part two'), uploads, 'b', 'takeout-002.zip');
    expect(one).not.toBe(two);
    expect(one.endsWith('takeout-001.zip')).toBe(true);
    expect(two.endsWith('takeout-002.zip')).toBe(true);
    expect(await readdir(uploads)).toHaveLength(2);
  });

  it('names the folder after the content, and keeps only harmless names', async () => {
    const path = await receiveUpload(body('PK'), uploads, 'a', '../../evil.zip');
    const sha256 = createHash('sha256').update('PK').digest('hex');
    expect(path).toBe(join(uploads, sha256, 'evil.zip'));
  });

  it('lets only the user read the copies: folders 0700, files 0600', async () => {
    const path = await receiveUpload(body('PK private'), uploads, 'a', 'takeout.zip');
    expect(await mode(uploads)).toBe(0o700);
    expect(await mode(dirname(path))).toBe(0o700);
    expect(await mode(path)).toBe(0o600);
  });

  it('leaves nothing of an upload cut short', async () => {
    await expect(receiveUpload(cutShort(), uploads, 'a', 'takeout.zip')).rejects.toThrow();
    expect(await readdir(uploads)).toEqual([]);
  });
});
