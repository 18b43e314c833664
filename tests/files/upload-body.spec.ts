import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { uploadBody } from '../../src/files/upload-body.ts';

async function drain(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('uploadBody', () => {
  it('passes the bytes through, counted and hashed', async () => {
    const content = randomBytes(70_000);
    let counted = 0;
    const body = uploadBody(Readable.from([content.subarray(0, 1000), content.subarray(1000)]), {
      size: content.length,
      sha256: true,
      onBytes: (bytes) => (counted += bytes),
    });
    expect((await drain(body.stream)).equals(content)).toBe(true);
    expect(counted).toBe(content.length);
    expect(body.sha256()).toBe(createHash('sha256').update(content).digest('hex'));
    expect(body.sourceFailure()).toBeNull();
  });

  it('a source of another length than declared is refused, and said to be the source’s', async () => {
    const short = uploadBody(Readable.from([Buffer.alloc(10)]), { size: 20 });
    await expect(drain(short.stream)).rejects.toThrow(/files.source-unreadable/);
    expect(short.sourceFailure()?.detail).toMatch(/10 bytes instead of the 20/);
    const long = uploadBody(Readable.from([Buffer.alloc(30)]), { size: 20 });
    await expect(drain(long.stream)).rejects.toThrow(/files.source-unreadable/);
  });

  it('a source that breaks is the source’s failure, not the network’s', async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('invalid distance too far back'));
      },
    });
    const body = uploadBody(broken, { size: 10 });
    await expect(drain(body.stream)).rejects.toThrow();
    expect(body.sourceFailure()?.detail).toBe('invalid distance too far back');
  });
});
