// Received copies of dropped archives (`baluchon web`): one copy per content, readable by the
// user only, nothing left of an upload cut short.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BaluchonError } from '../../src/errors/baluchon-error.ts';
import { receiveUpload, uploadSpareBytes } from '../../src/web/uploads.ts';

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

/** A body that counts how often it is asked for data, and can stop sending without ending. */
function watched(chunks: string[], options: { thenSilent?: boolean } = {}) {
  let reads = 0;
  const left = [...chunks];
  const stream = new Readable({
    read() {
      reads += 1;
      const next = left.shift();
      if (next !== undefined) this.push(Buffer.from(next));
      else if (options.thenSilent !== true) this.push(null);
      // thenSilent: no more data and no end, like a laptop closed in the middle of an upload.
    },
  });
  return { stream, reads: () => reads };
}

const codeOf = (error: unknown): string | undefined =>
  error instanceof BaluchonError ? error.code : undefined;

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

  it('refuses a part larger than the free space before writing a byte', async () => {
    const body = watched(['PK a big part']);
    const error: unknown = await receiveUpload(body.stream, uploads, 'a', 'takeout-001.zip', {
      declaredLength: 10 * 1024 * 1024,
      freeSpace: () => Promise.resolve(uploadSpareBytes + 5 * 1024 * 1024),
    }).catch((caught: unknown) => caught);
    expect(codeOf(error)).toBe('upload-no-space');
    expect(error).toMatchObject({ details: { neededMB: 10, freeMB: 5, name: 'takeout-001.zip' } });
    expect(body.reads()).toBe(0);
    expect(await readdir(uploads)).toEqual([]);
  });

  it('cuts a part sent without a size once it passes what the disk can take', async () => {
    const body = watched(['PK 8 byt', 'es, then', ' 8 more']);
    const error: unknown = await receiveUpload(body.stream, uploads, 'a', 'takeout.zip', {
      freeSpace: () => Promise.resolve(uploadSpareBytes + 12),
    }).catch((caught: unknown) => caught);
    expect(codeOf(error)).toBe('upload-no-space');
    expect(await readdir(uploads)).toEqual([]);
  });

  it('takes a part that fits, the margin left free', async () => {
    const path = await receiveUpload(body('PK fits'), uploads, 'a', 'takeout.zip', {
      declaredLength: 7,
      freeSpace: () => Promise.resolve(uploadSpareBytes + 7),
    });
    expect(await readFile(path, 'utf8')).toBe('PK fits');
  });

  it('cuts a part that stops arriving, and removes what had come', async () => {
    const body = watched(['PK the first half'], { thenSilent: true });
    const started = Date.now();
    const error: unknown = await receiveUpload(body.stream, uploads, 'a', 'takeout.zip', {
      idleMs: 50,
    }).catch((caught: unknown) => caught);
    expect(codeOf(error)).toBe('upload-idle');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await readdir(uploads)).toEqual([]);
  });

  it('never cuts a slow part that keeps arriving', async () => {
    const slow = new Readable({ read() {} });
    const receiving = receiveUpload(slow, uploads, 'a', 'takeout.zip', { idleMs: 500 });
    // Six chunks 100 ms apart: 600 ms in all, longer than the idle time, never idle that long
    // (a wide margin: the machine running the tests may be busy).
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      slow.push(Buffer.from(`PK${String(i)}`));
    }
    slow.push(null);
    expect(await readFile(await receiving, 'utf8')).toBe('PK0PK1PK2PK3PK4PK5');
  });
});
